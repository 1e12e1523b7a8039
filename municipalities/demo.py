"""Demo data: all municipalities from the CBS file, made-up LIA histories, signatories, officials."""

import datetime
import random

from django.utils import timezone

from network.factories import UserFactory
from network.roles import MUNICIPAL_OFFICIAL

from .importer import import_municipalities
from .models import (
    LiaStatus,
    LiaStatusChange,
    MunicipalityPage,
    RouteStatus,
    RouteStep,
    RouteStepLink,
    StakeholderKind,
)
from .services import (
    map_cache_invalidate,
    membership_add,
    route_progress_record,
    stakeholder_save,
)

# How far municipalities have come, roughly as the network sees it (weights per final status).
FINAL_STATUS_WEIGHTS = {
    LiaStatus.NONE: 14,
    LiaStatus.EXPLORING: 20,
    LiaStatus.DRAFTING: 20,
    LiaStatus.ADOPTED: 22,
    LiaStatus.IN_EXECUTION: 17,
    LiaStatus.EVALUATED: 7,
}
PROGRESSION = [
    LiaStatus.EXPLORING,
    LiaStatus.DRAFTING,
    LiaStatus.ADOPTED,
    LiaStatus.IN_EXECUTION,
    LiaStatus.EVALUATED,
]
NOTES = {
    LiaStatus.EXPLORING: "Eerste verkennende gesprekken met ervaringsdeskundigen en maatschappelijke partners.",
    LiaStatus.DRAFTING: "Werkgroep met ervaringsdeskundigen schrijft aan de agenda.",
    LiaStatus.ADOPTED: "De gemeenteraad heeft de Lokale Inclusie Agenda vastgesteld.",
    LiaStatus.IN_EXECUTION: "Het uitvoeringsprogramma is gestart.",
    LiaStatus.EVALUATED: "Evaluatie met het ervaringsdeskundigenpanel afgerond; agenda vernieuwd.",
}
AMSTERDAM_HISTORY = [
    (LiaStatus.EXPLORING, datetime.date(2017, 5, 10), "survey", NOTES[LiaStatus.EXPLORING]),
    (LiaStatus.DRAFTING, datetime.date(2018, 9, 3), "self_report", NOTES[LiaStatus.DRAFTING]),
    (LiaStatus.ADOPTED, datetime.date(2019, 12, 12), "project_team", NOTES[LiaStatus.ADOPTED]),
    (
        LiaStatus.IN_EXECUTION,
        datetime.date(2020, 3, 2),
        "self_report",
        NOTES[LiaStatus.IN_EXECUTION],
    ),
]
# The manifest 'Iedereen doet mee!': drawn up by 25 front-runners, signed by 58 in all, lapsed
# when the VNG network began in September 2020 (see MANIFEST_LAPSED_ON).
MANIFEST_INITIATORS = 25
MANIFEST_SIGNATORIES = 58
MANIFEST_DRAWN_UP_ON = datetime.date(2017, 6, 29)
MANIFEST_LAST_SIGNED_ON = datetime.date(2020, 6, 30)
OFFICIALS = [
    ("ambtenaar@example.org", "Anne Ambtenaar", "GM0363", "Beleidsadviseur inclusie"),
    ("ambtenaar.utrecht@example.org", "Umar Utrecht", "GM0344", "Programmamanager VN-verdrag"),
    ("ambtenaar.denhaag@example.org", "Daan de Haag", "GM0518", "Beleidsmedewerker sociaal domein"),
    ("ambtenaar.almere@example.org", "Alma Almere", "GM0034", "Adviseur toegankelijkheid"),
    ("ambtenaar.groningen@example.org", "Gea Groningen", "GM0014", "Beleidsadviseur Wmo"),
]


def _random_date(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _history(rng: random.Random, final: str) -> list[tuple[str, datetime.date, str, str]]:
    """A believable path from exploring to the final status, with dates moving forward."""
    if final == LiaStatus.NONE:
        return []
    steps = PROGRESSION[: PROGRESSION.index(final) + 1]
    date = _random_date(rng, datetime.date(2017, 1, 1), datetime.date(2022, 6, 30))
    history = []
    for status in steps:
        source = rng.choice(["self_report", "survey", "project_team"])
        history.append((status, date, source, NOTES[status]))
        date = _random_date(
            rng, date + datetime.timedelta(days=120), date + datetime.timedelta(days=700)
        )
        date = min(date, datetime.date(2026, 6, 30))
    return history


def _load_manifest(pages: list[MunicipalityPage]) -> int:
    """The manifest's 58 signatories, 25 of them initiators, all signed before it lapsed.

    Illustrative: the names are drawn from the real list of municipalities, the dates are made
    up. Re-running sets the same picture again, also over older demo data that had more.
    """
    rng = random.Random("manifest")
    demo_pages = [page for page in pages if page.is_demo_data]
    # Front-runners: Amsterdam and the further-along municipalities first, like the real ones.
    ranked = sorted(
        demo_pages,
        key=lambda page: (
            page.cbs_code != "GM0363",
            -LiaStatus.rank(page.current_lia_status),
            rng.random(),
        ),
    )
    signers = ranked[:MANIFEST_SIGNATORIES]
    initiators = {page.pk for page in signers[:MANIFEST_INITIATORS]}
    signed_on: dict[int, datetime.date] = {}
    for page in signers:
        if page.pk in initiators:
            signed_on[page.pk] = MANIFEST_DRAWN_UP_ON
        else:
            signed_on[page.pk] = _random_date(
                rng, MANIFEST_DRAWN_UP_ON + datetime.timedelta(days=30), MANIFEST_LAST_SIGNED_ON
            )
    for page in demo_pages:
        page.manifest_signed_on = signed_on.get(page.pk)
        page.manifest_initiator = page.pk in initiators
    MunicipalityPage.objects.bulk_update(
        demo_pages, ["manifest_signed_on", "manifest_initiator"], batch_size=200
    )
    return len(signers)


# What the LIA of some demo municipalities is about, plainly and in easy language (made up).
LIA_SUMMARIES = {
    "GM0363": (
        "De agenda heeft vier doelen: toegankelijke gebouwen en straten, werk voor mensen met een "
        "beperking, informatie die iedereen begrijpt en een stadspanel van ervaringsdeskundigen "
        "dat elk jaar meekijkt.",
        "De gemeente wil dat iedereen mee kan doen.\n"
        "Gebouwen en straten worden beter te gebruiken.\n"
        "Meer mensen met een beperking krijgen werk.\n"
        "Brieven en de website worden makkelijker.\n"
        "Een groep inwoners met een beperking kijkt elk jaar mee.",
    ),
    "GM0518": (
        "De Haagse agenda richt zich op wonen, vervoer en meedoen in de wijk. De gemeente bouwt "
        "meer levensloopbestendige woningen, laat haltes toegankelijk maken en geeft buurthuizen "
        "een budget voor aanpassingen.",
        "De gemeente bouwt huizen waar u kunt blijven wonen, ook als u ouder wordt.\n"
        "Bushaltes en tramhaltes worden beter te gebruiken.\n"
        "Buurthuizen krijgen geld om drempels weg te halen.",
    ),
    "GM0034": (
        "Almere werkt aan een stad zonder drempels: bij elk nieuw plan toetst een panel van "
        "ervaringsdeskundigen de toegankelijkheid, en de gemeente meldt elk jaar aan de raad wat "
        "er is bereikt.",
        "Bij elk nieuw plan kijken inwoners met een beperking mee.\n"
        "Zij zeggen wat beter moet.\n"
        "Elk jaar vertelt de gemeente aan de raad wat er beter is geworden.",
    ),
    "GM0014": (
        "De Groningse agenda begint bij werk en inkomen: meer banen bij de gemeente zelf, hulp "
        "bij solliciteren en een loket waar inwoners met één vraag terechtkunnen.",
        "De gemeente wil dat meer mensen met een beperking werk hebben.\n"
        "De gemeente geeft zelf ook banen.\n"
        "U kunt met al uw vragen naar één loket.",
    ),
    "GM0193": (
        "Zwolle heeft de eerste agenda geëvalueerd met inwoners. Wat goed werkte, gaat door: "
        "toegankelijke evenementen en begrijpelijke brieven. Nieuw is aandacht voor mensen met "
        "een psychische kwetsbaarheid.",
        "De gemeente heeft met inwoners gekeken: wat ging goed?\n"
        "Evenementen en brieven zijn beter geworden. Daar gaat de gemeente mee door.\n"
        "Nu komt er ook aandacht voor mensen met psychische problemen.",
    ),
}


def _lia_summaries(pages: list[MunicipalityPage]) -> None:
    """Summaries only where a municipality has an agenda (adopted or later)."""
    adopted = LiaStatus.rank(LiaStatus.ADOPTED)
    for page in pages:
        summary = LIA_SUMMARIES.get(page.cbs_code)
        if summary and not page.lia_summary and LiaStatus.rank(page.current_lia_status) >= adopted:
            # Published as a revision, so a later edit in the admin keeps the summaries.
            latest = MunicipalityPage.objects.get(pk=page.pk)
            latest.lia_summary, latest.lia_summary_easy_read = summary
            latest.save_revision().publish()


def load(*, scale: int, stdout) -> None:
    result = import_municipalities()
    stdout.write(f"  municipalities: {len(result.created)} created, {result.unchanged} unchanged")

    pages = list(MunicipalityPage.objects.filter(retired_on__isnull=True).order_by("cbs_code"))
    with_history = set(LiaStatusChange.objects.values_list("municipality_id", flat=True).distinct())
    statuses, weights = zip(*FINAL_STATUS_WEIGHTS.items(), strict=True)
    changes: list[LiaStatusChange] = []
    touched: list[MunicipalityPage] = []
    for page in pages:
        if page.pk in with_history:
            continue
        # Seeded per municipality, so a re-run on a fresh database gives the same picture.
        rng = random.Random(page.cbs_code)
        if page.cbs_code == "GM0363":
            history = AMSTERDAM_HISTORY
        else:
            history = _history(rng, rng.choices(statuses, weights)[0])
        for status, date, source, note in history:
            changes.append(
                LiaStatusChange(
                    municipality=page,
                    status=status,
                    date=date,
                    source=source,
                    note=note,
                    is_demo_data=True,
                )
            )
        final = history[-1] if history else None
        page.current_lia_status = final[0] if final else LiaStatus.NONE
        page.current_lia_status_date = final[1] if final else None
        rank = LiaStatus.rank(page.current_lia_status)
        page.expert_panel = rank >= LiaStatus.rank(LiaStatus.DRAFTING) and rng.random() < 0.7
        page.is_demo_data = True
        touched.append(page)
    # Bulk writes: 342 histories through the service one by one would take a minute.
    LiaStatusChange.objects.bulk_create(changes, batch_size=500)
    MunicipalityPage.objects.bulk_update(
        touched,
        [
            "current_lia_status",
            "current_lia_status_date",
            "expert_panel",
            "is_demo_data",
        ],
        batch_size=200,
    )
    _lia_summaries(pages)
    signatories = _load_manifest(pages)
    map_cache_invalidate()

    by_code = {page.cbs_code: page for page in pages}
    for email, name, code, job_title in OFFICIALS:
        if code not in by_code:
            continue
        user = UserFactory(email=email, display_name=name, roles=[MUNICIPAL_OFFICIAL])
        membership_add(user=user, municipality=by_code[code], job_title=job_title)
    stdout.write(
        f"  LIA history: {len(changes)} new entries for {len(touched)} municipalities; "
        f"{len(OFFICIALS)} officials linked; manifest: {signatories} signatories, "
        f"{MANIFEST_INITIATORS} initiators"
    )
    _load_route(pages=pages, stdout=stdout)


# The route and the stakeholder maps ---------------------------------------------------------

VNG = "https://vng.nl/projecten/iedereen-doet-mee"
RIJK = "https://www.rijksoverheid.nl/onderwerpen/rechten-van-mensen-met-een-handicap"
ROUTE_STEPS = [
    (
        "bestuurlijk-draagvlak",
        "Bestuurlijk draagvlak",
        "De wethouder en het college willen werken aan het VN-verdrag Handicap. Zij maken hier tijd en geld voor vrij.",
        "Het college heeft besloten om een Lokale Inclusie Agenda te maken.",
        [("Hoe krijgt u het college mee?", VNG)],
    ),
    (
        "ervaringsdeskundigen-betrekken",
        "Ervaringsdeskundigen betrekken",
        "Mensen met een beperking denken vanaf het begin mee. Zij weten het beste wat er beter moet.",
        "Er is een groep of panel van ervaringsdeskundigen die vaker meedenkt en een vergoeding krijgt.",
        [("Handreiking: ervaringsdeskundigen betrekken", VNG)],
    ),
    (
        "betrokkenen-in-kaart",
        "Betrokkenen in kaart brengen",
        "Wie heeft u allemaal nodig? Denk aan de raad, de adviesraad, organisaties, werkgevers en scholen.",
        "De betrokkenenkaart van de gemeente is ingevuld.",
        [],
    ),
    (
        "inventarisatie",
        "Inventarisatie: waar staan we?",
        "U zoekt uit wat al goed gaat en wat niet. Bijvoorbeeld met gesprekken, een enquête of een schouw.",
        "Er is een kort verslag van wat goed gaat en wat beter moet.",
        [("Het VN-verdrag Handicap uitgelegd", RIJK)],
    ),
    (
        "lia-opstellen",
        "LIA opstellen",
        "Samen met ervaringsdeskundigen schrijft u de Lokale Inclusie Agenda: wat gaat de gemeente doen?",
        "Er ligt een concept-agenda die de ervaringsdeskundigen hebben gelezen.",
        [("Voorbeelden van Lokale Inclusie Agenda's", VNG)],
    ),
    (
        "lia-vastgesteld",
        "LIA vastgesteld",
        "De gemeenteraad bespreekt de agenda en stelt hem vast.",
        "De gemeenteraad heeft de Lokale Inclusie Agenda vastgesteld.",
        [],
    ),
    (
        "uitvoering",
        "Uitvoering",
        "De gemeente doet wat in de agenda staat. Ervaringsdeskundigen kijken mee.",
        "Er is een uitvoeringsplan en de eerste acties zijn klaar.",
        [],
    ),
    (
        "evaluatie",
        "Evaluatie",
        "U kijkt samen terug: wat is er bereikt en wat merken inwoners ervan?",
        "Er is een evaluatie, gemaakt samen met ervaringsdeskundigen.",
        [],
    ),
    (
        "agenda-vernieuwen",
        "Agenda vernieuwen",
        "Met wat u geleerd hebt, maakt u een nieuwe agenda voor de komende jaren.",
        "De gemeenteraad heeft een vernieuwde agenda vastgesteld.",
        [],
    ),
]
# How many steps are done, by LIA status: the route follows the agenda.
DONE_BY_STATUS = {
    LiaStatus.NONE: (0, 1),
    LiaStatus.EXPLORING: (1, 2),
    LiaStatus.DRAFTING: (3, 4),
    LiaStatus.ADOPTED: (5, 6),
    LiaStatus.IN_EXECUTION: (6, 7),
    LiaStatus.EVALUATED: (7, 9),
}
ROUTE_NOTES = {
    RouteStatus.BUSY: "We zijn hiermee bezig.",
    RouteStatus.DONE: "Afgerond en besproken met het panel.",
}
ROUTE_MUNICIPALITIES = 45
# The officials' municipalities have a route and a stakeholder map, so their accounts show both.
FEATURED = ["GM0363", "GM0344", "GM0518", "GM0034", "GM0014"]
STAKEHOLDER_MAP_COUNT = 8
PEOPLE = {
    StakeholderKind.COUNCIL: [
        ("Fractie-overleg sociaal domein", "Raadsleden die de agenda volgen", ""),
    ],
    StakeholderKind.ALDERMAN: [
        ("Wethouder Zorg en Inclusie", "Bestuurlijk trekker van de agenda", "")
    ],
    StakeholderKind.OFFICIALS: [
        ("Programmateam inclusie", "Schrijft en bewaakt de agenda", "inclusie@example.org"),
    ],
    StakeholderKind.ADVISORY_COUNCIL: [
        (
            "Adviesraad Sociaal Domein",
            "Geeft gevraagd en ongevraagd advies",
            "adviesraad@example.org",
        ),
    ],
    StakeholderKind.EXPERT_PANEL: [
        ("Panel Iedereen doet mee", "Twaalf ervaringsdeskundigen denken mee", ""),
    ],
    StakeholderKind.ORGANISATIONS: [
        ("Stichting Samen Toegankelijk", "Schouwt gebouwen en websites", "https://example.org"),
        ("Cliëntenraad Wmo", "Spreekt voor mensen die zorg krijgen", ""),
    ],
    StakeholderKind.EMPLOYERS: [
        ("Werkgeversservicepunt", "Zoekt werk voor mensen met een beperking", "")
    ],
    StakeholderKind.SCHOOLS: [
        ("Regionaal samenwerkingsverband passend onderwijs", "Onderwijs voor ieder kind", "")
    ],
}


def _steps() -> list[RouteStep]:
    steps = []
    for order, (slug, title, explanation, done_when, links) in enumerate(ROUTE_STEPS, start=1):
        step, created = RouteStep.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "explanation": explanation,
                "done_when": done_when,
                "sort_order": order * 10,
            },
        )
        if created:
            for link_order, (link_title, url) in enumerate(links):
                RouteStepLink.objects.create(
                    step=step, title=link_title, url=url, sort_order=link_order
                )
        steps.append(step)
    return steps


def _progress(page: MunicipalityPage, steps: list[RouteStep], rng: random.Random) -> int:
    low, high = DONE_BY_STATUS.get(page.current_lia_status, (0, 1))
    done = min(rng.randint(low, high), len(steps))
    if page.cbs_code == "GM0363":
        # Amsterdam: four steps done and busy with the fifth, for the demo account to finish.
        done = 4
    today = timezone.localdate()
    date = datetime.date(2018, 1, 15) + datetime.timedelta(days=rng.randint(0, 500))
    entries = 0
    for index, step in enumerate(steps[: done + 1]):
        is_done = index < done
        busy_on = min(date, today)
        route_progress_record(
            municipality=page,
            step=step,
            status=RouteStatus.BUSY,
            date=busy_on,
            note=ROUTE_NOTES[RouteStatus.BUSY],
            user=None,
            is_demo_data=True,
        )
        entries += 1
        date += datetime.timedelta(days=rng.randint(60, 300))
        if is_done and date <= today:
            route_progress_record(
                municipality=page,
                step=step,
                status=RouteStatus.DONE,
                date=date,
                note=ROUTE_NOTES[RouteStatus.DONE],
                evidence_url=f"{VNG}#{step.slug}" if rng.random() < 0.3 else "",
                user=None,
                is_demo_data=True,
            )
            entries += 1
        elif is_done:
            break
    return entries


def _stakeholders(page: MunicipalityPage, rng: random.Random) -> int:
    count = 0
    for kind, people in PEOPLE.items():
        for name, role, contact in people:
            if kind == StakeholderKind.EMPLOYERS and rng.random() < 0.4:
                continue
            stakeholder_save(
                municipality=page,
                kind=kind,
                name=name,
                role=role,
                contact=contact,
                contact_consent=bool(contact),
                user=None,
                is_demo_data=True,
            )
            count += 1
    return count


def _load_route(*, pages: list[MunicipalityPage], stdout) -> None:
    """Route steps, progress for 45 municipalities and eight stakeholder maps (idempotent)."""
    steps = _steps()
    rng = random.Random("route")
    with_route = set(
        MunicipalityPage.objects.filter(route_entries__isnull=False).values_list("pk", flat=True)
    )
    by_code = {page.cbs_code: page for page in pages}
    chosen = [by_code[code] for code in FEATURED if code in by_code]
    others = [page for page in pages if page.cbs_code not in FEATURED]
    chosen += rng.sample(others, min(len(others), ROUTE_MUNICIPALITIES - len(chosen)))
    entries = sum(
        _progress(page, steps, random.Random(page.cbs_code))
        for page in chosen
        if page.pk not in with_route
    )

    with_map = set(
        MunicipalityPage.objects.filter(stakeholders__isnull=False).values_list("pk", flat=True)
    )
    people = sum(
        _stakeholders(page, random.Random(page.cbs_code))
        for page in chosen[:STAKEHOLDER_MAP_COUNT]
        if page.pk not in with_map
    )
    stdout.write(
        f"  route: {len(steps)} steps, {entries} new entries; stakeholder maps: {people} new people"
    )
