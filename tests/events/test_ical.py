"""iCalendar output, read back by two independent parsers, across the daylight-saving changes."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import vobject
from icalendar import Calendar

from events.models import EventFormat, EventScope

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def dst_events(make_event):
    # The clocks go forward on Sunday 28 March 2027 and back on Sunday 31 October 2027.
    spring = make_event(
        title="Voorjaar",
        start=datetime(2027, 3, 27, 10, 0, tzinfo=AMS),
        end=datetime(2027, 3, 28, 16, 0, tzinfo=AMS),
    )
    autumn = make_event(
        title="Najaar",
        start=datetime(2027, 10, 30, 20, 0, tzinfo=AMS),
        end=datetime(2027, 10, 31, 12, 0, tzinfo=AMS),
    )
    return spring, autumn


EXPECTED_UTC = {
    "Voorjaar": (datetime(2027, 3, 27, 9, 0, tzinfo=UTC), datetime(2027, 3, 28, 14, 0, tzinfo=UTC)),
    "Najaar": (
        datetime(2027, 10, 30, 18, 0, tzinfo=UTC),
        datetime(2027, 10, 31, 11, 0, tzinfo=UTC),
    ),
}


def test_single_event_is_valid_rfc5545(client, dst_events):
    spring, _autumn = dst_events
    response = client.get(spring.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert "\r\n" in text  # RFC 5545 lines end in CRLF
    assert "DTSTART;TZID=Europe/Amsterdam:20270327T100000" in text
    assert "DTEND;TZID=Europe/Amsterdam:20270328T160000" in text
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Amsterdam"]
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == f"event-{spring.pk}@iedereendoetmee"
    assert vevent["DTSTAMP"].dt.tzinfo is not None


@pytest.mark.parametrize("parser", ["icalendar", "vobject"])
def test_feed_times_survive_the_dst_change(client, dst_events, parser):
    response = client.get("/agenda/feed.ics")
    assert response.status_code == 200
    found = {}
    if parser == "icalendar":
        for vevent in Calendar.from_ical(response.content).walk("VEVENT"):
            found[str(vevent["SUMMARY"])] = (vevent["DTSTART"].dt, vevent["DTEND"].dt)
    else:
        calendar = vobject.readOne(response.content.decode())
        for vevent in calendar.vevent_list:
            found[vevent.summary.value] = (vevent.dtstart.value, vevent.dtend.value)
    for title, (start, end) in EXPECTED_UTC.items():
        assert found[title][0] == start
        assert found[title][1] == end
        assert found[title][0].utcoffset() is not None


def test_feed_honours_the_filters_and_leaves_out_past_events(client, make_event):
    make_event(title="Online landelijk", format=EventFormat.ONLINE, online_link="https://x.example")
    make_event(title="Regio Zeeland", scope=EventScope.REGIONAL, province="PV29")
    make_event(title="Al geweest", days=-3)
    response = client.get("/agenda/feed.ics?province=PV29")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Regio Zeeland"]
    response = client.get("/en/agenda/feed.ics")
    assert response.status_code == 200
    everything = Calendar.from_ical(response.content)
    titles = sorted(str(e["SUMMARY"]) for e in everything.walk("VEVENT"))
    assert titles == ["Online landelijk", "Regio Zeeland"]


def test_feed_with_bad_filter_is_400_with_a_message(client, agenda):
    response = client.get("/agenda/feed.ics?format=hologram")
    assert response.status_code == 400
    assert "Kies een van de mogelijkheden" in response.content.decode()


def test_online_link_is_not_in_the_public_feed(client, make_event):
    make_event(format=EventFormat.ONLINE, online_link="https://meet.example.org/geheim")
    response = client.get("/agenda/feed.ics")
    assert response.status_code == 200
    assert b"meet.example.org/geheim" not in response.content


def test_feed_query_count_does_not_grow(client, make_event, django_assert_max_num_queries):
    for day in range(1, 6):
        make_event(days=day)
    client.get("/agenda/feed.ics")
    with django_assert_max_num_queries(3):
        client.get("/agenda/feed.ics")


def test_control_characters_from_pasted_text_do_not_reach_the_calendar(client, make_event):
    # A form feed and a vertical tab, as text pasted from PDF or Word carries them.
    event = make_event(
        title="Inclusie\x0cagenda in de praktijk",
        introduction="Wat werkt\x0b en wat niet.\nMet ervaringsdeskundigen.",
        venue_name="Stadhuis\x0c Zwolle",
    )
    response = client.get(event.url + "ical/")
    assert response.status_code == 200
    assert not any(ord(char) < 32 and char not in "\r\n" for char in response.content.decode())
    (vevent,) = vobject.readComponents(response.content.decode())
    summary = vevent.vevent.summary.value
    assert summary == "Inclusieagenda in de praktijk"
    assert vevent.vevent.description.value == "Wat werkt en wat niet.\nMet ervaringsdeskundigen."
    assert "Stadhuis Zwolle" in vevent.vevent.location.value
