"""The shared 403 page: the reason and a next step, in the site's layout and language."""

from django.urls import reverse
from pytest_django.asserts import assertContains

from municipalities.factories import MunicipalityIndexPageFactory, MunicipalityPageFactory


def test_forbidden_page_for_a_member_names_the_reason_and_the_team(client, member, home_page):
    page = MunicipalityPageFactory(
        parent=MunicipalityIndexPageFactory(parent=home_page), title="Almere"
    )
    client.force_login(member)
    response = client.get(reverse("municipalities:contact_edit", args=[page.slug]))
    assertContains(response, "Alleen de ambtenaren van Almere", status_code=403)
    assertContains(response, 'href="/mijn-netwerk/"', status_code=403)
    assertContains(response, '<html lang="nl">', status_code=403)


def test_forbidden_page_in_english(client, member, home_page):
    page = MunicipalityPageFactory(
        parent=MunicipalityIndexPageFactory(parent=home_page), title="Almere"
    )
    client.force_login(member)
    response = client.get("/en" + reverse("municipalities:contact_edit", args=[page.slug]))
    assertContains(response, "Only the officials of Almere", status_code=403)
    assertContains(response, '<html lang="en">', status_code=403)
