"""Campaign pages, interviews, share links, and what news adds to the home page."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from network.registry import campaign_sections, running_hashtags
from news.factories import CampaignIndexPageFactory, CampaignPageFactory, NewsArticlePageFactory
from news.models import CampaignPage, NewsArticlePage
from news.share import share_links
from tests.utils import get_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaigns(home_page):
    return CampaignIndexPageFactory(parent=home_page)


def test_end_before_start_is_refused(campaigns):
    page = CampaignPage(
        title="Fout",
        slug="fout",
        hashtag="Fout",
        start_date=date(2026, 3, 1),
        end_date=date(2026, 2, 1),
        why="<p>x</p>",
        take_part_persons="<p>x</p>",
        take_part_organisations="<p>x</p>",
    )
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "end_date" in error.value.message_dict


@pytest.mark.parametrize("hashtag", ["twee woorden", "#", "a"])
def test_bad_hashtag_is_refused(campaigns, hashtag):
    page = CampaignPageFactory.build(hashtag=hashtag, slug="x")
    with pytest.raises(ValidationError):
        page.full_clean(exclude=["path", "depth"])


def test_hashtag_is_stored_without_hash(campaigns):
    page = CampaignPageFactory.build(hashtag="#2MiljoenStemmen", slug="x")
    page.full_clean(exclude=["path", "depth"])
    assert page.hashtag == "2MiljoenStemmen"
    assert page.hashtag_display == "#2MiljoenStemmen"


def test_running_hashtags_only_for_live_running_campaigns(campaigns):
    today = timezone.localdate()
    CampaignPageFactory(parent=campaigns, hashtag="Loopt")
    CampaignPageFactory(
        parent=campaigns,
        hashtag="Voorbij",
        start_date=today - timedelta(days=60),
        end_date=today - timedelta(days=1),
    )
    CampaignPageFactory(
        parent=campaigns,
        hashtag="Straks",
        start_date=today + timedelta(days=1),
        end_date=today + timedelta(days=9),
    )
    CampaignPageFactory(parent=campaigns, hashtag="Concept").unpublish()
    assert running_hashtags.current() == ["Loopt"]


def test_campaign_page_shows_its_parts_and_the_campaign_sections(campaigns, news_index, settings):
    # A probe section, as the voices app would register: it sees the page's hashtag.
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "DIRS": [*settings.TEMPLATES[0]["DIRS"], Path(__file__).parent / "templates"],
        }
    ]
    campaign = CampaignPageFactory(
        parent=campaigns,
        title="2 miljoen stemmen",
        hashtag="2MiljoenStemmen",
        newsletter_text="Doe mee!",
        logo_licence="CC BY 4.0",
    )
    NewsArticlePageFactory(
        parent=news_index,
        title="Interview met Fatima",
        campaign=campaign,
        kind=NewsArticlePage.Kind.INTERVIEW,
    )
    NewsArticlePageFactory(parent=news_index, title="Gewoon bericht", campaign=campaign)
    campaign_sections.register(
        "test",
        "news_tests/campaign_probe.html",
        context=lambda request=None, **kw: {"probe": kw["hashtag"]},
    )
    try:
        response = Client().get(campaign.url)
    finally:
        campaign_sections.unregister("test")
    assertContains(response, "#2MiljoenStemmen")
    assertContains(response, "Zo doet u mee")
    assertContains(response, "Zo doet uw organisatie mee")
    assertContains(response, "Interview met Fatima")
    assertNotContains(response, "Gewoon bericht")
    assertContains(response, "Tekst voor uw nieuwsbrief")
    assertContains(response, "probe:2MiljoenStemmen")


def test_interview_shows_questions_and_answers(news_index):
    article = NewsArticlePageFactory(
        parent=news_index,
        kind=NewsArticlePage.Kind.INTERVIEW,
        body=[("question_answer", {"question": "Waarom stemt u?", "answer": "Omdat het telt."})],
    )
    response = Client().get(article.url)
    assertContains(response, '<h2 class="h3">Waarom stemt u?</h2>', html=True)
    assertContains(response, "Omdat het telt.")


def test_share_links_are_plain_links():
    links = {link["key"]: link["url"] for link in share_links(title="A & B", url="https://x.nl/a/")}
    assert links["email"] == "mailto:?subject=A%20%26%20B&body=https%3A%2F%2Fx.nl%2Fa%2F"
    assert links["linkedin"].startswith("https://www.linkedin.com/sharing/share-offsite/?url=")
    assert links["bluesky"].startswith("https://bsky.app/intent/compose?text=")


def test_share_links_use_the_public_address_and_say_a_hashtag_once(campaigns, news_index, settings):
    """The site's record can say `localhost`; people share the configured public address."""
    settings.WAGTAILADMIN_BASE_URL = "https://iedereendoetmee.example.nl"
    campaign = CampaignPageFactory(
        parent=campaigns, title="#2MiljoenStemmen", hashtag="2MiljoenStemmen"
    )
    article_url = NewsArticlePageFactory(parent=news_index, slug="drempels-weg").url
    html = get_html(Client(), campaign.url)
    public = "https%3A%2F%2Fiedereendoetmee.example.nl" + campaign.url.replace("/", "%2F")
    assert f"mailto:?subject=%232MiljoenStemmen&amp;body={public}" in html
    assert f'href="https://iedereendoetmee.example.nl{campaign.url}" data-copy-link' in html
    assert "localhost" not in html and "testserver" not in html
    english = get_html(Client(), "/en" + article_url)
    assert f'href="https://iedereendoetmee.example.nl/en{article_url}" data-copy-link' in english


def test_article_page_loads_no_external_script(news_index):
    article = NewsArticlePageFactory(parent=news_index)
    response = Client().get(article.url)
    assertContains(response, "Deel dit artikel")
    assertContains(response, "data-copy-link")
    html = response.content.decode()
    for marker in ('<script src="http', "<script src='http", "<iframe", '<script src="//'):
        assert marker not in html


def test_home_page_shows_latest_news_and_the_running_campaign(home_page, news_index, campaigns):
    for n in range(4):
        NewsArticlePageFactory(
            parent=news_index, title=f"Thuisbericht {n}", date=date(2025, 1, n + 1)
        )
    CampaignPageFactory(parent=campaigns, title="Stemcampagne", hashtag="Stem")
    response = Client().get("/")
    assertContains(response, "Laatste nieuws")
    assertContains(response, "Thuisbericht 3")
    assertNotContains(response, "Thuisbericht 0")
    assertContains(response, "Campagne nu: #Stem")


def test_home_page_without_news_or_campaign(home_page):
    response = Client().get("/")
    assertNotContains(response, "Laatste nieuws")
    assertNotContains(response, "Campagne nu")
