"""Under /en/ the pages' own Dutch text says it is Dutch (WCAG 3.1.2), and only there."""

import pytest

from events.factories import EventIndexPageFactory, EventPageFactory
from knowledge.factories import PracticeIndexPageFactory, PracticePageFactory
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory
from tests.utils import get_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    agenda = EventIndexPageFactory(parent=home_page)
    library = PracticeIndexPageFactory(parent=home_page)
    news = NewsIndexPageFactory(parent=home_page)
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
