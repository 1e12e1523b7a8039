"""Voices: /stemmen/ with 10,000 published voices (median, p95 and query count)."""

from bench.utils import Report, time_get
from voices.demo import bulk_voices
from voices.models import Voice

QUERY_TARGET = 12
VOICES = 10_000


def run(report: Report) -> None:
    missing = VOICES - Voice.objects.published().count()
    if missing > 0:
        bulk_voices(count=missing)
    theme_slug = (
        Voice.themes.field.related_model.objects.filter(voices__isnull=False)
        .values_list("slug", flat=True)
        .first()
    )
    pages = [
        ("list 10,000 voices, page 1", "/stemmen/"),
        ("list 10,000 voices, page 400", "/stemmen/?page=400"),
        ("list filtered by theme", f"/stemmen/?theme={theme_slug}" if theme_slug else "/stemmen/"),
        ("list filtered by province", "/stemmen/?province=Utrecht"),
        ("Atom feed", "/stemmen/feed/"),
    ]
    for label, url in pages:
        timing = time_get(url)
        ok = timing.status == 200
        report.add("voices", f"{label} median", f"{timing.median:.1f} ms", "", ok)
        report.add("voices", f"{label} p95", f"{timing.p95:.1f} ms", "", ok)
        report.add(
            "voices",
            f"{label} queries",
            str(timing.queries),
            f"<= {QUERY_TARGET}",
            timing.queries <= QUERY_TARGET,
        )
