"""The data behind the overview: one query for the rows; table, map, counts and exports share it."""

import datetime
import re
from collections import Counter

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from .forms import FILTER_NAMES, ROUTE_DONE, MunicipalityFilterForm, route_total
from .map import accessible_name, legend_swatch, render_map
from .models.records import LiaStatus, municipality_model
from .reference import load_provinces
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
    "route": lambda row: (row["route_done"], name_key(row["title"])),
    "population": lambda row: (row["population"] or 0, name_key(row["title"])),
}


def active_municipalities():
    """Live municipalities that still exist (merged ones keep their page but leave the lists)."""
    return municipality_model().objects.live().filter(retired_on__isnull=True)


def _cache_key(kind: str, form: MunicipalityFilterForm, *extra: str) -> str:
    parts = [kind, str(map_cache_version()), form.filter_key(), *extra]
    return "municipalities:" + ":".join(parts)


def filtered_rows(form: MunicipalityFilterForm) -> list[dict]:
    """The matching municipalities as plain dicts, in name order (cached until data changes)."""
    key = _cache_key("rows", form)
    rows = cache.get(key)
    if rows is None:
        rows = list(
            form.apply(active_municipalities())
            .order_by("title")
            .values(*ROW_FIELDS)
            .annotate(route_done=ROUTE_DONE, route_steps_total=route_total())
        )
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


SORT_LABELS = {
    "name": gettext_lazy("Municipality"),
    "province": gettext_lazy("Province"),
    "status": gettext_lazy("LIA status"),
    "date": gettext_lazy("Status since"),
    "manifest": gettext_lazy("Manifest signed"),
    "route": gettext_lazy("Route steps done"),
    "population": gettext_lazy("Population"),
}


def sort_columns(filters: dict[str, str], sort: str) -> list[dict]:
    """Header links of the table: a second click on the sorted column reverses it."""
    columns = []
    for key, label in SORT_LABELS.items():
        if sort == key:
            aria_sort, next_sort = "ascending", f"-{key}"
        elif sort == f"-{key}":
            aria_sort, next_sort = "descending", key
        else:
            aria_sort, next_sort = "", key
        columns.append(
            {
                "key": key,
                "label": label,
                "aria_sort": aria_sort,
                "url": "?" + urlencode({**filters, "sort": next_sort}) + "#municipality-table",
                "numeric": key in ("population", "route"),
            }
        )
    return columns


def results_html(*, request, form: MunicipalityFilterForm, base_url: str) -> str:
    """Everything below the filter form, rendered once per filter, sort and language.

    Cached like the rows: 342 table rows, the counts and the map take a while to render
    and change only when a status, a profile or the import changes.
    """
    filters = {
        name: form.cleaned_data[name] for name in FILTER_NAMES if form.cleaned_data.get(name)
    }
    sort = form.sort_key
    key = _cache_key("results", form, sort, get_language() or "", base_url)
    html = cache.get(key)
    if html is None:
        rows = decorate(filtered_rows(form), base_url)
        context = {
            "rows": sorted_rows(rows, sort),
            "status_counts": status_counts(rows),
            "province_counts": province_counts(rows),
            "map_svg": map_svg(form, rows, label=_("Map of the municipalities by LIA status")),
            "total_count": active_count(),
            "route_total": rows[0]["route_steps_total"] if rows else 0,
            "is_filtered": bool(filters),
            "query_string": urlencode(filters),
            "sort_columns": sort_columns(filters, sort),
        }
        html = render_to_string("municipalities/includes/overview_results.html", context, request)
        cache.set(key, html, CACHE_TIMEOUT)
    return mark_safe(html)  # noqa: S308 - our own template's output, escaped when rendered
