"""Demo data and factories: idempotent, valid page tree, searchable bulk practices."""

import io
import re

import pytest
from wagtail.models import Page

from knowledge import demo
from knowledge.factories import PracticePageFactory
from knowledge.models import PracticeKind, PracticePage
from knowledge.search import SearchQuery, get_engine
from municipalities import demo as municipalities_demo
from taxonomy.models import LifeDomain, TargetGroup, Theme

pytestmark = pytest.mark.django_db


def test_vocabularies_are_loaded_with_the_issue_slugs():
    assert list(PracticeKind.objects.values_list("slug", flat=True)) == [
        "voorbeeld",
        "handreiking",
        "instrument",
        "onderzoek",
        "ervaringsverhaal",
    ]
    assert LifeDomain.objects.count() == 8 and TargetGroup.objects.count() == 8
    assert Theme.objects.count() == 50
    # every article has a Dutch title on Dutch pages, the procedural ones too
    article = Theme.objects.get(article=31)
    assert article.name == "Statistieken en verzameling van gegevens"
    assert article.name_en == "Statistics and data collection"
    assert Theme.objects.get(article=9).name == "Toegankelijkheid"


def test_factory_builds_a_live_searchable_practice(library):
    practice = PracticePageFactory(
        parent=library, title="Fietsenstalling zonder drempel", tags=["tandemfiets"]
    )
    assert practice.live and practice.get_parent().pk == library.pk
    assert "tandemfiets" in PracticePage.objects.get(pk=practice.pk).search_document
    assert get_engine().search(SearchQuery(text="fietsenstalling")).total == 1
    # a word only in the tags is found too, on every database
    assert get_engine().search(SearchQuery(text="tandemfiets")).total == 1


PLACEHOLDER = re.compile(r"\b(gegenereerd|lorem|ipsum|placeholder|todo|xxx)\b", re.IGNORECASE)


@pytest.mark.slow
def test_demo_practices_are_real_load_once_and_the_bench_generator_adds_valid_ones(home_page):
    """One test, because loading the demo is what takes the time: each step builds on it."""
    municipalities_demo.load(scale=1, stdout=io.StringIO())
    demo.load(scale=1, stdout=io.StringIO())
    count = PracticePage.objects.count()
    assert count >= 60

    # Written practices, not placeholders, and in the 'u' voice.
    for page in PracticePage.objects.all():
        text = " ".join([page.title, page.summary, str(page.body)]).lower()
        assert not PLACEHOLDER.search(text), page.title
        assert " je " not in f" {text} " and " jouw " not in f" {text} ", page.title

    # Some practices say what they are about in easy language too.
    assert PracticePage.objects.exclude(easy_read_summary="").count() >= 5

    # Loading again adds nothing and keeps the page tree valid.
    demo.load(scale=1, stdout=io.StringIO())
    assert PracticePage.objects.count() == count
    assert Page.find_problems() == ([], [], [], [], [])
    assert demo.ensure_index_page().get_children().count() == count

    # The benchmark's generated practices (bench/ only) are valid, linked and searchable.
    demo.generate_practices(index=demo.ensure_index_page(), count=20)
    assert PracticePage.objects.count() == count + 20
    assert Page.find_problems() == ([], [], [], [], [])
    generated = PracticePage.objects.filter(title__startswith="Gegenereerd: ").first()
    assert generated.url.startswith("/kennisbank/gegenereerd-")
    assert generated.themes.exists() and generated.municipalities.exists()
    word = generated.title.split()[2]
    results = get_engine().search(SearchQuery(text=word, page_size=50))
    assert results.total > 0
    assert demo.ensure_index_page().get_children().count() == count + 20
