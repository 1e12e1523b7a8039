"""iCalendar (RFC 5545) output: one event, or the feed of upcoming events."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vText

from network.notifications import page_absolute_url
from network.params import clean_text

if TYPE_CHECKING:
    from .models.pages import EventPage

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PRODID = "-//Iedereen doet mee!//Agenda//NL"


def amsterdam_vtimezone() -> Timezone:
    """Europe/Amsterdam as two yearly rules (EU summer time since 1996).

    icalendar's add_missing_timezones() lists every transition as RDATEs, which dateutil-based
    readers (vobject, many CalDAV tools) misread as permanent winter time; rules read everywhere.
    """
    zone = Timezone()
    zone.add("tzid", "Europe/Amsterdam")
    zone.add("x-lic-location", "Europe/Amsterdam")
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", timedelta(hours=1))
    summer.add("tzoffsetto", timedelta(hours=2))
    summer.add("dtstart", datetime(1981, 3, 29, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", timedelta(hours=2))
    winter.add("tzoffsetto", timedelta(hours=1))
    winter.add("dtstart", datetime(1996, 10, 27, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def _location(event: EventPage) -> str:
    parts = []
    if event.has_venue:
        parts += [event.venue_name, " ".join(event.venue_address.split())]
    if event.is_online and not event.has_venue:
        parts.append("Online")
    return ", ".join(part for part in parts if part)


def _vevent(event: EventPage, *, request, stamp) -> Event:
    vevent = Event()
    # A stable UID per page, so calendar apps update the event rather than adding a copy.
    vevent.add("uid", f"event-{event.pk}@iedereendoetmee")
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start.astimezone(AMSTERDAM))
    vevent.add("dtend", event.end.astimezone(AMSTERDAM))
    # RFC 5545 allows no control characters but tab in TEXT values (line breaks are escaped);
    # text pasted from PDF or Word carries form feeds, and strict calendar apps then reject the
    # whole feed: every text value goes through clean_text.
    vevent.add("summary", clean_text(event.title))
    if event.introduction:
        vevent.add("description", clean_text(event.introduction))
    location = _location(event)
    if location:
        vevent.add("location", vText(clean_text(location)))
    url = event.get_full_url(request) if request is not None else page_absolute_url(event)
    if url:
        vevent.add("url", url)
    vevent.add("last-modified", (event.last_published_at or stamp))
    return vevent


def calendar_for(events: Iterable[EventPage], *, name: str, request=None) -> bytes:
    """A VCALENDAR with a VEVENT per event and the Europe/Amsterdam VTIMEZONE."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", clean_text(name))
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now().replace(microsecond=0)
    cal.add_component(amsterdam_vtimezone())
    for event in events:
        cal.add_component(_vevent(event, request=request, stamp=stamp))
    return cal.to_ical()
