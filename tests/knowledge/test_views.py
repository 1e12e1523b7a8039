"""The search page, the practice page, the feed and the template tags other apps include."""

import re

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from knowledge.models import PracticePage
from taxonomy.models import Theme
from tests.utils import get_html

pytestmark = pytest.mark.django_db


def test_search_page_shows_results_facets_and_a_live_count(
    client, corpus, django_assert_max_num_queries
):
    client.get("/kennisbank/")  # warm the per-process caches, as a running site has
    with django_assert_max_num_queries(12):
        response = client.get("/kennisbank/", {"q": "stembureau", "theme": "artikel-29"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-live="polite"' in html
    assert "2 praktijken gevonden voor" in html
    assert "Toegankelijk stembureau" in html and "Geheim" not in html
    assert "<legend>" in html and 'value="artikel-29" id="facet-theme-artikel-29" checked' in html
    # the active filter is a link that removes it and keeps the words
    assert 'href="?q=stembureau"' in html


def test_query_count_does_not_grow_with_the_result_size(
    client, library, django_assert_max_num_queries
):
    from knowledge.factories import PracticePageFactory

    for number in range(25):
        PracticePageFactory(
            parent=library,
            title=f"Voorbeeld {number}",
            themes=list(Theme.objects.filter(article__in=[9, 29])),
        )
    client.get("/kennisbank/")
    with django_assert_max_num_queries(12):
        assert client.get("/kennisbank/", {"theme": "artikel-9"}).status_code == 200


@pytest.mark.parametrize(
    "params,status,message",
    [
        ({"q": "x" * 201}, 400, "200"),
        ({"theme": "onzin"}, 400, "onzin"),
    ],
)
def test_bad_input_gets_a_message_not_an_error(client, corpus, params, status, message):
    response = client.get("/en/kennisbank/", params)
    assert response.status_code == status
    html = response.content.decode()
    assert "data-error-summary" in html
    assert message in html
    if "q" in params:
        assert params["q"][:50] in html  # the input is kept


@pytest.mark.parametrize(
    ("page", "shown"), [("abc", 1), ("-1", 1), ("99", "last"), ("99999999999999999999", "last")]
)
def test_page_numbers_follow_the_sites_one_rule(client, corpus, page, shown):
    """Not a number: page 1; past the end: the last page (network.pagination)."""
    response = client.get("/en/kennisbank/", {"page": page})
    assert response.status_code == 200
    results = response.context["results"]
    assert results.page == (1 if shown == 1 else results.num_pages)


def test_no_results_offers_to_drop_the_filters(client, corpus):
    response = client.get("/en/kennisbank/", {"q": "speeltuin", "kind": "onderzoek"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "No practices match your search." in html
    assert 'href="?q=speeltuin"' in html  # dropping the kind brings the playground back


def test_search_page_in_dutch_by_default(client, corpus):
    html = get_html(client, "/kennisbank/", {"q": "speeltuin"})
    assert 'lang="nl"' in html
    assert "Zoekwoorden" in html


def test_practice_page_shows_relations_related_and_contact(
    client, corpus, django_assert_max_num_queries
):
    practice = corpus["live"][0]  # Toegankelijk stembureau, Utrecht, art. 29
    with django_assert_max_num_queries(24):
        response = client.get(practice.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/gemeenten/utrecht/"' in html
    assert f"practice={practice.pk}&amp;municipality=" in html
    assert "/matchcentrum/" in html
    # related: shares article 29 and participation
    assert "Stembureau training" in html
    assert "Geheim stembureau concept" not in html


def _query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_practices_facts_are_kept_until_what_they_show_changes(client, corpus, member):
    practice = corpus["live"][0]
    client.force_login(member)  # signed in: never the page cache, so the fragments count
    first = _query_count(client, practice.url)
    # Facts, related practices and contact links come from the cache: at least the themes,
    # life domains, target groups, municipalities, tags, related scores and pages.
    assert _query_count(client, practice.url) <= first - 6
    theme = Theme.objects.get(article=29)
    theme.name = "Meedoen in politiek en bestuur"
    theme.save()
    assert "Meedoen in politiek en bestuur" in get_html(client, practice.url)
    utrecht = practice.municipalities.get()
    utrecht.title = "Utrecht (stad)"
    utrecht.save_revision().publish()
    html = get_html(client, practice.url)
    assert "Utrecht (stad)" in html
    assert "Stembureau training" in html
    corpus["live"][1].unpublish()  # Gebarentolk bij de raad: related through article 29
    assert "Gebarentolk bij de raad" not in get_html(client, practice.url)


def test_a_preview_never_leaves_its_facts_for_visitors(client, corpus):
    practice = PracticePage.objects.get(pk=corpus["live"][0].pk)
    practice.contact_name = "Naam uit het concept"
    preview = practice.make_preview_request()
    assert "Naam uit het concept" in preview.content.decode()
    assert "Naam uit het concept" not in get_html(client, practice.url)


def test_related_practices_rank_by_shared_terms(corpus):
    stembureau = corpus["live"][0]
    related = [page.title for page in stembureau.related_practices()]
    assert related[0] in {"Stembureau training", "Gebarentolk bij de raad"}
    assert "Geheim stembureau concept" not in related
    assert "Prikkelarme ruimte" not in related


def test_feed_lists_live_practices(client, corpus):
    response = client.get("/kennisbank/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Inclusieve speeltuin" in body and "Geheim" not in body


def test_municipality_section_lists_its_practices(
    rf, corpus, municipalities, django_assert_max_num_queries
):
    template = Template('{% include "knowledge/includes/municipality_section.html" %}')
    request = rf.get("/")
    template.render(Context({"page": municipalities["GM0096"], "request": request}))
    with django_assert_max_num_queries(2):
        html = template.render(Context({"page": municipalities["GM0096"], "request": request}))
    assert "Inclusieve speeltuin" in html and "Werk voor mensen met autisme" in html
    assert "Toegankelijk stembureau" not in html


def test_home_section_lists_newest(rf, corpus, django_assert_max_num_queries):
    template = Template('{% include "knowledge/includes/home_section.html" %}')
    request = rf.get("/")
    template.render(Context({"request": request}))  # the site's root paths, cached per request
    with django_assert_max_num_queries(2):
        html = template.render(Context({"request": request}))
    assert "Stembureau training" in html
    assert 'href="/kennisbank/"' in html


def test_draft_save_does_not_leak_into_search(corpus):
    from knowledge.search import SearchQuery, get_engine

    practice = corpus["live"][2]
    practice.summary = "Een geheime conceptzin over zeppelins."
    practice.save_revision()
    assert get_engine().search(SearchQuery(text="zeppelins")).total == 0
    practice.get_latest_revision().publish()
    assert get_engine().search(SearchQuery(text="zeppelins")).total == 1


def test_project_team_may_edit_vocabularies_and_others_may_not(client, team_member, member):
    from django.contrib.auth.models import Group, Permission

    from network.apps import grant_role_permissions

    grant_role_permissions(sender=None)
    assert team_member.has_perm("taxonomy.change_theme")
    assert team_member.has_perm("knowledge.add_synonym")
    assert not member.has_perm("taxonomy.change_theme")
    assert not member.has_perm("knowledge.add_synonym")
    access = Permission.objects.get(codename="access_admin")
    Group.objects.get(name="project_team").permissions.add(access)
    client.force_login(team_member)
    assert client.get("/admin/snippets/taxonomy/theme/").status_code == 200
    assert client.get("/admin/snippets/knowledge/synonym/").status_code == 200
    client.force_login(member)
    assert client.get("/admin/snippets/taxonomy/theme/").status_code in (302, 403)
    assert client.get("/admin/snippets/knowledge/synonym/").status_code in (302, 403)


def test_synonym_needs_two_words():
    from django.core.exceptions import ValidationError

    from knowledge.models import Synonym

    with pytest.raises(ValidationError):
        Synonym(terms="alleen").full_clean()
    synonym = Synonym(terms=" NGT ,  Gebarentaal ")
    synonym.full_clean()
    assert synonym.terms == "ngt, gebarentaal"


def test_editors_can_open_a_practice_and_the_vocabularies_in_the_admin(client, superuser, corpus):
    client.force_login(superuser)
    practice = corpus["live"][0]
    assert client.get(f"/admin/pages/{practice.pk}/edit/").status_code == 200
    assert (
        client.get(
            f"/admin/pages/add/knowledge/practicepage/{practice.get_parent().pk}/"
        ).status_code
        == 200
    )
    for model in ("knowledge/practicekind", "knowledge/synonym"):
        assert client.get(f"/admin/snippets/{model}/").status_code == 200
    for model in ("taxonomy/theme", "taxonomy/lifedomain", "taxonomy/targetgroup"):
        assert client.get(f"/admin/snippets/{model}/").status_code == 200


def test_synonym_change_asks_for_a_fresh_index(
    db, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from knowledge.models import Synonym

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:1"
    rebuilt = []
    monkeypatch.setattr("knowledge.search.elastic.rebuild_index", lambda: rebuilt.append(True))
    with django_capture_on_commit_callbacks(execute=True):
        Synonym.objects.create(terms="rolstoel, rolwagen")
    assert rebuilt == [True]


def test_relevance_is_the_checked_order_by_default(client, library):
    for url in ("/kennisbank/", "/kennisbank/?q=stembureau"):
        html = get_html(client, url)
        assert re.search(r'<input[^>]*value="relevance"[^>]*checked', html), url
        assert not re.search(r'<input[^>]*value="newest"[^>]*checked', html), url
