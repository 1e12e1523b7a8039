"""Demo data of the agenda: a year of national and regional meetings, with registrations."""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.text import slugify

from municipalities.models import LiaStatus, LiaStatusChange, MunicipalityPage
from network.models import User
from network.pages import ensure_home_page
from taxonomy.models import Theme

from .factories import RegistrationFactory, event_pages_bulk_create
from .models import (
    PROVINCES,
    EventFormat,
    EventIndexPage,
    EventPage,
    EventScope,
    EventSpeaker,
    LiaPresentation,
)
from .models import Registration as R

TOPICS = [
    ("Landelijke netwerkdag Iedereen doet mee!", EventScope.NATIONAL, EventFormat.HYBRID),
    ("Werksessie: ervaringsdeskundigen in je LIA", EventScope.NATIONAL, EventFormat.ONLINE),
    ("Regiobijeenkomst toegankelijke gemeente", EventScope.REGIONAL, EventFormat.PHYSICAL),
    ("Leertafel inclusief werkgeverschap", EventScope.REGIONAL, EventFormat.PHYSICAL),
    ("Webinar toegankelijke communicatie", EventScope.NATIONAL, EventFormat.ONLINE),
    ("Inspiratiemiddag wonen en zorg", EventScope.REGIONAL, EventFormat.HYBRID),
    ("Kennissessie VN-verdrag voor raadsleden", EventScope.NATIONAL, EventFormat.ONLINE),
    ("Regiotafel vervoer en mobiliteit", EventScope.REGIONAL, EventFormat.PHYSICAL),
]
VENUES = [
    ("Stadskantoor Utrecht", "Stadsplateau 1\n3521 AZ Utrecht"),
    ("Provinciehuis Zwolle", "Luttenbergstraat 2\n8012 EE Zwolle"),
    ("Gemeentehuis Eindhoven", "Stadhuisplein 1\n5611 EM Eindhoven"),
    ("Stadhuis Groningen", "Grote Markt 1\n9712 HN Groningen"),
]
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


def _event(index, *, number: int, day: date, rng: random.Random, organisers, themes, **extra):
    title, scope, fmt = TOPICS[number % len(TOPICS)]
    venue, address = VENUES[number % len(VENUES)]
    province_code, province_name = PROVINCES[number % len(PROVINCES)]
    if scope == EventScope.REGIONAL:
        title = f"{title} {province_name}"
    fields = {
        "title": title,
        "slug": f"{DEMO_MARK}{slugify(title)}-{day:%Y-%m-%d}-{number}",
        "introduction": "Praktijkvoorbeelden, gesprek en ontmoeting, samen met ervaringsdeskundigen.",
        "start": _at(day, 10),
        "end": _at(day, 15 + number % 2),
        "format": fmt,
        "venue_name": venue if fmt != EventFormat.ONLINE else "",
        "venue_address": address if fmt != EventFormat.ONLINE else "",
        "online_link": "https://meet.example.org/iedereen-doet-mee"
        if fmt != EventFormat.PHYSICAL
        else "",
        "scope": scope,
        "province": province_code if scope == EventScope.REGIONAL else "",
        "organiser": organisers[number % len(organisers)] if organisers else None,
        "organiser_name": "Projectteam Iedereen doet mee! (VNG)",
        "audience": "Ambtenaren, ervaringsdeskundigen, raadsleden en maatschappelijke organisaties",
        "capacity": rng.choice([30, 40, 60, None]),
        "offers_wheelchair": True,
        "offers_ngt": number % 2 == 0,
        "offers_speech_to_text": number % 3 == 0,
        "offers_hearing_loop": fmt != EventFormat.ONLINE,
        "offers_quiet_room": number % 2 == 1,
        "offers_easy_read": number % 4 == 0,
        "offers_assistance_animals": fmt != EventFormat.ONLINE,
        "offers_parking": fmt != EventFormat.ONLINE and number % 3 != 2,
        "body": [
            {
                "type": "paragraph",
                "value": "<p>10.00 uur ontvangst, 10.30 uur opening, daarna werksessies in "
                "kleine groepen en een gezamenlijke afsluiting.</p>",
            }
        ],
    }
    fields.update(extra)
    event = index.add_child(instance=EventPage(**fields))
    if themes:
        event.themes.set(rng.sample(themes, k=min(2, len(themes))))
    if scope == EventScope.REGIONAL:
        event.municipalities.set(
            MunicipalityPage.objects.filter(province_code=province_code).order_by("title")[:2]
        )
    return event


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
        today = timezone.localdate()
        for number in range(24):
            # Two meetings a month: six months back, six months ahead.
            day = today + timedelta(days=-180 + number * 15 + 3)
            if day.weekday() >= 5:
                day += timedelta(days=7 - day.weekday())
            event = _event(
                index, number=number, day=day, rng=rng, organisers=organisers, themes=themes
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
                event.report_summary = (
                    "Deelnemers deelden tien praktijkvoorbeelden; de presentaties en de "
                    "opbrengsten staan hieronder."
                )
                event.report = [
                    {
                        "type": "paragraph",
                        "value": "<p>Belangrijkste opbrengst: betrek ervaringsdeskundigen vanaf "
                        "het begin, en betaal hen voor hun inzet.</p>",
                    }
                ]
                event.save_revision().publish()
                _registrations(event, count=8, rng=rng)
            elif event.capacity:
                _registrations(event, count=min(6, event.capacity - 1), rng=rng)
        # One full event with a waitlist, a month ahead, on a weekday.
        full_day = today + timedelta(days=33)
        full_day += timedelta(days=max(0, 7 - full_day.weekday()) if full_day.weekday() >= 5 else 0)
        full = _event(
            index,
            number=1,
            day=full_day,
            rng=rng,
            organisers=organisers,
            themes=themes,
            title="Werksessie toegankelijke verkiezingen (vol)",
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
    for n in range(start, start + count):
        title, scope, fmt = TOPICS[n % len(TOPICS)]
        day = today + timedelta(days=rng.randint(-200, 200))
        province = PROVINCES[n % len(PROVINCES)][0] if scope == EventScope.REGIONAL else ""
        events.append(
            EventPage(
                title=f"{title} ({n})",
                slug=f"{DEMO_MARK}scale-{n}",
                introduction="Een bijeenkomst van het netwerk.",
                start=_at(day, 10),
                end=_at(day, 12 + n % 5),
                format=fmt,
                venue_name="" if fmt == EventFormat.ONLINE else VENUES[n % len(VENUES)][0],
                online_link="" if fmt == EventFormat.PHYSICAL else "https://meet.example.org/idm",
                scope=scope,
                province=province,
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
