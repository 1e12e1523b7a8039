"""The stakeholder map (who may edit, consent for contacts, bad input) and the manifest page."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.rich_text import RichText

from municipalities.factories import MunicipalityMembershipFactory, StakeholderFactory
from municipalities.models import Stakeholder, StakeholderKind
from network.factories import StandardPageFactory
from tests.utils import get_html

pytestmark = pytest.mark.django_db

MAP_URL = "/gemeenten/utrecht/betrokkenen/"


def _form(**overrides):
    data = {
        "stakeholder-kind": StakeholderKind.EXPERT_PANEL,
        "stakeholder-name": "Panel Utrecht voor iedereen",
        "stakeholder-role": "Denkt mee over de agenda",
        "stakeholder-contact": "panel@example.org",
        "stakeholder-contact_consent": "on",
    }
    data.update(overrides)
    return data


def test_map_groups_by_kind_and_shows_contacts_only_with_consent(client, utrecht):
    StakeholderFactory(
        municipality=utrecht,
        kind=StakeholderKind.ALDERMAN,
        name="Wethouder Jansen",
        contact="jansen@example.org",
        contact_consent=True,
    )
    # Stored without consent (for example by an older import): never shown.
    Stakeholder.objects.create(
        municipality=utrecht,
        kind=StakeholderKind.SCHOOLS,
        name="Het Lyceum",
        role="School",
        contact="geheim@example.org",
    )

    response = client.get(MAP_URL)

    assertContains(response, "<h1>Betrokkenen in Utrecht</h1>")
    assertContains(response, "Wethouder Jansen</strong>")
    assertContains(response, "jansen@example.org")
    assertNotContains(response, "geheim@example.org")
    html = response.content.decode()
    # Grouped in the order of the kinds; every kind has a heading, empty ones say so.
    assert html.index('id="kind-alderman"') < html.index('id="kind-schools"')
    assert html.index("Wethouder Jansen") < html.index('id="kind-officials"')
    assert "Nog niemand." in html
    # The diagram is hidden from screen readers: the list is its text equivalent.
    assertContains(response, 'class="stakeholder-diagram__grid" aria-hidden="true"')
    assertNotContains(response, 'name="stakeholder-name"')


def test_map_query_count(client, utrecht, django_assert_max_num_queries):
    for number in range(10):
        StakeholderFactory(municipality=utrecht, name=f"Persoon {number}")
    client.get(MAP_URL)
    with django_assert_max_num_queries(12):
        assert client.get(MAP_URL).status_code == 200


def test_who_may_not_edit(client, utrecht, zeist, member, official, expert):
    MunicipalityMembershipFactory(user=official, municipality=zeist)
    stakeholder = StakeholderFactory(municipality=utrecht)
    edit_url = f"{MAP_URL}{stakeholder.pk}/"
    assert client.post(MAP_URL, _form()).status_code == 403
    assert client.get(edit_url).status_code == 403
    for user in (member, official, expert):
        client.force_login(user)
        assertNotContains(client.get(MAP_URL), 'name="stakeholder-name"')
        assert client.post(MAP_URL, _form()).status_code == 403
        assert client.post(edit_url, _form(**{"stakeholder-name": "Gewijzigd"})).status_code == 403
        assert client.post(edit_url, {"delete": "1"}).status_code == 403
    assert Stakeholder.objects.count() == 1
    assert Stakeholder.objects.get().name == stakeholder.name


@pytest.mark.parametrize("who", ["official_of_utrecht", "team_member"])
def test_official_and_team_add_change_and_remove(client, utrecht, who, request):
    client.force_login(request.getfixturevalue(who))
    assertContains(client.get(MAP_URL), 'name="stakeholder-name"')

    assert client.post(MAP_URL, _form()).status_code == 302
    stakeholder = Stakeholder.objects.get()
    assert stakeholder.public_contact == "panel@example.org"
    edit_url = f"{MAP_URL}{stakeholder.pk}/"
    assertContains(client.get(edit_url), 'value="Panel Utrecht voor iedereen"')

    response = client.post(edit_url, _form(**{"stakeholder-role": "Adviseert de raad"}))
    assert response.status_code == 302
    assert Stakeholder.objects.get().role == "Adviseert de raad"

    assert client.post(edit_url, {"delete": "1"}).status_code == 302
    assert not Stakeholder.objects.exists()


def test_a_stakeholder_of_another_municipality_is_404(client, utrecht, zeist, team_member):
    other = StakeholderFactory(municipality=zeist)
    client.force_login(team_member)
    assert client.get(f"{MAP_URL}{other.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"stakeholder-contact_consent": ""}, "Vink dit aan als zij het goed vinden"),
        ({"stakeholder-kind": "mayor"}, "Selecteer een geldige keuze."),
        ({"stakeholder-role": ""}, "Dit is een verplicht veld."),
        ({"stakeholder-name": "x" * 151}, "Zorg dat deze waarde niet meer dan 150 tekens bevat"),
    ],
)
def test_bad_input_answers_400_and_keeps_the_form(
    client, utrecht, official_of_utrecht, overrides, message
):
    client.force_login(official_of_utrecht)
    response = client.post(MAP_URL, _form(**overrides))
    assertContains(response, message, status_code=400)
    assertContains(response, "panel@example.org", status_code=400)
    assert not Stakeholder.objects.exists()


def test_blank_template_lists_every_kind(client, index_page):
    response = client.get("/route/betrokkenenkaart/")
    for label in ("Gemeenteraadsleden", "Wethouder", "Adviesraad sociaal domein", "Scholen"):
        assertContains(response, f"<strong>{label}</strong>")
    assertContains(response, "Uw gemeente")


def test_unknown_municipality_map_is_404(client, index_page):
    assert client.get("/gemeenten/nergenshuizen/betrokkenen/").status_code == 404


# The manifest ---------------------------------------------------------------------------


@pytest.fixture
def signatories(make_municipality):
    early = make_municipality(
        title="Voorstad", manifest_signed_on=datetime.date(2017, 6, 29), manifest_initiator=True
    )
    late = make_municipality(title="Laatdorp", manifest_signed_on=datetime.date(2019, 3, 4))
    never = make_municipality(title="Nooitgedacht")
    return early, late, never


def test_manifest_page_lists_initiators_and_signatories_with_dates(client, signatories):
    response = client.get("/manifest/")

    assertContains(response, "1 voorloper-gemeente stelde het manifest op.")
    assertContains(response, "2 gemeenten ondertekenden het.")
    assertContains(response, "september 2020")
    assertContains(response, '<a href="/gemeenten/voorstad/">Voorstad</a>', count=2)
    assertContains(response, '<a href="/gemeenten/laatdorp/">Laatdorp</a>', count=1)
    assertContains(response, '<time datetime="2019-03-04">4 maart 2019</time>')
    assertNotContains(response, "Nooitgedacht")
    assertContains(response, "<caption")
    html = response.content.decode()
    assert html.index("Voorstad</a></th>") < html.index("Laatdorp</a></th>")


def test_manifest_page_and_overview_filter_agree(client, signatories):
    manifest = get_html(client, "/manifest/")
    overview = json.loads(get_html(client, "/gemeenten/export.json?manifest=yes"))
    names = {row["name"] for row in overview["municipalities"]}
    assert names == {"Voorstad", "Laatdorp"}
    assert all(f"{name}</a></th>" in manifest for name in names)


def test_manifest_query_count(client, signatories, django_assert_max_num_queries):
    client.get("/manifest/")
    with django_assert_max_num_queries(12):
        assert client.get("/manifest/").status_code == 200


def test_manifest_shows_the_texts_editors_write_on_its_page(client, signatories, home_page):
    """The standard page at /manifest/ holds the texts; the view adds the signatories."""
    StandardPageFactory(
        parent=home_page,
        slug="manifest",
        title="Manifest",
        introduction="Voorlopers schreven dit manifest.",
        easy_read_summary="Het manifest was een belofte.",
        body=[("paragraph", RichText("<p>Zij beloofden een agenda te schrijven.</p>"))],
        introduction_en="Front-runners wrote this manifest.",
    )
    html = get_html(client, "/manifest/")
    assert (
        '<p class="lead"><span>Voorlopers schreven dit manifest.</span> 1 voorloper-gemeente'
        in html
    )
    assert '<details class="easy-read">' in html and "Het manifest was een belofte." in html
    assert "Zij beloofden een agenda te schrijven." in html
    assert "to write a Local Inclusion Agenda" not in html  # the page's body replaces the default
    assert "Voorstad</a></th>" in html
    english = get_html(client, "/en/manifest/")
    assert (
        '<p class="lead"><span>Front-runners wrote this manifest.</span> 1 front-runner' in english
    )
    assert '<p lang="nl">Het manifest was een belofte.</p>' in english
    assert '<div lang="nl">' in english  # the body has no English: marked Dutch


def test_without_its_page_the_manifest_says_what_it_promised(client, signatories):
    html = get_html(client, "/manifest/")
    assert "een Lokale Inclusie Agenda te maken" in html
    assert "easy-read" not in html


def test_manifest_dates_cannot_be_after_it_lapsed(utrecht):
    utrecht.manifest_signed_on = datetime.date(2021, 1, 1)
    with pytest.raises(ValidationError) as error:
        utrecht.full_clean()
    assert "manifest_signed_on" in error.value.message_dict
    utrecht.manifest_signed_on = None
    utrecht.manifest_initiator = True
    with pytest.raises(ValidationError):
        utrecht.full_clean()
