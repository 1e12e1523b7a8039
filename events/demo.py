"""Demo data of the agenda: a year of national and regional meetings, with registrations.

The events in data/demo_events.json are fictional, written for the demo: their programmes,
reports and requests to experts by experience. Each venue is a public building in a town of
the event's own province, so a regional meeting in Drenthe is held in Drenthe.
"""

import json
import random
import re
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path

from django.utils import timezone
from django.utils.text import slugify

from municipalities.models import LiaStatus, LiaStatusChange, MunicipalityPage
from network.models import User
from network.pages import ensure_home_page
from taxonomy.models import Theme

from .factories import RegistrationFactory, event_pages_bulk_create
from .models import (
    EventFormat,
    EventIndexPage,
    EventPage,
    EventScope,
    EventSpeaker,
    LiaPresentation,
    Provision,
)
from .models import Registration as R

EVENTS_FILE = Path(__file__).parent / "data" / "demo_events.json"
# Entries 0-23 are the dated events, 15 days apart from six months back: 0-11 lie in the past
# and carry a report, 12-23 are upcoming. Entry 24 is the full event with a waitlist.
DATED_EVENTS = 24
FULL_EVENT = 24

SPEAKERS = [
    ("Fatima el Amrani", "ervaringsdeskundige en trainer", True),
    ("Jeroen de Vries", "wethouder sociaal domein", False),
    ("Sanne Bakker", "beleidsadviseur inclusie", False),
    ("Henk Jansen", "ervaringsdeskundige, Raad van Advies", True),
]
FIRST_NAMES = [
    "Anouk",
    "Bram",
    "Chantal",
    "Daan",
    "Esra",
    "Floor",
    "Gijs",
    "Hanna",
    "Ilse",
    "Jamal",
]
LAST_NAMES = ["de Jong", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Hendriks"]
DEMO_MARK = "demo-"


def _ensure_index(home) -> EventIndexPage:
    index = EventIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=EventIndexPage(
                title="Agenda",
                title_en="Agenda",
                introduction_en=(
                    "Meetings of the network: national and regional, on location and online. You "
                    "can register with or without an account."
                ),
                slug="agenda",
                show_in_menus=True,
                introduction=(
                    "Bijeenkomsten van het netwerk: landelijk en in de regio, op locatie en online. "
                    "Inschrijven kan met of zonder account."
                ),
            )
        )
        index.save_revision().publish()
    return index


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_default_timezone())


@lru_cache(maxsize=1)
def demo_events() -> list[dict]:
    """The hand-written events: title, place, programme, report and provisions per event."""
    with EVENTS_FILE.open(encoding="utf-8") as handle:
        return json.load(handle)


def venue_town(address: str) -> str:
    """The town after the postcode on an address's last line: '9401 JW Assen' -> 'Assen'."""
    match = re.search(r"\d{4} ?[A-Z]{2} (.+)$", address.strip())
    return match.group(1).strip() if match else ""


def _blocks(html: str) -> list[dict]:
    return [{"type": "paragraph", "value": html}] if html else []


def _event(index, *, entry: dict, number: int, day: date, rng, organisers, themes, **extra):
    fmt, scope = entry["format"], entry["scope"]
    province = entry["province"] if scope == EventScope.REGIONAL else ""
    in_person = fmt != EventFormat.ONLINE
    fields = {
        "title": entry["title"],
        "slug": f"{DEMO_MARK}{slugify(entry['title'])}-{day:%Y-%m-%d}-{number}",
        "introduction": entry["introduction"],
        "easy_read_summary": entry.get("easy_read_summary", ""),
        "start": _at(day, entry["start_hour"]),
        "end": _at(day, entry["end_hour"]),
        "format": fmt,
        "venue_name": entry["venue_name"] if in_person else "",
        "venue_address": entry["venue_address"] if in_person else "",
        "online_link": "https://meet.example.org/iedereen-doet-mee"
        if fmt != EventFormat.PHYSICAL
        else "",
        "scope": scope,
        "province": province,
        "organiser": organisers[number % len(organisers)] if organisers else None,
        "organiser_name": entry["organiser_name"],
        "audience": entry["audience"],
        "experts_wanted": entry["experts_wanted"],
        "capacity": rng.choice([30, 40, 60, None]),
        "body": _blocks(entry["body"]),
        **{f"offers_{p}": entry[f"offers_{p}"] for p in Provision.values},
    }
    fields.update(extra)
    event = EventPage(**fields)
    # Parental many-to-many fields: set before add_child, whose save stores them.
    if themes:
        event.themes = rng.sample(themes, k=min(2, len(themes)))
    if scope == EventScope.REGIONAL:
        # The host municipality (the venue's town) first, then another one of the province.
        in_province = MunicipalityPage.objects.filter(province_code=province).order_by("title")
        host = list(in_province.filter(title=venue_town(entry["venue_address"]))[:1])
        others = list(in_province.exclude(pk__in=[page.pk for page in host])[: 2 - len(host)])
        event.municipalities = [*host, *others]
    return index.add_child(instance=event)


def _registrations(event, *, count: int, rng: random.Random, status=R.Status.CONFIRMED) -> None:
    existing = event.registrations.count()
    for i in range(count):
        n = existing + i
        name = f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {LAST_NAMES[(n * 7) % len(LAST_NAMES)]}"
        needs = rng.choice([[], [], ["ngt"], ["quiet_room"], ["wheelchair", "parking"]])
        RegistrationFactory(
            event=event,
            name=name,
            email=f"deelnemer{n}.{event.pk}@example.org",
            role=rng.choice(R.Role.values),
            status=status,
            needs=needs,
            needs_consent=bool(needs),
            waitlisted_at=timezone.now() + timedelta(seconds=i)
            if status == R.Status.WAITLISTED
            else None,
        )


LIA_PRESENTED = 3


def load(*, scale: int, stdout) -> None:
    home = ensure_home_page()
    index = _ensure_index(home)
    rng = random.Random(5)  # the same demo every time
    organisers = list(
        User.objects.filter(email__in=["team@example.org", "ambtenaar@example.org"]).order_by(
            "email"
        )
    )
    themes = list(Theme.objects.order_by("article")[:12])
    if not EventPage.objects.filter(slug__startswith=DEMO_MARK).exists():
        entries = demo_events()
        today = timezone.localdate()
        for number in range(DATED_EVENTS):
            entry = entries[number]
            # Two meetings a month: six months back, six months ahead.
            day = today + timedelta(days=-180 + number * 15 + 3)
            if day.weekday() >= 5:
                day += timedelta(days=7 - day.weekday())
            event = _event(
                index,
                entry=entry,
                number=number,
                day=day,
                rng=rng,
                organisers=organisers,
                themes=themes,
            )
            for order, (name, role, expert) in enumerate(SPEAKERS[number % 3 : number % 3 + 2]):
                EventSpeaker.objects.create(
                    page=event,
                    sort_order=order,
                    name=name,
                    role=role,
                    is_expert_by_experience=expert,
                )
            if event.end < timezone.now():
                event.report_summary = entry["report_summary"]
                event.report = _blocks(entry["report"])
                event.save_revision().publish()
                _registrations(event, count=8, rng=rng)
            elif event.capacity:
                _registrations(event, count=min(6, event.capacity - 1), rng=rng)
        # One full event with a waitlist, a month ahead, on a weekday.
        full_day = today + timedelta(days=33)
        full_day += timedelta(days=max(0, 7 - full_day.weekday()) if full_day.weekday() >= 5 else 0)
        full = _event(
            index,
            entry=entries[FULL_EVENT],
            number=1,
            day=full_day,
            rng=rng,
            organisers=organisers,
            themes=themes,
            slug=f"{DEMO_MARK}werksessie-toegankelijke-verkiezingen",
            capacity=12,
        )
        _registrations(full, count=12, rng=rng)
        _registrations(full, count=3, rng=rng, status=R.Status.WAITLISTED)
    if scale > 1:
        _scale(index, count=(scale - 1) * 200, rng=rng, organisers=organisers, themes=themes)
    stdout.write(f"  {EventPage.objects.count()} events, {R.objects.count()} registrations")
    _presentations_load(stdout)


def _scale(index, *, count: int, rng, organisers, themes) -> None:
    """Many plain events for benchmarks, inserted in batches: no revisions, no speakers."""
    today = timezone.localdate()
    start = EventPage.objects.filter(slug__startswith=f"{DEMO_MARK}scale-").count()
    events = []
    entries = demo_events()[:DATED_EVENTS]
    for n in range(start, start + count):
        entry = entries[n % len(entries)]
        fmt, scope = entry["format"], entry["scope"]
        day = today + timedelta(days=rng.randint(-200, 200))
        events.append(
            EventPage(
                title=f"{entry['title']} ({n})",
                slug=f"{DEMO_MARK}scale-{n}",
                introduction="Een bijeenkomst van het netwerk.",
                start=_at(day, 10),
                end=_at(day, 12 + n % 5),
                format=fmt,
                venue_name=entry["venue_name"] if fmt != EventFormat.ONLINE else "",
                online_link="" if fmt == EventFormat.PHYSICAL else "https://meet.example.org/idm",
                scope=scope,
                province=entry["province"] if scope == EventScope.REGIONAL else "",
                organiser=organisers[0] if organisers else None,
                capacity=rng.choice([20, 40, None]),
                offers_wheelchair=True,
                offers_ngt=n % 2 == 0,
                body=[],
                report=[],
            )
        )
    event_pages_bulk_create(parent=index, events=events)
    if themes:
        through = EventPage.themes.through
        through.objects.bulk_create(
            [
                through(eventpage_id=e.pk, theme_id=themes[i % len(themes)].pk)
                for i, e in enumerate(events)
            ],
            batch_size=1000,
        )


def _presentations_load(stdout) -> None:
    """Celebrations: a few adopted LIAs linked to past events where they were presented."""
    if LiaPresentation.objects.filter(is_demo_data=True).exists():
        return
    past = list(
        EventPage.objects.live().filter(end__lt=timezone.now()).order_by("-start")[:LIA_PRESENTED]
    )
    taken = LiaPresentation.objects.values_list("status_change_id", flat=True)
    entries = list(
        LiaStatusChange.objects.filter(status=LiaStatus.ADOPTED)
        .exclude(pk__in=taken)
        .order_by("-date", "pk")[: len(past)]
    )
    LiaPresentation.objects.bulk_create(
        [
            LiaPresentation(event=event, status_change=entry, is_demo_data=True)
            for event, entry in zip(past, entries, strict=False)
        ]
    )
    stdout.write(f"  LIA presentations: {min(len(past), len(entries))}")
