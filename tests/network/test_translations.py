"""English content: editors translate pages, practices and forum categories field by field.

Under /en/ a visitor sees the English text where it exists; otherwise the Dutch text, marked
lang="nl", and on an untranslated page a notice that says so.
"""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone, translation

from events.factories import EventIndexPageFactory, EventPageFactory
from forum.factories import CategoryFactory
from knowledge import demo as knowledge_demo
from knowledge.factories import PracticeIndexPageFactory, PracticePageFactory
from knowledge.models import PracticePage
from network import demo as network_demo
from network.factories import StandardPageFactory
from network.models import HomePage, StandardPage
from news.factories import CampaignIndexPageFactory, CampaignPageFactory
from tests.utils import get_html

pytestmark = pytest.mark.django_db

NOTICE = "This page is not available in English yet."


def _main(html: str) -> str:
    return html.split('<main id="main-content"', 1)[1].split("</main>", 1)[0]


@pytest.fixture
def about(home_page):
    return StandardPageFactory(
        parent=home_page,
        title="Over ons",
        slug="over-ons",
        introduction="Wie wij zijn.",
        title_en="About us",
        introduction_en="Who we are.",
        body_en=[{"type": "paragraph", "value": "<p>We connect municipalities.</p>"}],
        show_in_menus=True,
    )


def test_a_field_is_shown_in_english_only_where_a_translation_exists(about):
    page = StandardPage.objects.get(pk=about.pk)
    with translation.override("nl"):
        assert page.tr.title == "Over ons"
        assert page.shows_dutch("title")
    with translation.override("en"):
        assert page.tr.title == "About us"
        assert not page.shows_dutch("title")
        page.introduction_en = ""
        assert page.tr.introduction == "Wie wij zijn."
        assert page.shows_dutch("introduction")
    assert page.has_english
    page.title_en = ""
    assert not page.has_english


def test_a_translated_page_is_english_under_en_and_dutch_at_home(client, about):
    url = about.url
    english = _main(get_html(client, "/en" + url))
    assert "<h1>About us</h1>" in english
    assert '<p class="lead">Who we are.</p>' in english
    assert "<p>We connect municipalities.</p>" in english
    assert "Over ons" not in english
    assert NOTICE not in english
    dutch = _main(get_html(client, url))
    assert "<h1>Over ons</h1>" in dutch
    assert "We connect" not in dutch
    assert 'lang="' not in dutch


def test_an_untranslated_field_stays_dutch_and_is_marked(client, about):
    about.body_en = []
    about.save_revision().publish()
    english = _main(get_html(client, "/en" + about.url))
    assert "<h1>About us</h1>" in english
    assert re.search(r'<div lang="nl">\s*</div>|<div lang="nl">', english)


def test_an_untranslated_page_says_its_content_is_dutch(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Werkwijze", slug="werkwijze")
    url = page.url
    english = get_html(client, "/en" + url)
    assert '<h1 lang="nl">Werkwijze</h1>' in english
    assert NOTICE in english
    assert NOTICE not in get_html(client, url)


def test_the_menu_and_breadcrumbs_use_english_titles(client, about):
    child = StandardPageFactory(parent=about, title="Team", slug="team", title_en="")
    url = child.url
    english = get_html(client, "/en" + url)
    menu = english.split('class="main-nav__list"', 1)[1].split("</ul>", 1)[0]
    assert ">About us</a>" in menu
    assert "Over ons" not in menu
    crumbs = english.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert ">About us</a>" in crumbs
    assert 'lang="nl" aria-current="page">Team</a>' in crumbs
    dutch = get_html(client, url)
    assert ">Over ons</a>" in dutch.split('class="main-nav__list"', 1)[1].split("</ul>", 1)[0]


def test_an_untranslated_menu_item_is_marked_dutch(client, home_page):
    StandardPageFactory(parent=home_page, title="Werkwijze", slug="werkwijze", show_in_menus=True)
    english = get_html(client, "/en/")
    assert 'lang="nl">Werkwijze</a>' in english


def test_a_translated_practice_in_english_on_its_page_and_in_lists(client, home_page):
    library = PracticeIndexPageFactory(parent=home_page)
    practice = PracticePageFactory(
        parent=library,
        title="Gebarentolk bij de raad",
        summary="Elke raadsvergadering met een tolk NGT.",
        title_en="Sign language interpreter at council meetings",
        summary_en="Every council meeting with a Dutch Sign Language interpreter.",
    )
    other = PracticePageFactory(parent=library, title="Brieven in gewone taal")
    url, library_url = practice.url, library.url
    page = _main(get_html(client, "/en" + url))
    assert "<h1>Sign language interpreter at council meetings</h1>" in page
    assert '<p class="lead">Every council meeting with a Dutch Sign Language interpreter.</p>' in (
        page
    )
    results = _main(get_html(client, "/en" + library_url))
    assert ">Sign language interpreter at council meetings</a>" in results
    assert f'lang="nl">{other.title}</a>' in results
    # English words find the translation: the search document holds the English too.
    assert "interpreter" in PracticePage.objects.get(pk=practice.pk).search_document
    found = _main(get_html(client, "/en" + library_url + "?q=interpreter"))
    assert "Sign language interpreter at council meetings" in found
    assert other.title not in found


def test_an_event_programme_and_report_in_english(client, home_page):
    agenda = EventIndexPageFactory(parent=home_page)
    start = timezone.now() - timedelta(days=10)
    event = EventPageFactory(
        parent=agenda,
        title="Regiodag Oost",
        start=start,
        end=start + timedelta(hours=3),
        body=[{"type": "paragraph", "value": "<p>Programma van de dag.</p>"}],
        body_en=[{"type": "paragraph", "value": "<p>Programme of the day.</p>"}],
        report_summary="Drie gemeenten kiezen een ervaringsdeskundige.",
        report_summary_en="Three municipalities choose an expert by experience.",
        report=[{"type": "paragraph", "value": "<p>Verslag met foto's.</p>"}],
    )
    url = event.url
    english = _main(get_html(client, "/en" + url))
    assert "<p>Programme of the day.</p>" in english
    assert "Programma van de dag" not in english
    assert "<p>Three municipalities choose an expert by experience.</p>" in english
    # The report itself has no translation: Dutch, and marked.
    assert re.search(r'<div lang="nl">\s*(<[^>]+>\s*)*<p>Verslag met foto', english)
    dutch = _main(get_html(client, url))
    assert "Programma van de dag." in dutch
    assert "Programme of the day" not in dutch
    assert "Drie gemeenten kiezen een ervaringsdeskundige." in dutch


def test_a_campaign_in_english_keeps_untranslated_parts_marked(client, home_page):
    campaigns = CampaignIndexPageFactory(parent=home_page)
    campaign = CampaignPageFactory(
        parent=campaigns,
        title="Stem met gemak",
        why_en="<p>Because everyone should be able to vote.</p>",
        take_part_persons_en="<p>Share your story with the hashtag.</p>",
    )
    url = campaign.url
    english = _main(get_html(client, "/en" + url))
    assert "<p>Because everyone should be able to vote.</p>" in english
    assert "<p>Share your story with the hashtag.</p>" in english
    assert "Omdat iedereen" not in english
    assert re.search(r'<div lang="nl">\s*<p>Roep uw leden op', english)
    dutch = _main(get_html(client, url))
    assert "Omdat iedereen mee moet kunnen doen." in dutch
    assert "Because everyone" not in dutch


def test_a_forum_category_in_english(client):
    CategoryFactory(
        name="Toegankelijke verkiezingen",
        name_en="Accessible elections",
        description="Stembureaus en uitleg.",
        description_en="Polling stations and explanations.",
    )
    CategoryFactory(name="Ambtenarenoverleg", name_en="")
    english = _main(get_html(client, "/en/forum/"))
    assert ">Accessible elections</a>" in english
    assert "<p>Polling stations and explanations.</p>" in english
    assert 'lang="nl">Ambtenarenoverleg</a>' in english
    dutch = _main(get_html(client, "/forum/"))
    assert ">Toegankelijke verkiezingen</a>" in dutch
    assert "Accessible" not in dutch


def test_editors_translate_on_the_english_tab(client, superuser, about):
    client.force_login(superuser)
    html = get_html(client, f"/admin/pages/{about.pk}/edit/")
    assert 'name="title_en"' in html
    assert 'name="introduction_en"' in html
    assert "body_en" in html
    # The tab's heading, in the editor's language (Dutch here).
    assert re.search(r"<a[^>]*role=\"tab\"[^>]*>\s*Engels\s*<", html.replace("\n", " "))


@pytest.mark.slow
def test_the_demo_has_english_main_pages_and_ten_practices(home_page):
    network_demo.load(scale=1, stdout=io.StringIO())
    knowledge_demo.load(scale=1, stdout=io.StringIO())
    home = HomePage.objects.get()
    assert home.title_en and home.introduction_en and len(home.body_en)
    for slug in ("over-het-netwerk", "manifest", "privacy"):
        page = StandardPage.objects.get(slug=slug)
        assert page.title_en and page.introduction_en and len(page.body_en), slug
        assert len(page.body_en) == len(page.body), slug
    translated = PracticePage.objects.exclude(title_en="")
    assert translated.count() >= 10
    for practice in translated:
        assert practice.summary_en and len(practice.body_en), practice.title


def test_the_site_overview_shows_english_titles_and_marks_dutch_ones(client, about):
    StandardPageFactory(parent=about, title="Team", slug="team")
    english = _main(get_html(client, "/en/overzicht-van-de-site/"))
    assert ">About us</a>" in english
    assert 'lang="nl">Team</a>' in english
    dutch = _main(get_html(client, "/overzicht-van-de-site/"))
    assert ">Over ons</a>" in dutch
