"""Under /en/ the pages' own Dutch text says it is Dutch (WCAG 3.1.2), and only there."""

from html.parser import HTMLParser

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from events.factories import EventIndexPageFactory, EventPageFactory
from forum.factories import CategoryFactory, PostFactory, TopicFactory
from knowledge.factories import PracticeIndexPageFactory, PracticePageFactory
from news.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
)
from tests.utils import get_html
from voices.factories import VoiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    agenda = EventIndexPageFactory(parent=home_page)
    library = PracticeIndexPageFactory(parent=home_page)
    news = NewsIndexPageFactory(parent=home_page)
    campaigns = CampaignIndexPageFactory(parent=home_page, title="Campagnes")
    return [
        (agenda, "Agenda"),
        (EventPageFactory(parent=agenda, title="Regiodag Oost"), "Regiodag Oost"),
        (library, "Kennisbank"),
        (
            PracticePageFactory(parent=library, title="Toegankelijk stembureau"),
            "Toegankelijk stembureau",
        ),
        (news, "Nieuws"),
        (NewsArticlePageFactory(parent=news, title="Drempels weg"), "Drempels weg"),
        (campaigns, "Campagnes"),
        (CampaignPageFactory(parent=campaigns, title="Stem met gemak"), "Stem met gemak"),
    ]


def test_titles_and_introductions_are_marked_dutch_in_english(client, pages):
    # The Dutch addresses first: a page's url follows the language active in the thread.
    addresses = [(page.url, title) for page, title in pages]
    for url, title in addresses:
        english = get_html(client, "/en" + url)
        assert f'<h1 lang="nl">{title}</h1>' in english, url
        dutch = get_html(client, url)
        assert f"<h1>{title}</h1>" in dutch, url


def test_a_practice_summary_is_marked_too(client, pages):
    practice = pages[3][0]
    english = get_html(client, "/en" + practice.url)
    assert f'<p class="lead" lang="nl">{practice.summary}</p>' in english


class _TextOutsideDutch(HTMLParser):
    """The text of a page that is not inside an element marked lang="nl"."""

    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # per open element: inside lang="nl"?
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        inherited = self.stack[-1] if self.stack else False
        lang = dict(attrs).get("lang")
        self.stack.append(lang == "nl" if lang is not None else inherited)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def _outside_dutch(html: str) -> str:
    body = html.split("<body", 1)[1]
    parser = _TextOutsideDutch()
    parser.feed("<body" + body)
    return " ".join(" ".join(parser.parts).split())


def test_no_dutch_content_outside_an_element_marked_dutch_under_en(client, pages):
    """Every content field without a translation is marked, in pages, lists, cards and menus."""
    home = pages[0][0].get_parent()
    home.show_in_menus = True
    for page, _title in pages:
        if page.depth == 3:
            page.show_in_menus = True
            page.save_revision().publish()
    CategoryFactory(name="Toegankelijke verkiezingen", description="Stembureaus en uitleg.")
    dutch = set()
    for page, _title in pages:
        specific = page.specific
        dutch |= {specific.title, specific.introduction, getattr(specific, "summary", "")}
        for field in ("why", "take_part_persons", "take_part_organisations", "report_summary"):
            dutch.add(strip_tags(getattr(specific, field, "")))
    dutch |= {"Toegankelijke verkiezingen", "Stembureaus en uitleg."}
    dutch -= {"", "Agenda"}  # "Agenda" is English too: the interface uses it under /en/
    event = pages[1][0]
    month = f"{pages[0][0].url}maand/?month={timezone.localtime(event.specific.start):%Y-%m}"
    # All addresses first: a page's url follows the language a request leaves active.
    urls = [page.url for page, _title in pages] + ["/", "/forum/", "/overzicht-van-de-site/", month]
    assert event.title in get_html(client, "/en" + month)
    for url in urls:
        text = _outside_dutch(get_html(client, "/en" + url))
        leaked = sorted(value for value in dutch if value in text)
        assert not leaked, (url, leaked)


def test_what_members_write_is_marked_dutch_under_en(client, home_page):
    """Topics, posts and voices are written by members in Dutch: under /en/ they say so."""
    topic = TopicFactory(title="Wie heeft ervaring met een prikkelarm stembureau")
    PostFactory(topic=topic, body_markdown="Wij zetten een rustige hoek in de bibliotheek.")
    voice = VoiceFactory(
        title="Ik wil zelf kiezen waar ik woon",
        body_markdown="De woningen voor mij staan altijd aan de rand van het dorp.",
    )
    dutch = {
        topic.title,
        "Wij zetten een rustige hoek in de bibliotheek.",
        voice.heading,
        "De woningen voor mij staan altijd aan de rand van het dorp.",
    }
    # The Dutch page first: a request under /en/ leaves English active for the next.
    dutch_page = get_html(client, topic.get_absolute_url())
    assert f"<h1>{topic.title}</h1>" in dutch_page
    assert 'lang="nl"' not in dutch_page.split("<body", 1)[1]
    urls = [
        topic.get_absolute_url(),
        topic.category.get_absolute_url(),
        "/forum/zoeken/?q=bibliotheek",
        voice.get_absolute_url(),
        "/stemmen/",
    ]
    for url in urls:
        english = get_html(client, "/en" + url)
        leaked = sorted(value for value in dutch if value in _outside_dutch(english))
        assert not leaked, (url, leaked)
        shown = [value for value in dutch if value in english]
        assert shown, url  # the page does show member text, so the check means something
