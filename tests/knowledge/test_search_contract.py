"""The contract every search engine keeps; run per engine (Elasticsearch when configured)."""

import os

import pytest

from knowledge.search import FACETS, SearchQuery, get_engine

ENGINES = [
    "database",
    pytest.param(
        "elasticsearch",
        marks=[
            pytest.mark.elasticsearch,
            pytest.mark.skipif(
                not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set"
            ),
        ],
    ),
]


@pytest.fixture(params=ENGINES)
def engine(request, corpus, settings):
    if request.param == "elasticsearch":
        settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
        from knowledge.search.elastic import rebuild_index

        rebuild_index()
        return get_engine("elasticsearch")
    return get_engine("database")


def titles(results) -> list[str]:
    return [hit.page.title for hit in results.hits]


def all_titles(engine, **kwargs) -> list[str]:
    found, page = [], 1
    while True:
        results = engine.search(SearchQuery(page=page, page_size=4, **kwargs))
        found += titles(results)
        if not results.has_next:
            return found
        page += 1


@pytest.mark.django_db
class TestContract:
    def test_unpublished_practices_never_appear(self, engine, corpus):
        for text in ("", "stembureau", "geheim"):
            assert "Geheim stembureau concept" not in all_titles(engine, text=text)
        results = engine.search(SearchQuery(filters={"theme": ("artikel-29",)}))
        assert results.total == 3
        assert results.facets["kind"]["voorbeeld"] == 2

    def test_every_facet_count_equals_the_results_of_selecting_it(self, engine, corpus):
        for base in ({}, {"life_domain": ("participatie",)}):
            results = engine.search(SearchQuery(filters=base))
            for facet in FACETS:
                if facet in base:
                    continue
                assert results.facets[facet], facet
                for value, count in results.facets[facet].items():
                    selected = engine.search(SearchQuery(filters={**base, facet: (value,)}))
                    assert selected.total == count, (facet, value)

    def test_filters_are_or_within_a_facet_and_and_across(self, engine, corpus):
        either = engine.search(SearchQuery(filters={"kind": ("onderzoek", "instrument")}))
        assert sorted(titles(either)) == [
            "Inclusietoets",
            "Onderzoek openbaar vervoer",
            "Stembureau training",
        ]
        both = engine.search(
            SearchQuery(filters={"kind": ("instrument",), "province": ("Overijssel",)})
        )
        assert titles(both) == ["Stembureau training"]
        # a facet's own counts ignore its own selection, so the other kinds stay visible
        assert either.facets["kind"]["voorbeeld"] == 4

    def test_pagination_never_repeats_or_loses_a_hit(self, engine, corpus):
        for sort in ("relevance", "newest"):
            found = all_titles(engine, sort=sort)
            assert len(found) == len(set(found)) == 9
        found = all_titles(engine, text="stembureau")
        assert sorted(found) == ["Stembureau training", "Toegankelijk stembureau"]

    def test_text_total_and_highlight(self, engine, corpus):
        results = engine.search(SearchQuery(text="speeltuin"))
        assert results.total == 1
        assert titles(results) == ["Inclusieve speeltuin"]
        assert "<mark>speeltuin</mark>" in results.hits[0].snippet.lower()
        assert results.facets["province"] == {"Fryslân": 1, "Overijssel": 1}
        assert results.facets["size_class"] == {"small": 1, "very_large": 1}

    def test_newest_sorts_by_year(self, engine, corpus):
        years = [hit.page.year for hit in engine.search(SearchQuery(sort="newest")).hits]
        assert years == sorted(years, reverse=True)

    def test_unknown_values_are_set_aside_not_searched(self, engine, corpus):
        results = engine.search(SearchQuery(filters={"theme": ("artikel-29", "bestaat-niet")}))
        assert results.ignored == {"theme": ["bestaat-niet"]}
        assert results.total == 3


def test_query_rejects_nonsense():
    with pytest.raises(ValueError):
        SearchQuery(sort="random")
    with pytest.raises(ValueError):
        SearchQuery(page=0)
    with pytest.raises(ValueError):
        SearchQuery(filters={"colour": ("red",)})
    query = SearchQuery(text="  twee   woorden ", filters={"kind": ("a", "a", "")})
    assert query.text == "twee woorden"
    assert query.filters == {"kind": ("a",)}
