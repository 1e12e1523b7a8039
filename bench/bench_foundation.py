"""The foundation's pages: the home page and site search."""

from bench.utils import Report, time_get


def run(report: Report) -> None:
    home = time_get("/")
    report.add("foundation", "home page median", f"{home.median:.1f} ms", "", home.status == 200)
    report.add("foundation", "home page queries", str(home.queries), "<= 12", home.queries <= 12)
    search = time_get("/zoeken/?q=netwerk")
    report.add(
        "foundation", "site search median", f"{search.median:.1f} ms", "", search.status == 200
    )
