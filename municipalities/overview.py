"""The data behind the overview: one query for the rows; table, map, counts and exports share it."""

import datetime
import re
from collections import Counter

from django.core.cache import cache
from django.utils.translation import get_language

from .forms import MunicipalityFilterForm
from .importer import load_provinces
from .map import accessible_name, legend_swatch, render_map
from .models import LiaStatus, MunicipalityPage
from .services import map_cache_version

ROW_FIELDS = (
    "cbs_code",
    "title",
    "slug",
    "province",
    "province_code",
    "region",
    "region_code",
    "population",
    "size_class",
    "current_lia_status",
    "current_lia_status_date",
    "manifest_signed_on",
)
CACHE_TIMEOUT = 60 * 60 * 24

_FAR_PAST = datetime.date.min


def name_key(name: str) -> str:
    """Dutch alphabetical order: 's-Hertogenbosch sorts under H, as in the CBS lists."""
    return re.sub(r"^'s-", "", name).casefold()


SORT_KEYS = {
    "name": lambda row: name_key(row["title"]),
    "province": lambda row: (row["province"], name_key(row["title"])),
    "status": lambda row: (LiaStatus.rank(row["current_lia_status"]), name_key(row["title"])),
    "date": lambda row: (row["current_lia_status_date"] or _FAR_PAST, name_key(row["title"])),
    "manifest": lambda row: (row["manifest_signed_on"] or _FAR_PAST, name_key(row["title"])),
    "population": lambda row: (row["population"] or 0, name_key(row["title"])),
}


def active_municipalities():
    """Live municipalities that still exist (merged ones keep their page but leave the lists)."""
    return MunicipalityPage.objects.live().filter(retired_on__isnull=True)


def _cache_key(kind: str, form: MunicipalityFilterForm, *extra: str) -> str:
    parts = [kind, str(map_cache_version()), form.filter_key(), *extra]
    return "municipalities:" + ":".join(parts)


def filtered_rows(form: MunicipalityFilterForm) -> list[dict]:
    """The matching municipalities as plain dicts, in name order (cached until data changes)."""
    key = _cache_key("rows", form)
    rows = cache.get(key)
    if rows is None:
        rows = list(form.apply(active_municipalities()).order_by("title").values(*ROW_FIELDS))
        cache.set(key, rows, CACHE_TIMEOUT)
    return rows


def active_count() -> int:
    """How many municipalities exist, for 'n of m' (cached like the rows)."""
    key = f"municipalities:count:{map_cache_version()}"
    count = cache.get(key)
    if count is None:
        count = active_municipalities().count()
        cache.set(key, count, CACHE_TIMEOUT)
    return count


def sorted_rows(rows: list[dict], sort: str) -> list[dict]:
    descending = sort.startswith("-")
    key = SORT_KEYS.get(sort.lstrip("-"), SORT_KEYS["name"])
    return sorted(rows, key=key, reverse=descending)


def decorate(rows: list[dict], base_url: str) -> list[dict]:
    """Add the labels and the profile link a template needs (labels follow the language)."""
    labels = dict(LiaStatus.choices)
    for row in rows:
        row["status_label"] = labels.get(row["current_lia_status"], row["current_lia_status"])
        row["url"] = f"{base_url}{row['slug']}/"
        row["accessible_name"] = accessible_name(
            name=row["title"],
            status=row["current_lia_status"],
            status_label=row["status_label"],
            status_date=row["current_lia_status_date"],
        )
    return rows


def status_counts(rows: list[dict]) -> list[dict]:
    """For the legend: each status with its swatch and how many matching municipalities have it."""
    counter = Counter(row["current_lia_status"] for row in rows)
    return [
        {"status": value, "label": label, "count": counter[value], "swatch": legend_swatch(value)}
        for value, label in LiaStatus.choices
    ]


def province_counts(rows: list[dict]) -> dict:
    """Counts per province and status, with bar widths for the chart (percent of the largest)."""
    names = load_provinces()
    table: dict[str, Counter] = {code: Counter() for code in sorted(names, key=names.get)}
    for row in rows:
        table.setdefault(row["province_code"], Counter())[row["current_lia_status"]] += 1
    largest = max((sum(counter.values()) for counter in table.values()), default=0) or 1
    provinces = []
    for code, counter in table.items():
        total = sum(counter.values())
        provinces.append(
            {
                "code": code,
                "name": names.get(code, code),
                "counts": [counter[value] for value in LiaStatus.values],
                "total": total,
                # At least "adopted": the share that has a LIA, for the bar chart.
                "with_lia": sum(
                    counter[value]
                    for value in LiaStatus.values
                    if LiaStatus.rank(value) >= LiaStatus.rank(LiaStatus.ADOPTED)
                ),
                "width": round(100 * total / largest),
            }
        )
    for province in provinces:
        province["lia_width"] = round(100 * province["with_lia"] / largest)
    totals = [sum(province["counts"][i] for province in provinces) for i in range(len(LiaStatus))]
    return {"provinces": provinces, "totals": totals, "total": len(rows)}


def map_svg(form: MunicipalityFilterForm, rows: list[dict], *, label: str) -> str:
    """The rendered SVG for these filters, cached per language until a status changes."""
    base = rows[0]["url"].rsplit("/", 2)[0] if rows else ""
    key = _cache_key("map", form, get_language() or "", base)
    svg = cache.get(key)
    if svg is None:
        entries = {row["cbs_code"]: row for row in rows}
        svg = render_map(entries=entries, label=label)
        cache.set(key, svg, CACHE_TIMEOUT)
    return svg
