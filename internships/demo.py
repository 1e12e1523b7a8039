"""Demo internships: six offers in several municipalities, applications in every state."""

import datetime

from django.utils import timezone

from municipalities.models import MunicipalityPage
from network.factories import UserFactory

from .models import Accommodation, Application, ApplicationStatus, InternshipOffer, OfferKind

A = Accommodation
OFFERS = [
    (
        "GM0363",
        OfferKind.INTERNSHIP,
        "Meedenken over toegankelijke brieven",
        "Dienstverlening",
        10,
        100,
        16,
        "Stadhuis, Amstel 1",
        "U leest brieven van de gemeente en zegt wat beter kan. "
        "U maakt samen met een collega brieven in eenvoudige taal.",
        [A.STEP_FREE, A.QUIET_ROOM, A.EASY_READ, A.FLEXIBLE_HOURS],
        2,
    ),
    (
        "GM0344",
        OfferKind.SHADOW_DAY,
        "Een dag meelopen met de wethouder",
        "Bestuur",
        20,
        20,
        8,
        "Stadskantoor Utrecht",
        "U loopt een dag mee met de wethouder. U bent bij "
        "overleggen en praat mee over plannen voor de stad.",
        [A.STEP_FREE, A.NGT_INTERPRETER],
        1,
    ),
    (
        "GM0518",
        OfferKind.INTERNSHIP,
        "Stage toegankelijke openbare ruimte",
        "Stadsbeheer",
        30,
        150,
        24,
        "Spui 70, Den Haag",
        "U gaat mee naar straten en pleinen. U kijkt of mensen "
        "met een rolstoel of rollator er goed langs kunnen.",
        [A.JOB_COACH, A.FLEXIBLE_HOURS],
        1,
    ),
    (
        "GM0034",
        OfferKind.INTERNSHIP,
        "Stage bij het Wmo-loket",
        "Zorg en welzijn",
        15,
        120,
        20,
        "Stadhuisplein 1, Almere",
        "U helpt inwoners bij het loket. U leert hoe de "
        "gemeente hulp regelt en u geeft tips om het loket beter te maken.",
        [A.STEP_FREE, A.QUIET_ROOM, A.JOB_COACH],
        1,
    ),
    (
        "GM0014",
        OfferKind.SHADOW_DAY,
        "Meeloopdag communicatie",
        "Communicatie",
        40,
        40,
        6,
        "Kreupelstraat 1, Groningen",
        "U kijkt hoe de gemeente berichten maakt voor de "
        "website en sociale media. U test of de berichten goed te lezen zijn.",
        [A.EASY_READ, A.FLEXIBLE_HOURS],
        1,
    ),
    (
        "GM0363",
        OfferKind.INTERNSHIP,
        "Stage inclusief personeelsbeleid",
        "Personeelszaken",
        -200,
        -30,
        16,
        "Stadhuis, Amstel 1",
        "U hielp bij het schrijven van vacatures die voor iedereen te lezen zijn.",
        [A.STEP_FREE, A.JOB_COACH],
        1,
    ),
]
APPLICANTS = [
    ("stagiair.sam@example.org", "Sam Stagiair"),
    ("stagiair.noor@example.org", "Noor de Vries"),
    ("stagiair.ali@example.org", "Ali Bakker"),
]
APPLICATIONS = [
    (0, 0, ApplicationStatus.RECEIVED, [A.QUIET_ROOM], "Ik heb een rustige plek nodig."),
    (0, 1, ApplicationStatus.IN_CONVERSATION, [A.STEP_FREE], ""),
    (2, 2, ApplicationStatus.RECEIVED, [], ""),
    (3, 0, ApplicationStatus.NOT_PLACED, [A.JOB_COACH], ""),
    (5, 1, ApplicationStatus.PLACED, [A.JOB_COACH], "Een vaste begeleider helpt mij."),
]
MOTIVATION = (
    "Ik wil graag werken bij de gemeente. Ik weet zelf hoe het is om met een beperking mee "
    "te doen, en ik wil helpen om het beter te maken."
)


def load(*, scale: int, stdout) -> None:
    if InternshipOffer.objects.filter(is_demo_data=True).exists():
        stdout.write("  Internships: already loaded")
        return
    today = timezone.localdate()
    by_code = {
        page.cbs_code: page
        for page in MunicipalityPage.objects.filter(cbs_code__in={o[0] for o in OFFERS})
    }
    offers = []
    for code, kind, title, dept, start, end, hours, location, tasks, acc, places in OFFERS:
        if code not in by_code:
            continue
        offers.append(
            InternshipOffer.objects.create(
                municipality=by_code[code],
                kind=kind,
                title=title,
                department=dept,
                start=today + datetime.timedelta(days=start),
                end=today + datetime.timedelta(days=end),
                hours_per_week=hours,
                location=location,
                tasks=tasks,
                accommodations=list(acc),
                places=places,
                is_open=end > 0,
                is_demo_data=True,
            )
        )
    users = [UserFactory(email=email, display_name=name) for email, name in APPLICANTS]
    count = 0
    for offer_index, user_index, status, needs, other in APPLICATIONS:
        if offer_index >= len(offers):
            continue
        Application.objects.create(
            offer=offers[offer_index],
            applicant=users[user_index],
            motivation=MOTIVATION,
            needs=list(needs),
            needs_other=other,
            needs_consent=bool(needs or other),
            status=status,
            status_changed_at=timezone.now(),
        )
        count += 1
    stdout.write(f"  Internships: {len(offers)} offers, {count} applications")
