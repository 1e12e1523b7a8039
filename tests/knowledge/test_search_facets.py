"""The database engine counts facets from bitsets in memory and keeps recent text matches:
both must follow every write, and a refined search must not ask for the words again."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.factories import PracticePageFactory
from knowledge.models import PracticePage, PracticeSearchRow
from knowledge.search import FACETS, SearchQuery, get_engine
from knowledge.search.facets import facet_index
from network.cache import content_changed

pytestmark = pytest.mark.django_db


def _practice(corpus, title):
    return next(p for p in corpus["live"] if p.title == title)


def _text_matches(queries) -> list[str]:
    """The statements that match words against the search rows."""
    return [
        q["sql"]
        for q in queries
        if "knowledge_practicesearchrow" in q["sql"]
        and (" @@ " in q["sql"] or " MATCH " in q["sql"])
    ]


def test_every_count_is_the_number_of_live_practices_with_that_value(corpus):
    results = get_engine("database").search(SearchQuery())
    live = PracticePage.objects.live()
    assert results.total == live.count()
    for slug, count in results.facets["theme"].items():
        assert count == live.filter(themes__slug=slug).count(), slug
    for province, count in results.facets["province"].items():
        assert count == live.filter(municipalities__province=province).distinct().count()
    for size, count in results.facets["size_class"].items():
        assert count == live.filter(municipalities__size_class=size).distinct().count()
    for year, count in results.facets["year"].items():
        assert count == live.filter(year=int(year)).count()
    assert set(results.facets) == set(FACETS)
    assert sum(results.facets["kind"].values()) == live.exclude(kind=None).count()


def test_a_search_after_a_publish_counts_and_finds_the_change(corpus, library):
    engine = get_engine("database")
    query = SearchQuery(text="stembureau", filters={"year": ("2019",)})
    assert engine.search(query).total == 0
    assert engine.search(SearchQuery(text="zwembadlift")).total == 0

    page = _practice(corpus, "Toegankelijk stembureau")
    page.year = 2019
    page.save_revision().publish()
    PracticePageFactory(parent=library, title="Zwembadlift voor iedereen")

    after = engine.search(query)
    assert [hit.page.title for hit in after.hits] == ["Toegankelijk stembureau"]
    assert after.facets["year"]["2019"] == 1
    assert engine.search(SearchQuery(text="zwembadlift")).total == 1


def test_an_unpublished_practice_leaves_the_counts_at_once(corpus):
    engine = get_engine("database")
    before = engine.search(SearchQuery(text="stembureau")).facets["municipality"]
    page = _practice(corpus, "Toegankelijk stembureau")
    page.unpublish()
    after = engine.search(SearchQuery(text="stembureau"))
    assert page.title not in {hit.page.title for hit in after.hits}
    assert sum(after.facets["municipality"].values()) == sum(before.values()) - 1


def test_a_write_elsewhere_is_seen_once_its_token_is_renewed(corpus):
    """Another process's write reaches this one through the token in the shared cache."""
    engine = get_engine("database")
    page = _practice(corpus, "Prikkelarme ruimte")
    assert "1999" not in engine.search(SearchQuery()).facets["year"]
    # A change this process's signals do not see, as if another worker made it ...
    PracticeSearchRow.objects.filter(page_id=page.pk).update(year=1999)
    assert "1999" not in engine.search(SearchQuery()).facets["year"]
    # ... until its token arrives in the shared cache.
    content_changed(app_label="knowledge")
    assert engine.search(SearchQuery()).facets["year"]["1999"] == 1


def test_refining_a_search_does_not_match_the_words_again(corpus):
    engine = get_engine("database")
    first = engine.search(SearchQuery(text="stembureau"))
    theme = next(iter(first.facets["theme"]))
    with CaptureQueriesContext(connection) as refined:
        narrowed = engine.search(SearchQuery(text="stembureau", filters={"theme": (theme,)}))
        engine.search(SearchQuery(text="stembureau", page=1, sort="newest"))
        engine.search(SearchQuery(text="stembureau", filters={"theme": (theme,)}))
    assert narrowed.total == first.facets["theme"][theme]
    # Counts and the newest-first order come from the bitsets and the remembered match.
    assert _text_matches(refined.captured_queries) == []
    with CaptureQueriesContext(connection) as other:
        engine.search(SearchQuery(text="gebarentolk"))
    assert len(_text_matches(other.captured_queries)) == 1


def test_the_bitsets_are_built_once_per_change(corpus):
    first = facet_index()
    with CaptureQueriesContext(connection) as queries:
        assert facet_index() is first
    assert not [q for q in queries.captured_queries if "knowledge_practicesearchrow" in q["sql"]]
    content_changed(app_label="municipalities")
    assert facet_index() is not first
