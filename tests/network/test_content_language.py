"""Under /en/ the pages' own Dutch text says it is Dutch (WCAG 3.1.2), and only there."""

from html.parser import HTMLParser

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from events.factories import EventIndexPageFactory, EventPageFactory
from forum.factories import CategoryFactory
from knowledge.factories import PracticeIndexPageFactory, PracticePageFactory
from news.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
)
from tests.utils import get_html

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
