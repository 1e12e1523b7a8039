"""Fixtures of the news: an index page with a few categories."""

import pytest
from django.core.cache import cache

from news.factories import NewsCategoryFactory, NewsIndexPageFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    """The list caches its filter choices; a rolled-back test must not leave them behind."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def category(db):
    return NewsCategoryFactory(name="Uit het netwerk", name_en="From the network", slug="netwerk")


@pytest.fixture
def other_category(db):
    return NewsCategoryFactory(name="Verkiezingen", name_en="Elections", slug="verkiezingen")
