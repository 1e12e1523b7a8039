"""Celebrations: an LIA status entry linked to the event where the agenda was presented."""

import pytest
from django.core.exceptions import ValidationError
from pytest_django.asserts import assertContains, assertNotContains

from events.models import LiaPresentation
from municipalities.factories import LiaStatusChangeFactory
from municipalities.models import LiaStatus, MunicipalityIndexPage, MunicipalityPage
from network.registry import home_sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def zwolle(home_page):
    index = MunicipalityIndexPage.objects.first() or home_page.add_child(
        instance=MunicipalityIndexPage(title="Gemeenten", slug="gemeenten")
    )
    return index.add_child(
        instance=MunicipalityPage(
            title="Zwolle",
            slug="zwolle",
            cbs_code="GM0193",
            official_name="Zwolle",
            province="Overijssel",
            province_code="PV23",
            population=130_000,
        )
    )


@pytest.fixture
def presentation(make_event, zwolle):
    event = make_event(days=-10, title="Netwerkdag inclusie")
    entry = LiaStatusChangeFactory(municipality=zwolle, status=LiaStatus.ADOPTED)
    return LiaPresentation.objects.create(event=event, status_change=entry)


def test_event_page_shows_who_presented(client, presentation):
    response = client.get(presentation.event.url)
    assertContains(response, "LIA gepresenteerd door")
    assertContains(response, ">Zwolle</a>")


def test_municipality_profile_shows_where_it_presented(client, presentation, zwolle):
    response = client.get(zwolle.url)
    assertContains(response, "LIA gepresenteerd op")
    assertContains(response, "Netwerkdag inclusie")


def test_home_page_shows_the_latest_presentations(client, presentation, home_page):
    assert "lia_presentations" in [section.key for section in home_sections]
    response = client.get(home_page.url)
    assertContains(response, "Netwerkdag inclusie")
    assertContains(response, "Zwolle")


def test_without_presentations_nothing_is_shown(client, zwolle, home_page):
    assertNotContains(client.get(zwolle.url), "LIA gepresenteerd")
    assertNotContains(client.get(home_page.url), "LIA gepresenteerd")


def test_unpublished_event_is_not_celebrated(client, presentation, zwolle):
    presentation.event.unpublish()
    assertNotContains(client.get(zwolle.url), "Netwerkdag inclusie")


def test_an_entry_is_presented_once(presentation, make_event):
    duplicate = LiaPresentation(event=make_event(days=-3), status_change=presentation.status_change)
    with pytest.raises(ValidationError):
        duplicate.full_clean()
