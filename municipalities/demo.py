"""Demo data: all municipalities from the CBS file, made-up LIA histories, signatories, officials."""

import datetime
import random

from network.factories import UserFactory
from network.roles import MUNICIPAL_OFFICIAL

from .importer import import_municipalities
from .models import LiaStatus, LiaStatusChange, MunicipalityPage
from .services import map_cache_invalidate, membership_add

# How far municipalities have come, roughly as the network sees it (weights per final status).
FINAL_STATUS_WEIGHTS = {
    LiaStatus.NONE: 14,
    LiaStatus.EXPLORING: 20,
    LiaStatus.DRAFTING: 20,
    LiaStatus.ADOPTED: 22,
    LiaStatus.IN_EXECUTION: 17,
    LiaStatus.EVALUATED: 7,
}
PROGRESSION = [
    LiaStatus.EXPLORING,
    LiaStatus.DRAFTING,
    LiaStatus.ADOPTED,
    LiaStatus.IN_EXECUTION,
    LiaStatus.EVALUATED,
]
NOTES = {
    LiaStatus.EXPLORING: "Eerste verkennende gesprekken met ervaringsdeskundigen en maatschappelijke partners.",
    LiaStatus.DRAFTING: "Werkgroep met ervaringsdeskundigen schrijft aan de agenda.",
    LiaStatus.ADOPTED: "De gemeenteraad heeft de Lokale Inclusie Agenda vastgesteld.",
    LiaStatus.IN_EXECUTION: "Het uitvoeringsprogramma is gestart.",
    LiaStatus.EVALUATED: "Evaluatie met het ervaringsdeskundigenpanel afgerond; agenda vernieuwd.",
}
AMSTERDAM_HISTORY = [
    (LiaStatus.EXPLORING, datetime.date(2017, 5, 10), "survey", NOTES[LiaStatus.EXPLORING]),
    (LiaStatus.DRAFTING, datetime.date(2018, 9, 3), "self_report", NOTES[LiaStatus.DRAFTING]),
    (LiaStatus.ADOPTED, datetime.date(2019, 12, 12), "project_team", NOTES[LiaStatus.ADOPTED]),
    (
        LiaStatus.IN_EXECUTION,
        datetime.date(2020, 3, 2),
        "self_report",
        NOTES[LiaStatus.IN_EXECUTION],
    ),
]
OFFICIALS = [
    ("ambtenaar@example.org", "Anne Ambtenaar", "GM0363", "Beleidsadviseur inclusie"),
    ("ambtenaar.utrecht@example.org", "Umar Utrecht", "GM0344", "Programmamanager VN-verdrag"),
    ("ambtenaar.denhaag@example.org", "Daan de Haag", "GM0518", "Beleidsmedewerker sociaal domein"),
    ("ambtenaar.almere@example.org", "Alma Almere", "GM0034", "Adviseur toegankelijkheid"),
    ("ambtenaar.groningen@example.org", "Gea Groningen", "GM0014", "Beleidsadviseur Wmo"),
]


def _random_date(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _history(rng: random.Random, final: str) -> list[tuple[str, datetime.date, str, str]]:
    """A believable path from exploring to the final status, with dates moving forward."""
    if final == LiaStatus.NONE:
        return []
    steps = PROGRESSION[: PROGRESSION.index(final) + 1]
    date = _random_date(rng, datetime.date(2017, 1, 1), datetime.date(2022, 6, 30))
    history = []
    for status in steps:
        source = rng.choice(["self_report", "survey", "project_team"])
        history.append((status, date, source, NOTES[status]))
        date = _random_date(
            rng, date + datetime.timedelta(days=120), date + datetime.timedelta(days=700)
        )
        date = min(date, datetime.date(2026, 6, 30))
    return history


def load(*, scale: int, stdout) -> None:
    result = import_municipalities()
    stdout.write(f"  municipalities: {len(result.created)} created, {result.unchanged} unchanged")

    pages = list(MunicipalityPage.objects.filter(retired_on__isnull=True).order_by("cbs_code"))
    with_history = set(LiaStatusChange.objects.values_list("municipality_id", flat=True).distinct())
    statuses, weights = zip(*FINAL_STATUS_WEIGHTS.items(), strict=True)
    changes: list[LiaStatusChange] = []
    touched: list[MunicipalityPage] = []
    for page in pages:
        if page.pk in with_history:
            continue
        # Seeded per municipality, so a re-run on a fresh database gives the same picture.
        rng = random.Random(page.cbs_code)
        if page.cbs_code == "GM0363":
            history = AMSTERDAM_HISTORY
        else:
            history = _history(rng, rng.choices(statuses, weights)[0])
        for status, date, source, note in history:
            changes.append(
                LiaStatusChange(
                    municipality=page,
                    status=status,
                    date=date,
                    source=source,
                    note=note,
                    is_demo_data=True,
                )
            )
        final = history[-1] if history else None
        page.current_lia_status = final[0] if final else LiaStatus.NONE
        page.current_lia_status_date = final[1] if final else None
        rank = LiaStatus.rank(page.current_lia_status)
        if page.cbs_code == "GM0363" or rng.random() < 0.15 + 0.1 * rank:
            page.manifest_signed_on = _random_date(
                rng, datetime.date(2019, 3, 1), datetime.date(2025, 12, 1)
            )
        page.expert_panel = rank >= LiaStatus.rank(LiaStatus.DRAFTING) and rng.random() < 0.7
        page.is_demo_data = True
        touched.append(page)
    # Bulk writes: 342 histories through the service one by one would take a minute.
    LiaStatusChange.objects.bulk_create(changes, batch_size=500)
    MunicipalityPage.objects.bulk_update(
        touched,
        [
            "current_lia_status",
            "current_lia_status_date",
            "manifest_signed_on",
            "expert_panel",
            "is_demo_data",
        ],
        batch_size=200,
    )
    map_cache_invalidate()

    by_code = {page.cbs_code: page for page in pages}
    for email, name, code, job_title in OFFICIALS:
        if code not in by_code:
            continue
        user = UserFactory(email=email, display_name=name, roles=[MUNICIPAL_OFFICIAL])
        membership_add(user=user, municipality=by_code[code], job_title=job_title)
    stdout.write(
        f"  LIA history: {len(changes)} new entries for {len(touched)} municipalities; "
        f"{len(OFFICIALS)} officials linked"
    )
