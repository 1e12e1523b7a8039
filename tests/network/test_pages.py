"""The generic pages, site search, sitemap, robots.txt, 404 and languages."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from network.factories import StandardPageFactory
from network.models import HomePage, StandardPage
from tests.utils import get_html, html_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    return StandardPageFactory(
        parent=home_page,
        title="Over ons netwerk",
        slug="over-ons",
        introduction="Gemeenten leren van elkaar door kennisdeling.",
    )


def test_page_tree_rules(home_page):
    assert StandardPage.can_create_at(home_page)
    assert not HomePage.can_create_at(home_page)
    assert StandardPage.allowed_subpage_models() == [StandardPage]


def test_standard_page_renders_in_both_languages(client, about):
    response = client.get("/over-ons/")
    assertContains(response, '<html lang="nl">')
    assertContains(response, "Over ons netwerk")
    response = client.get("/en/over-ons/")
    html = html_of(response)
    assert '<html lang="en">' in html
    # the language switch leads to the same page in Dutch
    assert '<a href="/over-ons/" lang="nl" hreflang="nl">' in html
    # the page's own (Dutch) text says it is Dutch on the English site, and only there
    assert '<h1 lang="nl">Over ons netwerk</h1>' in html
    assert "<h1>Over ons netwerk</h1>" in html_of(client.get("/over-ons/"))


def test_home_page_has_landmarks_and_skip_link(client, home_page):
    html = get_html(client, "/")
    assert 'href="#main-content"' in html
    assert '<main id="main-content"' in html
    assert html.count("<nav") >= 2 and "aria-label=" in html
    assert "<footer" in html


def test_site_search_finds_pages(client, about):
    response = client.get(reverse("search"), {"q": "kennisdeling"})
    assert response.status_code == 200
    assert [p.title for p in response.context["results"]] == ["Over ons netwerk"]


def test_site_search_without_results_says_so(client, about):
    response = client.get(reverse("search"), {"q": "qwertyxyz"})
    assertContains(response, "Er is niets gevonden")
    assert response.context["results"].paginator.count == 0


def test_site_search_bad_input_is_a_400_not_a_500(client, about):
    assert client.get(reverse("search"), {"q": "x" * 500}).status_code == 400
    assert client.get(reverse("search"), {"q": "netwerk", "page": "abc"}).status_code == 200
    assert client.get(reverse("search"), {"q": "netwerk", "page": "999"}).status_code == 200


def test_sitemap_and_robots(client, about):
    sitemap = get_html(client, "/sitemap.xml")
    assert "/over-ons/" in sitemap
    robots = get_html(client, "/robots.txt")
    assert "Disallow: /admin/" in robots and "Sitemap:" in robots


@pytest.mark.parametrize("path,lang", [("/bestaat-niet/", "nl"), ("/en/bestaat-niet/", "en")])
def test_404_page(client, home_page, path, lang):
    response = client.get(path)
    assertContains(response, f'<html lang="{lang}">', status_code=404)


def test_unpublished_pages_are_not_served_or_found(client, home_page):
    draft = StandardPageFactory(
        parent=home_page, title="Geheim concept", slug="concept", live=False
    )
    assert client.get("/concept/").status_code == 404
    response = client.get(reverse("search"), {"q": "concept"})
    assertNotContains(response, draft.title)


def test_main_menu_follows_publishing(client, home_page):
    page = StandardPageFactory(
        parent=home_page, title="Nieuw in het menu", slug="nieuw", show_in_menus=True
    )
    page.save_revision().publish()
    assertContains(client.get("/"), "Nieuw in het menu")
    page.unpublish()
    assertNotContains(client.get("/"), "Nieuw in het menu")


def test_base_template_queries_stay_few(client, about, member, django_assert_max_num_queries):
    """Every page pays for the base template: keep it cheap (the menu is cached)."""
    client.get("/over-ons/")  # fills the menu cache
    # routing takes 6 (site, 3 pages, aliases, restrictions); breadcrumbs and settings one each
    with django_assert_max_num_queries(8):
        assert client.get("/over-ons/").status_code == 200
    client.force_login(member)
    client.get("/over-ons/")
    # plus session, user, the person's roles (menu and inbox count) and the user bar's
    # permission check (2)
    with django_assert_max_num_queries(13):
        assert client.get("/over-ons/").status_code == 200


def test_site_overview_for_people_lists_sections_their_pages_and_the_app_parts(
    client, about, django_assert_max_num_queries
):
    StandardPageFactory(parent=about, title="Wie zijn wij", slug="wie-zijn-wij")
    hidden = StandardPageFactory(parent=about, title="Concepttekst", slug="concept", live=False)
    client.get("/")  # the menu and the site's lookup are warm on a running site
    with django_assert_max_num_queries(10):
        response = client.get("/overzicht-van-de-site/")
    assertContains(response, "<h1>Overzicht van de site</h1>")
    assertContains(response, 'href="/over-ons/"')
    assertContains(response, 'href="/over-ons/wie-zijn-wij/"')
    assertNotContains(response, hidden.title)
    assertContains(response, 'href="/forum/"')  # from the main-menu registry
    assertContains(response, 'href="/overzicht-van-de-site/"')  # the footer links here
    english = client.get("/en/overzicht-van-de-site/")
    assertContains(english, "<h1>Site overview</h1>")
