"""The demo data and the factories: believable, idempotent, and fast at scale."""

import io
import re
from collections import defaultdict
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from events import demo
from events.factories import EventPageFactory, RegistrationFactory, event_pages_bulk_create
from events.models import EventFormat, EventIndexPage, EventPage, EventScope, Registration
from municipalities.importer import import_municipalities
from municipalities.models import MunicipalityPage
from municipalities.reference import load_provinces

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


PLACEHOLDER = re.compile(
    r"\b(lorem|ipsum|gegenereerd|voorbeeld|placeholder|todo|xxx|test)\b", re.IGNORECASE
)
INFORMAL = re.compile(r"\b(je|jij|jouw|jullie)\b", re.IGNORECASE)
COUNTS = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8}


@pytest.fixture
def demo_agenda(home_page) -> list[EventPage]:
    """The demo agenda on top of the 342 municipalities, as load_demo_data builds it."""
    import_municipalities(geojson_path=None)
    demo.load(scale=1, stdout=io.StringIO())
    return list(EventPage.objects.filter(slug__startswith=demo.DEMO_MARK).order_by("start"))


def test_every_demo_event_has_its_own_text(demo_agenda):
    assert len(demo_agenda) == 25
    for texts in (
        [e.title for e in demo_agenda],
        [e.introduction for e in demo_agenda],
        [str(e.body) for e in demo_agenda],
    ):
        assert all(texts) and len(set(texts)) == len(texts)
    assert {"physical", "online", "hybrid"} == {e.format for e in demo_agenda}
    for event in demo_agenda:
        event.full_clean()  # lengths of audience, experts_wanted and report_summary included


def test_regional_events_meet_in_their_own_province(demo_agenda):
    towns = defaultdict(set)
    for code, title in MunicipalityPage.objects.values_list("province_code", "title"):
        towns[code].add(title)
    regional = [e for e in demo_agenda if e.scope == EventScope.REGIONAL]
    assert len({e.province for e in regional}) >= 8
    for event in regional:
        town = demo.venue_town(event.venue_address)
        assert event.has_venue and town in towns[event.province], (event.title, town)
        assert load_provinces()[event.province] in event.title
        hosts = list(event.municipalities.all())
        assert town in {m.title for m in hosts}, event.title
        assert {m.province_code for m in hosts} == {event.province}
        assert event.themes.exists()
    for event in demo_agenda:
        if event.format == EventFormat.ONLINE:
            assert not event.venue_name and not event.venue_address
            assert not (
                event.offers_hearing_loop or event.offers_parking or event.offers_assistance_animals
            )
        else:
            assert re.search(r"\n\d{4} [A-Z]{2} \S", event.venue_address), event.title


def test_demo_events_have_no_placeholders_and_say_u(demo_agenda):
    written = [
        [e.title, e.introduction, str(e.body), e.report_summary, str(e.report), e.experts_wanted]
        for e in demo_agenda
    ]
    # the entries' own reports too, also of upcoming events
    written += [list(entry.values()) for entry in demo.demo_events()]
    for texts in written:
        text = " ".join(str(t) for t in texts)
        assert not PLACEHOLDER.search(text), texts[0]
        assert not INFORMAL.search(text), (texts[0], INFORMAL.search(text).group())


def test_past_events_have_a_report_and_coming_ones_ask_for_experts(demo_agenda):
    now = timezone.now()
    past = [e for e in demo_agenda if e.end < now]
    coming = [e for e in demo_agenda if e.end >= now]
    assert len(past) >= 10 and len(coming) >= 10
    for event in past:
        assert event.report_summary and len(event.report), event.title
        # what the summary promises ('drie lessen') is what the report lists
        items = str(event.report).count("<li>")
        promised = {
            COUNTS[w] for w in re.findall(r"\w+", event.report_summary.lower()) if w in COUNTS
        }
        assert not items or items in promised, event.title
    for event in coming:
        assert not event.report_summary and not len(event.report), event.title
    wanted = [e for e in coming if e.experts_wanted]
    assert len(wanted) >= 4
    for event in wanted:
        assert len(event.experts_wanted) <= 600 and "vergoeding" in event.experts_wanted
    full = next(e for e in coming if e.slug.endswith("werksessie-toegankelijke-verkiezingen"))
    assert full.capacity == 12 and not full.experts_wanted


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
