"""Thin views of the practice library: the faceted search page and the Atom feed."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from municipalities.models import SizeClass
from network.feeds import SafeAtom1Feed
from network.params import parse_int, query_list

from .forms import PracticeSearchForm
from .models import PracticeIndexPage, PracticePage
from .search import FACETS, SearchQuery, SearchResults, get_engine
from .search.terms import VOCABULARY_FACETS, cached_terms

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


def practice_search(request: HttpRequest, page: PracticeIndexPage) -> TemplateResponse:
    """The search page: validate, search, and answer 400/404 with a message on bad input."""
    form = PracticeSearchForm(request.GET or None)
    status = 200
    text, sort = "", "relevance"
    if form.is_bound and form.is_valid():
        text, sort = form.cleaned_data["q"], form.cleaned_data["sort"]
    elif form.is_bound:
        status = 400

    # The site's one page rule (network.pagination): not a number -> page 1, past the end ->
    # the last page. Numbers beyond any real result count are capped before they reach SQL.
    page_number = min(parse_int(request.GET.get("page"), minimum=1, maximum=2**63) or 1, MAX_PAGE)

    filters, refused = {}, False
    for facet in FACETS:
        values = query_list(request, facet)
        refused = refused or None in values
        filters[facet] = tuple(v for v in values if v is not None)
    if refused:
        status = 400
        if form.is_bound and form.is_valid():
            form.add_error(None, _("A filter in the address was not valid and was left out."))
    query = SearchQuery(
        text=text, filters=filters, sort=sort, page=page_number, page_size=PAGE_SIZE
    )
    engine = get_engine()
    results = engine.search(query)
    if results.ignored:
        status = 400
        values = ", ".join(v for values in results.ignored.values() for v in values)
        if form.is_bound and form.is_valid():
            form.add_error(
                None,
                _("These filters are not known and were left out: %(values)s.")
                % {"values": values},
            )
    if results.out_of_range and results.total:
        results = engine.search(replace(query, page=results.num_pages))

    terms = results.terms if results.terms is not None else cached_terms()
    groups = facet_groups(results, terms)
    filters_active = active_filters(results.query, groups)
    relax = []
    if not results.total:
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
                        "label": _("Leave out the filter “%(facet)s”")
                        % {"facet": FACET_LABELS[facet]},
                        "url": query_string(results.query.without(facet)),
                    }
                )
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "search_query": results.query,
            "results": results,
            "page_info": PageInfo(results),
            "facet_groups": groups,
            "active_filters": filters_active,
            "relax_links": relax,
            "clear_url": query_string(SearchQuery(text=results.query.text)),
            "shown_text": results.corrected or results.query.text,
            "corrected_url": query_string(results.query, text=results.corrected)
            if results.corrected
            else "",
            "suggestion_url": query_string(results.query, text=results.suggestion)
            if results.suggestion
            else "",
            "has_input": bool(results.query.text or results.query.filters),
        }
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


class PracticeFeed(Feed):
    """Atom feed of the newest published practices."""

    feed_type = SafeAtom1Feed
    title = gettext_lazy("Iedereen doet mee! – new practices")
    subtitle = gettext_lazy("Practices from municipalities, newest first.")

    def link(self) -> str:
        index = PracticeIndexPage.objects.live().first()
        return index.url if index else "/"

    def items(self):
        return PracticePage.objects.live().order_by("-first_published_at", "-pk")[:20]

    def item_title(self, item: PracticePage) -> str:
        return item.title

    def item_description(self, item: PracticePage) -> str:
        return item.summary

    def item_link(self, item: PracticePage) -> str:
        return item.url

    def item_pubdate(self, item: PracticePage):
        return item.first_published_at

    def item_updateddate(self, item: PracticePage):
        return item.last_published_at
