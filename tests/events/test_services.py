"""Registering, confirming, the waitlist, cancelling, emails, reminders and erasure."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from events.factories import RegistrationFactory
from events.models import EventPage, Registration
from events.services import (
    confirmation_emails_retry,
    needs_erase,
    registration_cancel,
    registration_confirm_email,
    registration_create,
    reminders_send,
)
from network.factories import UserFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the on_commit callbacks (the email tasks) as a real commit would."""

    def run(func, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return func(**kwargs)

    return run


def register(commit, event, email="sam@example.org", **kwargs):
    kwargs.setdefault("name", "Sam Sample")
    kwargs.setdefault("role", Registration.Role.EXPERT)
    return commit(registration_create, event=event, email=email, **kwargs)


def test_anonymous_registration_is_pending_and_asks_to_confirm(commit, event, mailoutbox):
    registration = register(commit, event)
    assert registration.status == Status.PENDING
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    assert f"/agenda/aanmelding/{registration.token}/bevestigen/" in body
    assert f"/agenda/aanmelding/{registration.token}/annuleren/" in body
    assert mailoutbox[0].attachments == []
    registration.refresh_from_db()
    assert registration.email_sent_at is not None


def test_confirming_the_email_takes_a_seat_and_sends_the_calendar(commit, event, mailoutbox):
    registration = register(commit, event)
    status = commit(registration_confirm_email, registration=registration)
    assert status == Status.CONFIRMED
    assert Registration.objects.get(pk=registration.pk).status == Status.CONFIRMED
    confirmation = mailoutbox[-1]
    name, content, mimetype = confirmation.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    calendar = Calendar.from_ical(content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [event.title]
    # confirming again changes nothing
    assert commit(registration_confirm_email, registration=registration) == Status.CONFIRMED


def test_logged_in_user_with_verified_email_is_confirmed_at_once(commit, event, member, mailoutbox):
    registration = register(commit, event, email=member.email, user=member)
    assert registration.status == Status.CONFIRMED
    assert registration.user == member
    assert mailoutbox[-1].attachments


def test_unverified_account_still_confirms_by_email(commit, event):
    user = UserFactory(email="new@example.org", verified=False)
    registration = register(commit, event, email=user.email, user=user)
    assert registration.status == Status.PENDING


def test_full_event_puts_people_on_the_waitlist(commit, event, mailoutbox):
    RegistrationFactory.create_batch(5, event=event)
    user = UserFactory(email="late@example.org")
    registration = register(commit, event, email=user.email, user=user)
    assert registration.status == Status.WAITLISTED
    assert registration.waitlisted_at is not None
    assert "wachtlijst" in mailoutbox[-1].subject


def test_same_email_twice_is_refused_case_insensitively(commit, event):
    first = register(commit, event, email="Sam@Example.org")
    commit(registration_confirm_email, registration=first)
    with pytest.raises(ValidationError) as error:
        register(commit, event, email="sam@example.ORG")
    assert "email" in error.value.message_dict
    assert event.registrations.count() == 1


def test_after_cancelling_the_same_email_may_register_again(commit, event):
    first = register(commit, event)
    commit(registration_cancel, registration=first)
    second = register(commit, event)
    assert second.pk != first.pk


def test_needs_without_consent_are_refused_and_without_needs_consent_is_dropped(commit, event):
    with pytest.raises(ValidationError) as error:
        register(commit, event, needs=["ngt"], needs_consent=False)
    assert "needs_consent" in error.value.message_dict
    with pytest.raises(ValidationError):
        register(commit, event, needs_other="Ik kom met een tolk", needs_consent=False)
    assert not event.registrations.exists()
    stored = register(commit, event, needs=["ngt", "quiet_room"], needs_consent=True)
    assert Registration.objects.get(pk=stored.pk).needs == ["ngt", "quiet_room"]


@pytest.mark.parametrize(
    "changes,code",
    [
        ({"registration_closes_at_days": -1}, "closed"),
        ({"registration_opens_at_days": 2}, "not_open"),
        ({"past": True}, "past"),
        ({"started": True}, "started"),
    ],
)
def test_closed_not_yet_open_and_past_events_refuse(commit, make_event, changes, code):
    now = timezone.now()
    kwargs = {}
    if "registration_closes_at_days" in changes:
        kwargs["registration_closes_at"] = now + timedelta(
            days=changes["registration_closes_at_days"]
        )
    if "registration_opens_at_days" in changes:
        kwargs["registration_opens_at"] = now + timedelta(
            days=changes["registration_opens_at_days"]
        )
    if changes.get("started"):
        kwargs["hours"] = 72
    days = -2 if changes.get("past") or changes.get("started") else 10
    event = make_event(days=days, **kwargs)
    with pytest.raises(ValidationError) as error:
        register(commit, event)
    assert error.value.code == code
    assert not event.registrations.exists()


def test_cancelling_promotes_the_first_on_the_waitlist_and_emails_them(commit, event, mailoutbox):
    seats = RegistrationFactory.create_batch(5, event=event)
    now = timezone.now()
    second = RegistrationFactory(
        event=event, status=Status.WAITLISTED, waitlisted_at=now, email="second@example.org"
    )
    first = RegistrationFactory(
        event=event,
        status=Status.WAITLISTED,
        waitlisted_at=now - timedelta(minutes=5),
        email="first@example.org",
    )
    promoted = commit(registration_cancel, registration=seats[0])
    assert promoted.pk == first.pk
    assert Registration.objects.get(pk=first.pk).status == Status.CONFIRMED
    assert Registration.objects.get(pk=second.pk).status == Status.WAITLISTED
    assert Registration.objects.get(pk=seats[0].pk).status == Status.CANCELLED
    assert mailoutbox[-1].to == ["first@example.org"]
    assert mailoutbox[-1].attachments
    # cancelling twice promotes nobody else
    assert commit(registration_cancel, registration=seats[0]) is None
    assert event.registrations.filter(status=Status.CONFIRMED).count() == 5


def test_cancelling_a_waitlisted_place_promotes_nobody(commit, event):
    RegistrationFactory.create_batch(5, event=event)
    waiting = RegistrationFactory.create_batch(2, event=event, status=Status.WAITLISTED)
    assert commit(registration_cancel, registration=waiting[0]) is None
    assert Registration.objects.get(pk=waiting[1].pk).status == Status.WAITLISTED


def test_a_failing_mail_server_never_loses_a_registration(commit, event):
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("SMTP down")):
        registration = register(commit, event)
    stored = Registration.objects.get(pk=registration.pk)
    assert stored.status == Status.PENDING
    assert stored.email_sent_at is None


def test_unsent_emails_are_retried(commit, event, mailoutbox):
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("SMTP down")):
        registration = register(commit, event)
    later = timezone.now() + timedelta(minutes=10)
    assert commit(confirmation_emails_retry, now=later) == 1
    assert mailoutbox[-1].to == [registration.email]
    assert Registration.objects.get(pk=registration.pk).email_sent_at is not None
    assert commit(confirmation_emails_retry, now=later) == 0


def test_reminders_are_sent_once_within_the_window(commit, make_event, mailoutbox, settings):
    settings.EVENTS_REMINDER_HOURS = 48
    soon = make_event(days=1)
    later = make_event(days=5)
    due = RegistrationFactory(event=soon, email="due@example.org")
    RegistrationFactory(event=soon, status=Status.WAITLISTED, email="waiting@example.org")
    RegistrationFactory(event=later, email="later@example.org")
    assert commit(reminders_send) == 1
    assert [m.to for m in mailoutbox] == [["due@example.org"]]
    assert mailoutbox[0].subject.startswith("[Iedereen doet mee!] Herinnering")
    assert Registration.objects.get(pk=due.pk).reminder_sent_at is not None
    assert commit(reminders_send) == 0
    assert len(mailoutbox) == 1


def test_needs_are_erased_after_the_retention_period(make_event, settings):
    settings.EVENTS_NEEDS_RETENTION_DAYS = 7
    old = make_event(days=-8)
    recent = make_event(days=-3)
    erased = RegistrationFactory(
        event=old, needs=["ngt"], needs_other="tolk graag", needs_consent=True
    )
    kept = RegistrationFactory(event=recent, needs=["quiet_room"], needs_consent=True)
    assert needs_erase() == 1
    erased.refresh_from_db()
    kept.refresh_from_db()
    assert (erased.needs, erased.needs_other, erased.needs_consent) == ([], "", False)
    assert erased.name and erased.email  # only the needs go
    assert kept.needs == ["quiet_room"]
    assert EventPage.objects.get(pk=old.pk).needs_erased_at is not None
    # a shorter retention erases the recent one too
    settings.EVENTS_NEEDS_RETENTION_DAYS = 1
    assert needs_erase() == 1
    kept.refresh_from_db()
    assert kept.needs == []


def test_erase_command(make_event, settings):
    from django.core.management import call_command

    settings.EVENTS_NEEDS_RETENTION_DAYS = 0
    registration = RegistrationFactory(event=make_event(days=-1), needs=["ngt"], needs_consent=True)
    call_command("erase_accessibility_needs", stdout=mock.Mock())
    registration.refresh_from_db()
    assert registration.needs == []


def test_email_is_in_the_registrants_language(commit, event, mailoutbox):
    register(commit, event, language="en")
    register(commit, event, email="nl@example.org", language="nl")
    assert mailoutbox[0].subject.startswith("[Iedereen doet mee!] Please confirm")
    assert "/en/agenda/aanmelding/" in mailoutbox[0].body
    assert mailoutbox[1].subject.startswith("[Iedereen doet mee!] Bevestig uw inschrijving")
    assert "Beste Sam Sample" in mailoutbox[1].body


def test_email_links_use_the_public_address_not_the_site_placeholder(
    commit, event, mailoutbox, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://iedereendoetmee.example.org"
    registration = register(commit, event)
    body = mailoutbox[0].body
    token = registration.token
    assert f"https://iedereendoetmee.example.org/agenda/aanmelding/{token}/bevestigen/" in body
    assert f"https://iedereendoetmee.example.org{event.url}" in body
    assert "localhost" not in body
    commit(registration_confirm_email, registration=registration)
    calendar = Calendar.from_ical(mailoutbox[-1].attachments[0][1])
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["URL"]) == f"https://iedereendoetmee.example.org{event.url}"
