"""Dutch full-text search on PostgreSQL over the demo data: stemming and a judged query set."""

import io

import pytest

from knowledge.demo import judged_queries
from knowledge.search import SearchQuery, get_engine

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def demo(home_page):
    from knowledge import demo as knowledge_demo
    from municipalities import demo as municipalities_demo

    municipalities_demo.load(scale=1, stdout=io.StringIO())
    knowledge_demo.load(scale=1, stdout=io.StringIO())


def test_plural_and_singular_match_each_other(corpus):
    engine = get_engine("database")
    singular = {h.page.title for h in engine.search(SearchQuery(text="stembureau")).hits}
    plural = {h.page.title for h in engine.search(SearchQuery(text="stembureaus")).hits}
    assert singular == plural == {"Toegankelijk stembureau", "Stembureau training"}
    assert engine.search(SearchQuery(text="speeltuinen")).total == 1


@pytest.mark.slow
def test_judged_queries_find_the_expected_practice_in_the_top_three(demo):
    engine = get_engine("database")
    misses = []
    for text, expected in judged_queries():
        top = [hit.page.title for hit in engine.search(SearchQuery(text=text, page_size=3)).hits]
        if expected not in top:
            misses.append((text, expected, top))
    assert len(judged_queries()) >= 20
    assert misses == []
