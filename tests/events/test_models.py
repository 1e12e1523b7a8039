"""The event page's own rules: validation, provisions, registration state, who organises."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.factories import RegistrationFactory
from events.models import EventFormat, EventIndexPage, EventPage, EventScope, Registration

pytestmark = pytest.mark.django_db


def unsaved_event(**kwargs) -> EventPage:
    start = timezone.now() + timedelta(days=10)
    defaults = {
        "title": "Bijeenkomst",
        "slug": "bijeenkomst",
        "start": start,
        "end": start + timedelta(hours=2),
        "format": EventFormat.PHYSICAL,
        "venue_name": "Stadhuis",
    }
    defaults.update(kwargs)
    return EventPage(**defaults)


def test_end_must_be_after_start():
    event = unsaved_event()
    event.end = event.start
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict


def test_multi_day_events_are_allowed():
    event = unsaved_event()
    event.end = event.start + timedelta(days=2)
    event.clean()
    assert event.is_multi_day


def test_regional_event_needs_a_province_and_national_drops_it():
    with pytest.raises(ValidationError) as error:
        unsaved_event(scope=EventScope.REGIONAL).clean()
    assert "province" in error.value.message_dict
    national = unsaved_event(scope=EventScope.NATIONAL, province="PV26")
    national.clean()
    assert national.province == ""


def test_online_event_needs_a_link_and_physical_a_venue():
    with pytest.raises(ValidationError) as error:
        unsaved_event(format=EventFormat.ONLINE, venue_name="").clean()
    assert "online_link" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        unsaved_event(format=EventFormat.PHYSICAL, venue_name="").clean()
    assert "venue_name" in error.value.message_dict


def test_provisions_are_listed_in_order_with_icons():
    event = unsaved_event(offers_quiet_room=True, offers_ngt=True)
    values = [p["value"] for p in event.provisions]
    assert values == ["ngt", "quiet_room"]
    assert all(p["icon"] and p["label"] for p in event.provisions)


def test_every_provision_has_an_svg_path_and_no_emoji():
    from events.models import PROVISION_ICONS, Provision

    assert set(PROVISION_ICONS) == set(Provision)
    for icon in PROVISION_ICONS.values():
        # SVG path data: commands, numbers and spaces only (no emoji, no markup).
        assert re.fullmatch(r"[MmLlHhVvCcSsQqTtAaZz0-9 .,-]+", icon), icon


def test_registration_window_states():
    now = timezone.now()
    event = unsaved_event()
    assert event.registration_window_state(now) == "open"
    event.registration_opens_at = now + timedelta(days=1)
    assert event.registration_window_state(now) == "not_open"
    event.registration_opens_at = None
    event.registration_closes_at = now - timedelta(minutes=1)
    assert event.registration_window_state(now) == "closed"
    assert event.registration_window_state(event.start + timedelta(minutes=1)) == "started"
    assert event.registration_window_state(event.end) == "past"


def test_full_and_seats_left(event):
    RegistrationFactory.create_batch(5, event=event)
    RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    fresh = EventPage.objects.get(pk=event.pk)
    assert fresh.confirmed_count == 5
    assert fresh.is_full
    assert fresh.seats_left == 0
    assert "wachtlijst" in fresh.status_label()


def test_can_manage_only_organiser_and_team(
    event, organiser, other_organiser, team_member, member, moderator
):
    event.organiser = organiser
    assert event.can_manage(organiser)
    assert event.can_manage(team_member)
    assert not event.can_manage(other_organiser)
    assert not event.can_manage(member)
    assert not event.can_manage(moderator)


def test_needs_without_consent_do_not_validate(event):
    registration = Registration(
        event=event, name="A", email="a@example.org", role="expert", needs=["ngt"]
    )
    with pytest.raises(ValidationError) as error:
        registration.full_clean()
    assert "needs_consent" in error.value.message_dict


def test_unknown_needs_do_not_validate(event):
    registration = Registration(
        event=event,
        name="A",
        email="a@example.org",
        role="expert",
        needs=["teleporter"],
        needs_consent=True,
    )
    with pytest.raises(ValidationError) as error:
        registration.full_clean()
    assert "needs" in error.value.message_dict


def test_page_tree_rules(agenda):
    assert EventIndexPage.parent_page_types == ["network.HomePage"]
    assert EventPage.parent_page_types == ["events.EventIndexPage"]
    assert EventPage.subpage_types == []
    search_names = {f.field_name for f in EventPage.search_fields}
    assert {"title", "body", "venue_name", "start"} <= search_names


def test_the_agendas_own_addresses_are_not_event_slugs():
    with pytest.raises(ValidationError) as error:
        unsaved_event(slug="maand").clean()
    assert "slug" in error.value.message_dict
