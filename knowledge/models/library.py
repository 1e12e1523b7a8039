"""The practice library page at /kennisbank/: the faceted search over the practices."""

from dataclasses import replace

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel

from network.models import BasePage
from network.params import parse_int, query_list

from ..facets import (
    MAX_PAGE,
    PAGE_SIZE,
    PageInfo,
    active_filters,
    facet_groups,
    query_string,
    relax_links,
)
from ..forms import PracticeSearchForm
from ..search import FACETS, SearchQuery, get_engine
from ..search.terms import cached_terms


class PracticeIndexPage(BasePage):
    """The practice library at /kennisbank/: the faceted search page."""

    template = "knowledge/practice_index_page.html"
    parent_page_types = ["network.HomePage"]
    subpage_types = ["knowledge.PracticePage"]
    max_count = 1

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = gettext_lazy("practice library")

    def serve(self, request, *args, **kwargs):
        """The search page: validate, search, and answer 400/404 with a message on bad input."""
        form = PracticeSearchForm(request.GET or None)
        status = 200
        text, sort = "", "relevance"
        if form.is_bound and form.is_valid():
            text, sort = form.cleaned_data["q"], form.cleaned_data["sort"]
        elif form.is_bound:
            status = 400

        # The site's one page rule (network.pagination): not a number -> page 1, past the end
        # -> the last page. Numbers beyond any real result count are capped before SQL.
        page_number = min(
            parse_int(request.GET.get("page"), minimum=1, maximum=2**63) or 1, MAX_PAGE
        )

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
        context = self.get_context(request)
        context.update(
            {
                "form": form,
                "search_query": results.query,
                "results": results,
                "page_info": PageInfo(results),
                "facet_groups": groups,
                "active_filters": active_filters(results.query, groups),
                "relax_links": relax_links(results),
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
        return TemplateResponse(request, self.get_template(request), context, status=status)
