"""Municipalities: the import, the overview with all 342 municipalities, a profile, the map."""

import gzip
import io
import re
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.utils import Report, time_get


def run(report: Report) -> None:
    # Imported here, not at the top: Django is set up (bench/__main__.py) before this runs.
    from municipalities import demo
    from municipalities.importer import import_municipalities
    from municipalities.map import map_geometry, render_map
    from municipalities.models import MunicipalityPage

    start = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        result = import_municipalities()
    seconds = time.perf_counter() - start
    report.add(
        "municipalities",
        "import 342 pages",
        f"{seconds:.1f} s, {len(queries)} queries",
        "< 10 s",
        len(result.created) == 342 and seconds < 10,
    )
    start = time.perf_counter()
    again = import_municipalities()
    report.add(
        "municipalities",
        "import again (no changes)",
        f"{time.perf_counter() - start:.1f} s",
        "",
        not again.changed,
    )
    demo.load(scale=1, stdout=io.StringIO())

    overview = time_get("/gemeenten/")
    report.add(
        "municipalities",
        "overview (342) median, warm cache",
        f"{overview.median:.1f} ms (p95 {overview.p95:.1f})",
        "",
        overview.status == 200,
    )
    report.add(
        "municipalities", "overview queries", str(overview.queries), "<= 12", overview.queries <= 12
    )
    filtered = time_get("/gemeenten/?province=PV27&status=adopted&sort=-population")
    report.add(
        "municipalities",
        "overview filtered median",
        f"{filtered.median:.1f} ms",
        "",
        filtered.status == 200,
    )
    profile = time_get("/gemeenten/amsterdam/")
    report.add(
        "municipalities",
        "profile median",
        f"{profile.median:.1f} ms",
        "",
        profile.status == 200,
    )
    report.add(
        "municipalities", "profile queries", str(profile.queries), "<= 12", profile.queries <= 12
    )
    export = time_get("/gemeenten/export.csv", repeat=10)
    report.add(
        "municipalities", "CSV export median", f"{export.median:.1f} ms", "", export.status == 200
    )

    rows = {
        page.cbs_code: {
            "url": f"/gemeenten/{page.slug}/",
            "current_lia_status": page.current_lia_status,
            "accessible_name": f"{page.title}: {page.get_current_lia_status_display()}"
            f" sinds 12-03-2024",
        }
        for page in MunicipalityPage.objects.all()
    }
    svg = render_map(entries=rows, label="Kaart van de gemeenten naar LIA-status")
    size = len(gzip.compress(svg.encode("utf-8")))
    report.add(
        "municipalities",
        "map SVG gzipped",
        f"{size / 1024:.1f} KB ({len(svg) / 1024:.0f} KB raw)",
        "<= 60 KB",
        size <= 60 * 1024,
    )
    links = len(re.findall(r"<a href=", svg))
    report.add("municipalities", "map links", str(links), "342", links == 342)
    map_geometry.cache_clear()
    start = time.perf_counter()
    map_geometry()
    report.add(
        "municipalities",
        "map geometry (project + simplify, once per process)",
        f"{(time.perf_counter() - start) * 1000:.0f} ms",
    )

    # For comparison: what the import saves over Wagtail's add_child, per page.
    # Imported here, not at the top: Django is set up (bench/__main__.py) before this runs.
    from municipalities.models import MunicipalityIndexPage

    index = MunicipalityIndexPage.objects.get()
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        added = [
            index.add_child(
                instance=MunicipalityPage(
                    title=f"Proef {n}",
                    slug=f"proef-{n}",
                    cbs_code=f"GM99{n:02d}",
                    official_name=f"Proef {n}",
                    province="Utrecht",
                    province_code="PV26",
                )
            )
            for n in range(20)
        ]
    per_page_ms = (time.perf_counter() - start) * 1000 / 20
    report.add(
        "municipalities",
        "add_child per page (for comparison)",
        f"{per_page_ms:.1f} ms, {len(queries) / 20:.0f} queries",
        f"import: {seconds * 1000 / 342:.1f} ms",
    )
    for page in added:
        page.delete()
