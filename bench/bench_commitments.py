"""Commitments: the national overview with 342 municipalities x 20 commitments.

Timed for a logged-in member, whose pages are rendered every time (anonymous visitors may be
served from the page cache, which would say nothing about the query)."""

import datetime
import random

from django.test import Client

from bench.utils import Report, time_get
from commitments.models import Commitment, CommitmentStatus, StatusChange
from municipalities.models import MunicipalityPage
from network.factories import UserFactory

QUERY_TARGET = 12
PER_MUNICIPALITY = 20
PARTIES = ["Lokaal Belang", "Partij voor Iedereen", "Stadsbelang", "Samen Verder", ""]


def _fill() -> int:
    if not MunicipalityPage.objects.exists():
        from municipalities.importer import import_municipalities

        import_municipalities()
    rng = random.Random(342)
    statuses = CommitmentStatus.values
    rows = []
    for municipality in MunicipalityPage.objects.only("pk"):
        for number in range(PER_MUNICIPALITY):
            party = rng.choice(PARTIES)
            promised = datetime.date(2022, 4, 1) + datetime.timedelta(days=rng.randint(0, 700))
            rows.append(
                Commitment(
                    municipality_id=municipality.pk,
                    title=f"Toezegging {number + 1}: toegankelijke haltes en loketten",
                    made_by=Commitment.MadeBy.PARTY if party else Commitment.MadeBy.COLLEGE,
                    party_name=party,
                    term=rng.choice(["2022-2026", "2026-2030"]),
                    source_title="Coalitieakkoord",
                    promised_on=promised,
                    status=rng.choice(statuses),
                    status_date=promised + datetime.timedelta(days=rng.randint(0, 400)),
                )
            )
    created = Commitment.objects.bulk_create(rows, batch_size=2000)
    StatusChange.objects.bulk_create(
        [
            StatusChange(commitment=c, status=c.status, date=c.status_date, note="Stand van zaken")
            for c in created
        ],
        batch_size=2000,
    )
    return len(created)


def run(report: Report) -> None:
    total = Commitment.objects.count() or _fill()
    client = Client()
    client.force_login(UserFactory(email="bench-commitments@example.org"))
    slug = MunicipalityPage.objects.values_list("slug", flat=True).first()
    pages = [
        (f"overview of {total:,} commitments, page 1", "/toezeggingen/"),
        ("overview, page 100", "/toezeggingen/?page=100"),
        (
            "overview filtered (province, status, party)",
            "/toezeggingen/?province=PV26&status=realised&party=Lokaal",
        ),
        ("overview filtered by term", "/toezeggingen/?term=2026-2030"),
        ("one municipality's commitments", f"/gemeenten/{slug}/toezeggingen/"),
        ("one municipality's priorities", f"/gemeenten/{slug}/prioriteiten/"),
        ("municipality feed", f"/gemeenten/{slug}/toezeggingen/feed/"),
    ]
    for label, url in pages:
        timing = time_get(url, client=client)
        ok = timing.status == 200
        report.add("commitments", f"{label} median", f"{timing.median:.1f} ms", "", ok)
        report.add("commitments", f"{label} p95", f"{timing.p95:.1f} ms", "", ok)
        report.add(
            "commitments",
            f"{label} queries",
            str(timing.queries),
            f"<= {QUERY_TARGET}",
            timing.queries <= QUERY_TARGET,
        )
    timing = time_get("/toezeggingen/export.csv", client=client, repeat=3, warmup=1)
    report.add(
        "commitments",
        f"CSV export of {total:,} median",
        f"{timing.median:.0f} ms",
        "",
        timing.status == 200,
    )
