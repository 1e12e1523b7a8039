"""Matchcentrum suggestions at scale: one request ranked over 342 municipalities, 20,000 practices."""

import io
import time

from bench.utils import Report, time_call, time_get


def run(report: Report) -> None:
    # Imported here, not at the top: Django is set up (bench/__main__.py) before this runs.
    from django.db import connection
    from django.test import Client

    # Imported here, not at the top: Django is set up (bench/__main__.py) before this runs.
    from knowledge import demo as knowledge_demo
    from knowledge.models import PracticePage
    from matchcentrum.factories import MatchRequestFactory
    from matchcentrum.scoring import match_suggestions
    from municipalities import demo as municipalities_demo
    from municipalities.models import MunicipalityPage
    from network.factories import UserFactory
    from network.roles import PROJECT_TEAM
    from taxonomy.models import Theme

    started = time.perf_counter()
    municipalities_demo.load(scale=1, stdout=io.StringIO())
    knowledge_demo.load(scale=1, stdout=io.StringIO())
    missing = 20_000 - PracticePage.objects.count()
    if missing > 0:  # the knowledge benchmark may have built them already
        knowledge_demo.generate_practices(
            index=knowledge_demo.ensure_index_page(),
            count=missing,
            start=PracticePage.objects.filter(title__startswith="Gegenereerd: ").count(),
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    municipalities = MunicipalityPage.objects.live().filter(retired_on__isnull=True).count()
    practices = PracticePage.objects.live().count()
    report.add(
        "matchcentrum",
        "data built",
        f"{municipalities} municipalities, {practices} practices in "
        f"{time.perf_counter() - started:.0f} s",
        ">= 342, >= 20000",
        municipalities >= 342 and practices >= 20_000,
    )

    asker = MunicipalityPage.objects.get(cbs_code="GM0363")
    themes = list(Theme.objects.filter(article__in=[9, 19, 29]))
    request = MatchRequestFactory(municipality=asker, themes=themes)
    timing = time_call(lambda: match_suggestions(request), repeat=30)
    report.add(
        "matchcentrum", "suggestions queries", str(timing.queries), "<= 10", timing.queries <= 10
    )
    report.add(
        "matchcentrum",
        "suggestions median",
        f"{timing.median:.1f} ms (p95 {timing.p95:.1f})",
        "< 500 ms",
        timing.median < 500,
    )
    everyone = match_suggestions(request, limit=None)
    report.add(
        "matchcentrum",
        "candidates ranked",
        str(len(everyone)),
        f"= {municipalities - 1}",
        len(everyone) == municipalities - 1,
    )

    team = UserFactory(email="bench-team@example.org", roles=[PROJECT_TEAM])
    client = Client()
    client.force_login(team)
    page = time_get(f"/matchcentrum/aanvragen/{request.pk}/", client=client, repeat=10)
    report.add(
        "matchcentrum",
        "request page median",
        f"{page.median:.1f} ms, {page.queries} queries",
        "200",
        page.status == 200,
    )
