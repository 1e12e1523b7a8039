"""Whatever is typed into a search box, no search answers with a server error.

Runs on the database of the test run: SQLite by default, PostgreSQL with DATABASE_URL.
"""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forum.factories import PostFactory
from knowledge.search import SearchQuery, get_engine

pytestmark = pytest.mark.django_db

NASTY = [
    '"',
    "'",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "(",
    ")",
    "*",
    "-",
    "+",
    ":",
    "^",
    "|",
    "&",
    "!",
    "<->",
    "\\",
    "\x00",
    "title:",
    "stembureau",
    "toegankelijk",
    "geëvalueerd",
    "a" * 250,
    "ü" * 80,
]
typed = st.one_of(
    st.text(max_size=120),
    st.lists(st.sampled_from(NASTY), max_size=10).map(" ".join),
    st.lists(st.sampled_from(NASTY), max_size=10).map("".join),
)
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(text=typed)
def test_the_practice_engine_answers_anything(corpus, text):
    results = get_engine("database").search(SearchQuery(text=text))
    assert results.total >= 0


@SETTINGS
@given(text=typed, province=st.sampled_from(["", "Utrecht", "x\x00", "'", "a" * 60]))
def test_the_practice_page_never_fails(client, corpus, library, text, province):
    response = client.get(library.url, {"q": text, "province": province, "sort": "relevance"})
    assert response.status_code < 500


@SETTINGS
@given(text=typed)
def test_site_search_never_fails(client, corpus, text):
    response = client.get(reverse("search"), {"q": text})
    assert response.status_code < 500


@pytest.fixture
def forum_post(db):
    return PostFactory(body_markdown="Wie heeft ervaring met een toegankelijk stembureau?")


@SETTINGS
@given(text=typed)
def test_forum_search_never_fails(client, forum_post, text):
    response = client.get(reverse("forum:search"), {"q": text})
    assert response.status_code < 500
