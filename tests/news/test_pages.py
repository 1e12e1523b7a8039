"""News articles and the news list: publishing, showing, filtering, tag pages, query counts."""

from datetime import date

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from municipalities.factories import MunicipalityIndexPageFactory, MunicipalityPageFactory
from network.models import HomePage
from news.factories import NewsArticlePageFactory
from news.models import CampaignIndexPage, NewsArticlePage, NewsIndexPage
from news.tags import MAX_TAG_LENGTH, TagError, normalise_tag
from taxonomy.factories import ThemeFactory
from tests.utils import get_html

pytestmark = pytest.mark.django_db


def test_page_tree_rules():
    assert NewsIndexPage.parent_page_types == ["network.HomePage"]
    assert NewsArticlePage.parent_page_types == ["news.NewsIndexPage"]
    assert NewsArticlePage.subpage_types == []
    assert "news.NewsIndexPage" in [
        f"{m._meta.app_label}.{m.__name__}" for m in HomePage.allowed_subpage_models()
    ]
    assert CampaignIndexPage in HomePage.allowed_subpage_models()


def test_published_article_shows_its_parts(client, news_index, category):
    theme = ThemeFactory(article=29)
    article = NewsArticlePageFactory(
        parent=news_index,
        title="Nieuw netwerk Iedereen doet mee!",
        date=date(2020, 9, 15),
        author_name="Sanne de Vries",
        category=category,
        introduction="Vandaag begint het netwerk.",
        easy_read_summary="Een nieuw netwerk voor gemeenten.",
        tags=["start", "netwerk"],
        themes=[theme],
    )
    response = client.get(article.url)
    assertContains(response, "<h1>Nieuw netwerk Iedereen doet mee!</h1>", html=True)
    assertContains(response, '<time datetime="2020-09-15">15 september 2020</time>', html=True)
    assertContains(response, "door Sanne de Vries")
    assertContains(response, "Uit het netwerk")
    assertContains(response, "Een nieuw netwerk voor gemeenten.")
    assertContains(response, f'href="{news_index.url}tag/start/"')
    assertContains(response, theme.label)


def test_article_without_author_is_by_the_team(client, news_index):
    article = NewsArticlePageFactory(parent=news_index, author_name="")
    assertContains(client.get(article.url), "door het team van Iedereen doet mee!")


def test_draft_article_is_not_listed_nor_served(client, news_index):
    article = NewsArticlePageFactory(parent=news_index, title="Geheim concept")
    article.unpublish()
    assertNotContains(client.get(news_index.url), "Geheim concept")
    assert client.get(article.url).status_code == 404


def test_listing_newest_first_and_paginated(client, news_index):
    for day in range(1, 13):
        NewsArticlePageFactory(
            parent=news_index, title=f"Bericht dag {day:02d}", date=date(2025, 3, day)
        )
    response = client.get(news_index.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert content.index("Bericht dag 12") < content.index("Bericht dag 03")
    assert "Bericht dag 02" not in content
    assertContains(response, "12 berichten")
    second = client.get(news_index.url + "?page=2")
    assertContains(second, "Bericht dag 01")
    assertNotContains(second, "Bericht dag 12")
    # Django's get_page rule: nonsense shows the first page, too far shows the last.
    assertContains(client.get(news_index.url + "?page=abc"), "Bericht dag 12")
    assertContains(client.get(news_index.url + "?page=99"), "Bericht dag 01")


@pytest.fixture
def spread(home_page, news_index, category, other_category):
    municipalities = MunicipalityIndexPageFactory(parent=home_page)
    utrecht = MunicipalityPageFactory(parent=municipalities, title="Utrecht")
    NewsArticlePageFactory(
        parent=news_index,
        title="Start van het netwerk",
        date=date(2020, 9, 15),
        category=category,
        tags=["start"],
    )
    NewsArticlePageFactory(
        parent=news_index,
        title="Stemmen in Utrecht",
        date=date(2025, 11, 1),
        category=other_category,
        tags=["verkiezingen", "stembureau"],
        municipalities=[utrecht],
    )
    NewsArticlePageFactory(
        parent=news_index,
        title="Oproep voor de verkiezingen",
        date=date(2026, 1, 10),
        category=other_category,
        tags=["verkiezingen"],
    )
    return utrecht


def test_category_filter_speaks_each_visitors_language(client, news_index, spread):
    """The filter choices are cached; a Dutch visit first must not give English visitors Dutch."""
    url = news_index.url
    dutch = get_html(client, url)
    assert '<option value="netwerk">Uit het netwerk</option>' in dutch
    english = get_html(client, "/en" + url)
    assert '<option value="netwerk">From the network</option>' in english
    assert '<option value="verkiezingen">Elections</option>' in english
    assert '<option value="netwerk">Uit het netwerk</option>' in get_html(client, url)


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("category=verkiezingen", ["Stemmen in Utrecht", "Oproep voor"], ["Start van het"]),
        ("tag=Verkiezingen", ["Stemmen in Utrecht", "Oproep voor"], ["Start van het"]),
        ("tag=stembureau", ["Stemmen in Utrecht"], ["Oproep voor", "Start van het"]),
        ("year=2020", ["Start van het"], ["Stemmen in Utrecht", "Oproep voor"]),
        ("category=verkiezingen&year=2026", ["Oproep voor"], ["Stemmen in Utrecht"]),
    ],
)
def test_filters(client, news_index, spread, query, shown, hidden):
    response = client.get(f"{news_index.url}?{query}")
    assert response.status_code == 200
    for title in shown:
        assertContains(response, title)
    for title in hidden:
        assertNotContains(response, title)


def test_filter_by_municipality(client, news_index, spread):
    response = client.get(f"{news_index.url}?municipality={spread.pk}")
    assertContains(response, "Stemmen in Utrecht")
    assertNotContains(response, "Start van het netwerk")
    assertContains(response, f'<option value="{spread.pk}" selected>Utrecht</option>', html=True)


@pytest.mark.parametrize(
    "query",
    ["category=bestaat-niet", "year=1999", "year=abc", "municipality=999999", "tag=" + "x" * 60],
)
def test_bad_filters_answer_400_with_the_form_kept(client, news_index, spread, query):
    response = client.get(f"{news_index.url}?{query}")
    assert response.status_code == 400
    assertContains(response, "error-summary", status_code=400)
    assertContains(response, 'name="category"', status_code=400)


def test_tag_page_lists_only_that_tag(client, news_index, spread):
    response = client.get(f"{news_index.url}tag/verkiezingen/")
    assertContains(response, "Nieuws met de tag “verkiezingen”")
    assertContains(response, "Stemmen in Utrecht")
    assertContains(response, "Oproep voor de verkiezingen")
    assertNotContains(response, "Start van het netwerk")


def test_unknown_tag_page_is_404(client, news_index, spread):
    assert client.get(f"{news_index.url}tag/bestaat-niet/").status_code == 404


@pytest.mark.parametrize("size", [3, 30])
def test_listing_queries_do_not_grow(
    client, news_index, category, django_assert_max_num_queries, size
):
    theme = ThemeFactory(article=9)
    for n in range(size):
        NewsArticlePageFactory(
            parent=news_index, category=category, tags=[f"tag{n % 4}", "algemeen"], themes=[theme]
        )
    client.get(news_index.url)  # warm the site-root and menu caches
    with django_assert_max_num_queries(12):
        response = client.get(news_index.url + "?category=" + category.slug + "&page=2")
    assertContains(response, "berichten")
    with django_assert_max_num_queries(12):
        assertContains(client.get(news_index.url), "algemeen")


def test_logged_in_listing_queries_do_not_grow(
    client, member, news_index, category, django_assert_max_num_queries
):
    for n in range(25):
        NewsArticlePageFactory(parent=news_index, category=category, tags=[f"tag{n}"])
    client.force_login(member)
    client.get(news_index.url)
    # The visitor's 12, plus the session, the user and the roles of a logged-in member.
    with django_assert_max_num_queries(15):
        assertContains(client.get(news_index.url), "tag24")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Toegankelijke   Verkiezingen ", "toegankelijke verkiezingen"),
        ("#Stembureau", "stembureau"),
        ("a\tb\nc", "a b c"),
        ("", ""),
    ],
)
def test_normalise_tag(raw, clean):
    assert normalise_tag(raw) == clean


def test_too_long_tag_is_refused():
    with pytest.raises(TagError):
        normalise_tag("x" * (MAX_TAG_LENGTH + 1))
    assert normalise_tag("x" * MAX_TAG_LENGTH) == "x" * MAX_TAG_LENGTH


def test_editor_form_normalises_tags_and_refuses_long_ones(superuser, news_index, category):
    client = Client()
    client.force_login(superuser)
    url = f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"
    data = {
        "title": "Bericht met tags",
        "slug": "bericht-met-tags",
        "kind": "news",
        "date": "2025-05-01",
        "category": category.pk,
        "tags": "  Toegankelijk   Stemmen, toegankelijk stemmen, NGT",
        "body-count": "0",
        "body_en-count": "0",
        "introduction": "Intro",
        "action-publish": "publish",
    }
    bad = client.post(url, {**data, "tags": "x" * 80})
    assert bad.status_code in (200, 400)
    assert not NewsArticlePage.objects.filter(slug="bericht-met-tags").exists()
    assertContains(bad, "Bericht met tags", status_code=bad.status_code)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = NewsArticlePage.objects.get(slug="bericht-met-tags")
    assert sorted(t.name for t in article.tags.all()) == ["ngt", "toegankelijk stemmen"]
