"""The municipality profile: facts, history, contacts, and the status form per role."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from municipalities.factories import LiaStatusChangeFactory, MunicipalityMembershipFactory
from municipalities.models import LiaStatus, LiaStatusChange
from municipalities.services import lia_status_record
from network.factories import StandardPageFactory
from network.models import HomePage
from tests.utils import get_html

pytestmark = pytest.mark.django_db

URL = "/gemeenten/utrecht/"


@pytest.fixture
def utrecht_with_history(utrecht, team_member):
    utrecht.manifest_signed_on = datetime.date(2019, 4, 1)
    utrecht.expert_panel = True
    utrecht.lia_document_url = "https://example.org/lia-utrecht.pdf"
    utrecht.save()
    for status, date in [
        (LiaStatus.EXPLORING, datetime.date(2019, 2, 1)),
        (LiaStatus.ADOPTED, datetime.date(2021, 3, 12)),
    ]:
        lia_status_record(
            municipality=utrecht,
            status=status,
            date=date,
            source=LiaStatusChange.Source.PROJECT_TEAM,
            note=f"Notitie {status}",
            user=team_member,
        )
    return utrecht


def _form_data(**overrides) -> dict:
    data = {
        "lia-status": LiaStatus.IN_EXECUTION,
        "lia-date": "2024-05-01",
        "lia-source": LiaStatusChange.Source.SELF_REPORT,
        "lia-note": "Uitvoeringsprogramma gestart",
    }
    data.update(overrides)
    return data


def test_profile_shows_facts_history_and_contacts(client, utrecht_with_history, official):
    MunicipalityMembershipFactory(
        user=official, municipality=utrecht_with_history, job_title="Adviseur inclusie"
    )
    hidden = MunicipalityMembershipFactory(municipality=utrecht_with_history, is_contact=False)

    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Utrecht</h1>" in html
    assert "Vastgesteld</strong>" in html and "sinds 12 maart 2021" in html
    assert "Ondertekend op 1 april 2019" in html
    assert "Ja, er doet een panel mee" in html
    assert 'href="https://example.org/lia-utrecht.pdf"' in html
    assert "374.238" in html and "100.000 inwoners of meer" in html
    assert "Midden-Utrecht" in html
    # Newest first, both entries, with notes.
    assert html.index("Notitie adopted") < html.index("Notitie exploring")
    assert "Official, Adviseur inclusie" in html
    assert hidden.user.get_full_name() not in html
    # Emails and who recorded what are not for the public.
    assert "official@example.org" not in html
    assert "vastgelegd door" not in html
    # Anonymous visitors get no form.
    assert 'name="lia-status"' not in html


def test_team_sees_who_recorded_each_entry(client, utrecht_with_history, team_member):
    client.force_login(team_member)
    html = get_html(client, URL)
    assert html.count("vastgelegd door Team") == 2
    assert 'name="lia-status"' in html


def test_english_profile(client, utrecht_with_history):
    html = get_html(client, "/en" + URL)
    assert '<html lang="en">' in html
    assert "Adopted</strong>" in html and "since 12 March 2021" in html


def test_official_records_a_status_for_own_municipality(client, official_of_utrecht, utrecht):
    client.force_login(official_of_utrecht)
    assert 'name="lia-status"' in get_html(client, URL)

    response = client.post(URL, _form_data())

    assert response.status_code == 302
    assert response["Location"] == URL + "#lia-history"
    change = utrecht.lia_status_changes.get()
    assert (change.status, change.recorded_by, change.note) == (
        LiaStatus.IN_EXECUTION,
        official_of_utrecht,
        "Uitvoeringsprogramma gestart",
    )
    utrecht.refresh_from_db()
    assert utrecht.current_lia_status == LiaStatus.IN_EXECUTION
    page = get_html(client, URL)
    assert "De nieuwe LIA-status is vastgelegd." in page
    assert "In uitvoering</strong>" in page


def test_officials_cannot_claim_to_be_the_project_team(client, official_of_utrecht, utrecht):
    client.force_login(official_of_utrecht)
    response = client.post(URL, _form_data(**{"lia-source": "project_team"}))
    assert response.status_code == 400
    assert not utrecht.lia_status_changes.exists()


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"lia-status": ""}, "Dit is een verplicht veld."),
        ({"lia-status": "finished"}, "Selecteer een geldige keuze"),
        ({"lia-date": "12 maart"}, "Voer een geldige datum in."),
        ({"lia-date": "2099-01-01"}, "De datum kan niet in de toekomst liggen."),
        ({"lia-date": "2010-01-01"}, "De datum kan niet vóór 2016 liggen."),
        ({"lia-note": "x" * 2001}, "2000 tekens"),
    ],
)
def test_invalid_status_form_answers_400_and_keeps_input(
    client, official_of_utrecht, utrecht, overrides, message
):
    client.force_login(official_of_utrecht)
    response = client.post(URL, _form_data(**overrides))

    assert response.status_code == 400
    html = response.content.decode()
    assert "data-error-summary" in html
    assert message in html
    assert "Uitvoeringsprogramma gestart" in html or "x" * 2001 in html
    assert 'aria-invalid="true"' in html
    assert not utrecht.lia_status_changes.exists()


def test_invalid_form_in_english(client, official_of_utrecht, utrecht):
    client.force_login(official_of_utrecht)
    response = client.post("/en" + URL, _form_data(**{"lia-date": "2099-01-01"}))
    assert response.status_code == 400
    assert "The date cannot be in the future." in response.content.decode()


@pytest.mark.parametrize("who", ["official", "expert", "member", "moderator"])
def test_others_may_not_post_a_status(client, request, utrecht, zeist, who):
    user = request.getfixturevalue(who)
    if who == "official":
        # An official of another municipality.
        MunicipalityMembershipFactory(user=user, municipality=zeist)
    client.force_login(user)
    assert 'name="lia-status"' not in get_html(client, URL)

    response = client.post(URL, _form_data())

    assert response.status_code == 403
    assert not utrecht.lia_status_changes.exists()


def test_anonymous_may_not_post_a_status(client, utrecht):
    assert client.post(URL, _form_data()).status_code == 403
    assert not utrecht.lia_status_changes.exists()


def test_team_records_for_any_municipality(client, team_member, zeist):
    client.force_login(team_member)
    response = client.post(
        "/gemeenten/zeist/", _form_data(**{"lia-source": "project_team", "lia-status": "adopted"})
    )
    assert response.status_code == 302
    zeist.refresh_from_db()
    assert zeist.current_lia_status == LiaStatus.ADOPTED


def test_unknown_municipality_is_a_404(client, index_page):
    assert client.get("/gemeenten/bestaat-niet/").status_code == 404


def test_retired_municipality_says_where_it_went(client, utrecht, zeist):
    zeist.retired_on = datetime.date(2027, 1, 1)
    zeist.merged_into = utrecht
    zeist.save()
    html = get_html(client, "/gemeenten/zeist/")
    assert "bestaat sinds 1 januari 2027 niet meer" in html
    assert 'href="/gemeenten/utrecht/"' in html


@pytest.fixture
def without_other_sections(settings):
    """The other apps' sections replaced by empty templates, to count this app's own queries."""
    names = [
        f"{app}/includes/municipality_section.html"
        for app in ("knowledge", "events", "forum", "matchcentrum")
    ]
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "APP_DIRS": False,
            "OPTIONS": {
                **settings.TEMPLATES[0]["OPTIONS"],
                "loaders": [
                    ("django.template.loaders.locmem.Loader", dict.fromkeys(names, "")),
                    "django.template.loaders.filesystem.Loader",
                    "django.template.loaders.app_directories.Loader",
                ],
            },
        }
    ]


def _with_more_history(municipality):
    for number in range(5):
        MunicipalityMembershipFactory(municipality=municipality, job_title=f"Rol {number}")
        LiaStatusChangeFactory(municipality=municipality, date=datetime.date(2020, 1, number + 1))


def test_profile_query_count_for_visitors(
    client, utrecht_with_history, django_assert_max_num_queries
):
    _with_more_history(utrecht_with_history)
    client.get(URL)
    # Warm: history and contacts come from the cache; the rest is Wagtail, the base
    # template and the other apps' sections.
    with django_assert_max_num_queries(12):
        assert client.get(URL).status_code == 200


def _count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_profile_own_queries_stay_small(
    client, utrecht_with_history, official_of_utrecht, team_member, without_other_sections
):
    """This page's own queries, measured against a plain page of the foundation."""
    _with_more_history(utrecht_with_history)
    home = HomePage.objects.get()
    StandardPageFactory(parent=home, title="Over", slug="over")
    baseline = _count_queries(client, "/over/")
    # Cold cache: the page in one query (instead of Wagtail's two per level), history, contacts.
    assert _count_queries(client, URL) - baseline <= 3
    # Warm cache: history and contacts come from the cache.
    assert _count_queries(client, URL) - baseline <= 1
    for user in (official_of_utrecht, team_member):
        client.force_login(user)
        baseline = _count_queries(client, "/over/")
        _count_queries(client, URL)
        # Logged in, this page also asks for the user's roles and membership.
        assert _count_queries(client, URL) - baseline <= 3


def test_status_form_defaults_to_today(client, official_of_utrecht, utrecht):
    client.force_login(official_of_utrecht)
    html = get_html(client, URL)
    assert f'value="{timezone.localdate().isoformat()}"' in html


def test_population_is_grouped_per_language(client, utrecht):
    assert "374.238" in get_html(client, URL)
    assert "374,238" in get_html(client, "/en" + URL)
