"""The demo data and the factories: believable, idempotent, and fast at scale."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from events import demo
from events.factories import EventPageFactory, RegistrationFactory, event_pages_bulk_create
from events.models import EventIndexPage, EventPage, Registration

pytestmark = pytest.mark.django_db


def test_demo_builds_a_year_of_events_once(home_page):
    demo.load(scale=1, stdout=io.StringIO())
    count = EventPage.objects.count()
    registrations = Registration.objects.count()
    demo.load(scale=1, stdout=io.StringIO())
    assert EventPage.objects.count() == count == 25
    assert Registration.objects.count() == registrations
    now = timezone.now()
    past = EventPage.objects.filter(end__lt=now)
    assert past.exists() and all(e.report_summary for e in past)
    assert EventPage.objects.filter(start__gt=now, registrations__isnull=False).exists()
    assert {"national", "regional"} <= set(EventPage.objects.values_list("scope", flat=True))
    full = EventPage.objects.get(slug=f"{demo.DEMO_MARK}werksessie-toegankelijke-verkiezingen")
    assert full.is_full
    assert full.registrations.filter(status=Registration.Status.WAITLISTED).count() == 3
    index = EventIndexPage.objects.get()
    assert index.url == "/agenda/" and index.show_in_menus


def test_demo_scale_adds_many_events_in_a_valid_tree(home_page):
    demo.load(scale=2, stdout=io.StringIO())
    assert EventPage.objects.count() == 25 + 200
    assert Page.find_problems() == ([], [], [], [], [])
    scaled = EventPage.objects.get(slug=f"{demo.DEMO_MARK}scale-7")
    assert scaled.url.startswith("/agenda/")
    assert scaled.get_parent().specific_class is EventIndexPage


def test_bulk_create_appends_after_existing_children(agenda):
    first = EventPageFactory(parent=agenda)
    now = timezone.now()
    made = event_pages_bulk_create(
        parent=agenda,
        events=[
            EventPage(
                title=f"B{n}",
                slug=f"b{n}",
                start=now + timedelta(days=1),
                end=now + timedelta(days=1, hours=1),
                body=[],
                report=[],
            )
            for n in range(3)
        ],
    )
    assert [e.get_parent().pk for e in EventPage.objects.filter(pk__in=[m.pk for m in made])] == [
        agenda.pk
    ] * 3
    assert list(agenda.get_children().values_list("slug", flat=True)) == [
        first.slug,
        "b0",
        "b1",
        "b2",
    ]
    agenda.refresh_from_db()
    assert agenda.numchild == 4


def test_factories_make_valid_objects(event):
    event.full_clean()
    registration = RegistrationFactory(event=event)
    registration.full_clean()
    assert event.registrations.get() == registration


def test_reminder_command(make_event, mailoutbox, settings, django_capture_on_commit_callbacks):
    settings.EVENTS_REMINDER_HOURS = 24
    RegistrationFactory(event=make_event(days=0.5))
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=out)
    assert "1" in out.getvalue()
    assert len(mailoutbox) == 1
