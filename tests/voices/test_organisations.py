"""Supporting organisations: applying, deciding, the directory and its exports, positions."""

import csv
import io
import json

import pytest
from django.core import mail
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from voices.factories import OrganisationFactory, PositionFactory, VoiceFactory
from voices.models import Organisation, Position

APPLY = "/organisaties/aanmelden/"


def _application(**overrides):
    data = {
        "name": "Cliëntenraad Zwolle",
        "kind": "client_council",
        "website": "https://example.org",
        "contact_name": "Anna de Vries",
        "contact_email": "anna@example.org",
        "is_national": "on",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_directory_lists_approved_organisations_only(client):
    OrganisationFactory(name="Goedgekeurde club")
    OrganisationFactory(name="Wachtende club", status="pending")
    OrganisationFactory(name="Afgewezen club", status="declined")
    response = client.get("/organisaties/")
    assertContains(response, "Goedgekeurde club")
    assertNotContains(response, "Wachtende club")
    assertNotContains(response, "Afgewezen club")
    assertContains(response, "1 organisatie")


@pytest.mark.django_db
def test_directory_filters_by_kind_province_and_municipality(client, utrecht, zwolle):
    OrganisationFactory(
        name="Raad Utrecht", kind="advisory_council", is_national=False, municipalities=[utrecht]
    )
    OrganisationFactory(
        name="Club Zwolle", kind="sports_club", is_national=False, municipalities=[zwolle]
    )

    def names(query):
        response = client.get("/organisaties/" + query)
        assert response.status_code == 200
        return {o.name for o in response.context["page_obj"].object_list}

    assert names("?kind=sports_club") == {"Club Zwolle"}
    assert names("?province=Utrecht") == {"Raad Utrecht"}
    assert names("?municipality=zwolle") == {"Club Zwolle"}


@pytest.mark.django_db
def test_csv_and_json_exports_with_formula_cells_neutralised(client):
    OrganisationFactory(name='=HYPERLINK("http://evil")', kind="advocacy")
    OrganisationFactory(name="Wachtend", status="pending")
    response = client.get(reverse("voices:organisations_csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "name"
    assert rows[1][0].startswith("'=")
    assert len(rows) == 2
    response = client.get(reverse("voices:organisations_json"))
    assert response.status_code == 200
    data = json.loads(response.content)
    assert [row["name"] for row in data] == ['=HYPERLINK("http://evil")']
    assert "contact_email" not in data[0]


@pytest.mark.django_db
def test_apply_needs_login(client):
    assert client.get(APPLY).status_code == 302


@pytest.mark.django_db
def test_member_applies_and_the_application_waits(client, member):
    client.force_login(member)
    assertContains(client.get(APPLY), "Meld uw organisatie aan")
    response = client.post(APPLY, _application())
    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert organisation.status == Organisation.Status.PENDING
    assert organisation.slug == "clientenraad-zwolle"
    assert organisation.applied_by == member
    assert client.get(organisation.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_application_needs_municipalities_unless_national(client, member, utrecht):
    client.force_login(member)
    data = _application()
    del data["is_national"]
    response = client.post(APPLY, data)
    assertContains(response, "Kies minstens één gemeente", status_code=400)
    assertContains(response, "Cliëntenraad Zwolle", status_code=400)
    data["municipalities"] = [utrecht.pk]
    assert client.post(APPLY, data).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "official", "expert", "moderator"])
def test_only_the_team_decides_on_organisations(client, request, who):
    organisation = OrganisationFactory(status="pending")
    client.force_login(request.getfixturevalue(who))
    url = reverse("voices:organisation_decide", kwargs={"pk": organisation.pk})
    assert client.post(url, {"decision": "approve"}).status_code == 403
    organisation.refresh_from_db()
    assert organisation.status == "pending"


@pytest.mark.django_db
def test_team_approves_and_declines_with_a_reason(
    client, team_member, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(status="pending", contact_email="info@club.example.org")
    client.force_login(team_member)
    url = reverse("voices:organisation_decide", kwargs={"pk": organisation.pk})
    assertContains(
        client.post(url, {"decision": "decline", "reason": ""}), "reden", status_code=400
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"decision": "approve"}).status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == "approved"
    assert mail.outbox[-1].to == ["info@club.example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "decline", "reason": "Geen organisatie."})
    organisation.refresh_from_db()
    assert organisation.status == "declined"
    assert "Geen organisatie." in mail.outbox[-1].body


@pytest.mark.django_db
def test_organisation_page_lists_its_voices_and_positions(client):
    organisation = OrganisationFactory(name="Ieder(in) Noord")
    VoiceFactory(title="Via de club", organisation=organisation)
    VoiceFactory(title="Niet via de club")
    PositionFactory(organisation=organisation, title="Vervoer op tijd")
    response = client.get(organisation.get_absolute_url())
    assertContains(response, "Via de club")
    assertNotContains(response, "Niet via de club")
    assertContains(response, "Vervoer op tijd")
    assertContains(response, "Standpunten en acties")


@pytest.mark.django_db
def test_only_linked_members_add_positions(client, member, author):
    organisation = OrganisationFactory(members=[author])
    url = reverse("voices:position_create", kwargs={"slug": organisation.slug})
    client.force_login(member)
    assert (
        client.post(url, {"kind": "position", "title": "X", "body_markdown": "Y"}).status_code
        == 403
    )
    client.force_login(author)
    assertContains(
        client.post(url, {"kind": "position", "title": "", "body_markdown": ""}),
        "Geef een titel",
        status_code=400,
    )
    response = client.post(
        url, {"kind": "action", "title": "Actie op de markt", "body_markdown": "Kom *langs*."}
    )
    assert response.status_code == 302
    position = Position.objects.get()
    assert position.author == author
    assert "<em>langs</em>" in position.body_html
