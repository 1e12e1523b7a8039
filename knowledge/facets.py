"""The library's search page, in parts: facet groups, active filters, links and pages."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from municipalities.models import SizeClass

from .search import FACETS, SearchQuery, SearchResults
from .search.terms import VOCABULARY_FACETS

PAGE_SIZE = 10
MAX_VALUES_PER_FACET = 60

FACET_LABELS = {
    "kind": gettext_lazy("Kind of practice"),
    "theme": gettext_lazy("Theme (article of the UN convention)"),
    "life_domain": gettext_lazy("Life domain"),
    "target_group": gettext_lazy("Target group"),
    "municipality": pgettext_lazy("search filter", "Municipality"),
    "province": gettext_lazy("Province"),
    "size_class": gettext_lazy("Size of the municipality"),
    "year": gettext_lazy("Year"),
}


def query_string(query: SearchQuery, **changes) -> str:
    """A shareable '?…' URL of the query (sort and page only when not the default)."""
    params: list[tuple[str, str]] = []
    text = changes.get("text", query.text)
    if text:
        params.append(("q", text))
    for facet in FACETS:
        params += [(facet, value) for value in query.selected(facet)]
    if query.sort != "relevance":
        params.append(("sort", query.sort))
    page = changes.get("page", 1)
    if page and page > 1:
        params.append(("page", str(page)))
    return "?" + urlencode(params) if params else "?"


@dataclass
class PageInfo:
    """What components/pagination.html needs, for results that are not a Django Page."""

    results: SearchResults

    @property
    def number(self) -> int:
        return self.results.page

    @property
    def paginator(self):
        return self

    @property
    def num_pages(self) -> int:
        return self.results.num_pages

    def has_previous(self) -> bool:
        return self.results.has_previous

    def has_next(self) -> bool:
        return self.results.has_next

    def previous_page_number(self) -> int:
        return self.results.page - 1

    def next_page_number(self) -> int:
        return self.results.page + 1


def facet_groups(results: SearchResults, terms) -> list[dict]:
    """Each facet's checkboxes: value, label, count, checked; values with no hits left out."""
    groups = []
    query = results.query
    for facet in FACETS:
        counts = results.facets.get(facet, {})
        selected = set(query.selected(facet))
        if facet in VOCABULARY_FACETS:
            options = [(slug, term.label) for slug, term in terms[facet].items()]
        elif facet == "size_class":
            options = list(SizeClass.choices)
        elif facet == "year":
            options = [(year, year) for year in sorted(counts, reverse=True)]
        else:
            options = [(name, name) for name in sorted(counts)]
        values = [
            {
                "value": value,
                "label": str(label),
                "count": counts.get(value, 0),
                "checked": value in selected,
                "id": f"facet-{facet}-{value}".replace(" ", "-"),
            }
            for value, label in options
            if counts.get(value) or value in selected
        ]
        # Municipalities are many: one select (no script needed) instead of checkboxes.
        select = facet == "municipality"
        if not select:
            values = values[:MAX_VALUES_PER_FACET]
        if values:
            groups.append(
                {
                    "name": facet,
                    "label": FACET_LABELS[facet],
                    "values": values,
                    "select": select,
                    "id": f"facet-{facet}",
                }
            )
    return groups


def active_filters(query: SearchQuery, groups: list[dict]) -> list[dict]:
    """One removable link per selected value, labelled for the person reading it."""
    labels = {(g["name"], v["value"]): v["label"] for g in groups for v in g["values"]}
    items = []
    for facet in FACETS:
        for value in query.selected(facet):
            items.append(
                {
                    "facet": FACET_LABELS[facet],
                    "label": labels.get((facet, value), value),
                    "url": query_string(query.without(facet, value)),
                }
            )
    return items


MAX_PAGE = 10_000


def relax_links(results: SearchResults) -> list[dict]:
    """Where a search found nothing: the same search without its words or one of its filters."""
    relax = []
    if results.total:
        return relax
    if results.query.text and results.query.filters:
        relax.append(
            {
                "label": _("Search with these filters but without the words"),
                "url": query_string(results.query, text=""),
            }
        )
    for facet in FACETS:
        if results.query.selected(facet) and any(results.facets.get(facet, {}).values()):
            relax.append(
                {
                    "label": _("Leave out the filter “%(facet)s”") % {"facet": FACET_LABELS[facet]},
                    "url": query_string(results.query.without(facet)),
                }
            )
    return relax
