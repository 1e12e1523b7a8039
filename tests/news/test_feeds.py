"""Atom feeds of the news, parsed back; stored control characters never break them."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from news.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


@pytest.fixture
def articles(news_index, category, other_category):
    NewsArticlePageFactory(
        parent=news_index, title="Start", category=category, tags=["start"], date=date(2020, 9, 15)
    )
    NewsArticlePageFactory(
        parent=news_index,
        title="Stemmen",
        category=other_category,
        tags=["verkiezingen"],
        date=date(2026, 1, 5),
    )
    NewsArticlePageFactory(
        parent=news_index,
        title="Vreemde\x0btekens\x07 in de titel",
        introduction="Plakwerk\x1f uit Word\x08",
        author_name="Piet\x0c",
        category=other_category,
        date=date(2025, 6, 1),
    )


def test_feed_of_all_news(client, news_index, articles):
    titles = entries(client.get(f"{news_index.url}feed/"))
    assert titles == ["Stemmen", "Vreemdetekens in de titel", "Start"]


def test_category_feed(client, news_index, articles):
    titles = entries(client.get(f"{news_index.url}categorie/verkiezingen/feed/"))
    assert set(titles) == {"Stemmen", "Vreemdetekens in de titel"}


def test_tag_feed(client, news_index, articles):
    assert entries(client.get(f"{news_index.url}tag/start/feed/")) == ["Start"]


@pytest.mark.parametrize("path", ["categorie/bestaat-niet/feed/", "tag/bestaat-niet/feed/"])
def test_unknown_feed_is_404(client, news_index, articles, path):
    assert client.get(f"{news_index.url}{path}").status_code == 404


def test_listing_links_its_feed(client, news_index, articles):
    response = client.get(news_index.url)
    assert f'href="{news_index.url}feed/"' in response.content.decode()
