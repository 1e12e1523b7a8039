"""The accessibility statement in the Dutch model format, as the demo publishes it."""

import io
import re

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from network import demo
from network.models import AccessibilityStatementPage, ComplianceStatus, StandardPage
from tests.utils import get_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(home_page):
    demo.load(scale=1, stdout=io.StringIO())
    return AccessibilityStatementPage.objects.get()


def test_the_statement_shows_status_check_gaps_and_contact(client, statement):
    html = get_html(client, "/toegankelijkheid/")
    assert "<strong>B: voldoet gedeeltelijk</strong>" in html
    checked = date_format(statement.checked_on, "j F Y")
    assert f"Laatst getest op {checked}." in html
    assert "axe-core" in html
    gaps = list(statement.gaps.all())
    assert len(gaps) == 3
    for gap in gaps:
        assert f'<time datetime="{gap.planned_fix:%Y-%m-%d}">' in html
    assert "3.1.2 Taal van onderdelen" in html
    assert '<a href="mailto:iedereendoetmee@example.org">' in html
    assert "binnen 5 werkdagen" in html
    assert "Nationale ombudsman" in html


def test_a_fixed_gap_says_so_and_none_planned_says_that(client, statement):
    first, second, third = statement.gaps.all()
    first.fixed = True
    first.save()
    second.planned_fix = None
    second.save()
    html = get_html(client, statement.url)
    row = re.search(r"<tr>\s*<td>[^<]*Engels.*?</tr>", html, re.S).group(0)
    assert "Opgelost" in row
    assert "Nog niet gepland" in html


def test_the_footer_links_the_statement_and_the_demo_load_is_idempotent(client, statement):
    html = get_html(client, "/")
    assert 'href="/toegankelijkheid/">Toegankelijkheidsverklaring</a>' in html
    demo.load(scale=1, stdout=io.StringIO())
    assert AccessibilityStatementPage.objects.count() == 1
    assert not StandardPage.objects.filter(slug="toegankelijkheid").exists()


def test_an_older_text_page_at_the_address_is_left_alone(home_page):
    home_page.add_child(instance=StandardPage(title="Toegankelijkheid", slug="toegankelijkheid"))
    demo.load(scale=1, stdout=io.StringIO())
    assert not AccessibilityStatementPage.objects.exists()


def test_the_statement_is_dated_today_in_the_demo(statement):
    assert statement.statement_date == timezone.localdate()
    assert statement.status == ComplianceStatus.B


def test_in_english_the_dutch_content_is_marked_dutch_and_the_labels_are_not(client, statement):
    html = get_html(client, "/en/toegankelijkheid/")
    # The demo translates the statement and its known problems.
    assert "<h1>Accessibility statement</h1>" in html
    assert '<p class="lead">Iedereen doet mee! wants everyone' in html
    assert "<h2>How we checked the site</h2>" in html
    assert "<strong>B: partially compliant</strong>" in html
    assert "<dd>iedereendoetmee.example.org: all public pages" in html
    assert "<p>With every change, the project team tests" in html
    assert "<td>3.1.2 Language of Parts</td>" in html
    assert "National Ombudsman" in html
    assert 'lang="nl"' not in html.split('<article class="statement">', 1)[1].split("</article>")[0]
    dutch = get_html(client, "/toegankelijkheid/")
    assert "<h1>Toegankelijkheidsverklaring</h1>" in dutch
    assert "<td>3.1.2 Taal van onderdelen</td>" in dutch
    assert 'lang="nl">' not in dutch.split("<main", 1)[1]

    # Without English, each part shows the Dutch, marked as Dutch.
    statement.title_en = statement.introduction_en = statement.check_method_en = ""
    statement.scope_en = statement.complaint_route_en = ""
    statement.save_revision().publish()
    statement.gaps.update(description_en="", criterion_en="")
    untranslated = get_html(client, "/en/toegankelijkheid/")
    assert '<h1 lang="nl">Toegankelijkheidsverklaring</h1>' in untranslated
    assert "This page is not available in English yet." in untranslated
    assert re.search(r'<p lang="nl">Het projectteam test', untranslated)
    assert '<dd lang="nl">iedereendoetmee.example.org: alle openbare' in untranslated
    assert '<td lang="nl">3.1.2 Taal van onderdelen</td>' in untranslated
    assert '<div class="rich-text" lang="nl"><p>Bent u niet tevreden' in untranslated
