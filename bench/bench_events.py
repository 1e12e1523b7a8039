"""The agenda with 2,000 events, an event page, and the iCal feed of 500 events."""

from datetime import timedelta

from django.utils import timezone

from bench.utils import Report, time_call, time_get


def run(report: Report) -> None:
    # Imported here, not at the top: Django is set up (bench/__main__.py) before this runs.
    from events.factories import EventIndexPageFactory, RegistrationFactory, event_pages_bulk_create
    from events.ical import calendar_for
    from events.models import EventIndexPage, EventPage
    from network.pages import ensure_home_page

    home = ensure_home_page()
    agenda = EventIndexPage.objects.first() or EventIndexPageFactory(parent=home)
    now = timezone.now()
    events = [
        EventPage(
            title=f"Bijeenkomst {n}",
            slug=f"bench-{n}",
            start=now + timedelta(days=n % 400 - 150, hours=2),
            end=now + timedelta(days=n % 400 - 150, hours=5),
            venue_name="Stadhuis",
            capacity=30,
            body=[],
            report=[],
        )
        for n in range(2000)
    ]
    event_pages_bulk_create(parent=agenda, events=events)
    upcoming = [e for e in events if e.start > now]
    for event in upcoming[:50]:
        RegistrationFactory.create_batch(3, event=event)

    listing = time_get(agenda.url)
    report.add(
        "events",
        "agenda (2,000 events) median",
        f"{listing.median:.1f} ms",
        "",
        listing.status == 200,
    )
    report.add("events", "agenda (2,000 events) p95", f"{listing.p95:.1f} ms")
    report.add("events", "agenda queries", str(listing.queries), "<= 12", listing.queries <= 12)
    month = time_get(agenda.url + "maand/")
    report.add("events", "month view median", f"{month.median:.1f} ms", "", month.status == 200)
    report.add("events", "month view queries", str(month.queries), "<= 12", month.queries <= 12)
    detail = time_get(upcoming[0].url)
    report.add("events", "event page median", f"{detail.median:.1f} ms", "", detail.status == 200)
    report.add("events", "event page queries", str(detail.queries), "<= 12", detail.queries <= 12)

    five_hundred = list(EventPage.objects.live().order_by("start")[:500])
    feed = time_call(lambda: calendar_for(five_hundred, name="bench"), repeat=5)
    report.add("events", "iCal feed of 500 events (generation)", f"{feed.median:.1f} ms")
    http_feed = time_get("/agenda/feed.ics", repeat=5)
    report.add(
        "events",
        "feed.ics (all upcoming) median",
        f"{http_feed.median:.1f} ms",
        "",
        http_feed.status == 200,
    )
