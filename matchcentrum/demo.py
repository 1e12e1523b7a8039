"""Demo data of the matchcentrum: requests and matches in every state, each with its history.

Runs after the municipalities and knowledge demo data; built directly (no emails are sent).
"""

from datetime import timedelta

from django.utils import timezone

from municipalities.models import MunicipalityMembership, MunicipalityPage
from network.factories import UserFactory
from network.roles import MUNICIPAL_OFFICIAL, PROJECT_TEAM
from taxonomy.models import LifeDomain, Theme

from .factories import MatchEventFactory, MatchFactory, MatchRequestFactory
from .models import Match, MatchEvent, MatchRequest, MatchState

S = MatchState
# (asker, articles, life domains, question, days ago, request status, offering, match path)
# The match path lists (state, days after the proposal, note); an empty path means no match.
SCENARIOS = [
    (
        "GM0363",
        [29],
        ["participatie"],
        "Wij willen dat alle stembureaus in 2027 toegankelijk zijn, ook voor mensen met een "
        "verstandelijke beperking. Welke gemeente heeft hier ervaring mee, bijvoorbeeld met "
        "stemhulp of oefenverkiezingen?",
        21,
        MatchRequest.Status.OPEN,
        None,
        [],
    ),
    (
        "GM0344",
        [9],
        ["openbare-ruimte"],
        "Hoe betrekken wij ervaringsdeskundigen bij de herinrichting van een winkelstraat, zodat "
        "die straks voor iedereen toegankelijk is?",
        6,
        MatchRequest.Status.OPEN,
        None,
        [],
    ),
    (
        "GM0034",
        [27],
        ["werk-en-inkomen"],
        "We zoeken een gemeente die werkgevers helpt om banen passend te maken voor mensen met "
        "een arbeidsbeperking.",
        34,
        MatchRequest.Status.MATCHED,
        "GM0307",
        [(S.PROPOSED, 0, "Amersfoort heeft een werkgeversservicepunt dat hierin uitblinkt.")],
    ),
    (
        "GM0014",
        [19],
        ["wonen"],
        "Hoe organiseren wij inclusief wonen in de wijk, met ondersteuning dichtbij?",
        48,
        MatchRequest.Status.MATCHED,
        "GM0080",
        [
            (S.PROPOSED, 0, "Leeuwarden werkt al jaren met woonvormen midden in de wijk."),
            (S.ACCEPTED, 4, "Beide gemeenten hebben ja gezegd."),
        ],
    ),
    (
        "GM0518",
        [8],
        [],
        "Wij willen een bewustwordingscampagne over het VN-verdrag Handicap. Wie deed dit al, "
        "samen met ervaringsdeskundigen?",
        70,
        MatchRequest.Status.MATCHED,
        "GM0599",
        [
            (S.PROPOSED, 0, "Rotterdam voerde in 2024 een campagne met ervaringsdeskundigen."),
            (S.ACCEPTED, 3, ""),
            (S.IN_CONVERSATION, 9, "Eerste gesprek op het stadhuis van Rotterdam gehouden."),
        ],
    ),
    (
        "GM0363",
        [30],
        ["vrije-tijd"],
        "Hoe maken we sportverenigingen toegankelijk voor kinderen met een beperking?",
        160,
        MatchRequest.Status.MATCHED,
        "GM0193",
        [
            (S.PROPOSED, 0, "Zwolle heeft een aanpak met buurtsportcoaches."),
            (S.ACCEPTED, 2, ""),
            (S.IN_CONVERSATION, 10, "Werkbezoek aan twee verenigingen in Zwolle."),
            (S.COMPLETED, 60, "Afgerond: Amsterdam neemt de aanpak over in drie stadsdelen."),
        ],
    ),
    (
        "GM0855",
        [24],
        ["onderwijs"],
        "Welke gemeente heeft ervaring met passend onderwijs dicht bij huis?",
        40,
        MatchRequest.Status.OPEN,
        "GM0772",
        [
            (S.PROPOSED, 0, "Eindhoven werkt samen met het samenwerkingsverband."),
            (S.DECLINED, 5, "Eindhoven heeft nu geen tijd; het team zoekt verder."),
        ],
    ),
    (
        "GM0392",
        [21],
        [],
        "Wij zoeken voorbeelden van toegankelijke gemeentelijke informatie in eenvoudige taal.",
        90,
        MatchRequest.Status.CLOSED,
        None,
        [],
    ),
]


def load(*, scale: int, stdout) -> None:
    if MatchRequest.objects.filter(is_demo_data=True).exists():
        stdout.write("  matchcentrum: demo data already there")
        return
    pages = {m.cbs_code: m for m in MunicipalityPage.objects.filter(retired_on__isnull=True)}
    if len(pages) < 2:
        stdout.write("  matchcentrum: skipped, load the municipalities demo data first")
        return
    themes = {t.article: t for t in Theme.objects.all()}
    domains = {d.slug: d for d in LifeDomain.objects.all()}
    team = UserFactory(
        email="team@example.org", display_name="Projectteam VNG", roles=[PROJECT_TEAM]
    )
    official = UserFactory(
        email="ambtenaar@example.org", display_name="Anne Ambtenaar", roles=[MUNICIPAL_OFFICIAL]
    )
    if "GM0363" in pages:
        # The municipalities demo links Anne to Amsterdam; kept here so this app stands alone.
        MunicipalityMembership.objects.get_or_create(user=official, municipality=pages["GM0363"])
    officials = {
        m.municipality_id: m.user
        for m in MunicipalityMembership.objects.select_related("user").filter(
            municipality__in=pages.values()
        )
    }
    now = timezone.now()
    requests = matches = 0
    for code, articles, slugs, question, days_ago, status, offering_code, path in SCENARIOS:
        asker = pages.get(code)
        offering = pages.get(offering_code) if offering_code else None
        if asker is None or (offering_code and offering is None):
            continue
        requester = officials.get(asker.pk, team)
        created = now - timedelta(days=days_ago)
        match_request = MatchRequestFactory(
            municipality=asker,
            requested_by=requester,
            question=question,
            contact_name=requester.get_full_name(),
            contact_email=requester.email,
            status=status,
            themes=[themes[a] for a in articles if a in themes],
            life_domains=[domains[s] for s in slugs if s in domains],
            is_demo_data=True,
        )
        MatchRequest.objects.filter(pk=match_request.pk).update(
            created_at=created,
            closed_at=created + timedelta(days=20)
            if status == MatchRequest.Status.CLOSED
            else None,
        )
        requests += 1
        if not path:
            continue
        proposed_at = created + timedelta(days=3)
        final_state = path[-1][0]
        match = MatchFactory(
            request=match_request,
            offering_municipality=offering,
            proposed_by=team,
            notes=path[0][2],
            state=final_state,
            is_demo_data=True,
        )
        accepted = final_state in (S.ACCEPTED, S.IN_CONVERSATION, S.COMPLETED)
        updates = {"created_at": proposed_at}
        if accepted:
            updates["asking_accepted_at"] = updates["offering_accepted_at"] = (
                proposed_at + timedelta(days=path[1][1])
            )
        if final_state == S.COMPLETED:
            updates.update(
                completed_at=proposed_at + timedelta(days=path[-1][1]),
                evaluation_useful=True,
                evaluation_outcome=path[-1][2],
                asking_shows_on_profile=True,
                offering_shows_on_profile=True,
            )
        Match.objects.filter(pk=match.pk).update(**updates)
        previous = ""
        for state, days_after, note in path:
            by_team = state in (S.PROPOSED, S.COMPLETED)
            event = MatchEventFactory(
                match=match,
                actor=team if by_team else officials.get(offering.pk),
                actor_side="" if by_team else "offering",
                from_state=previous,
                to_state=state,
                note=note,
            )
            MatchEvent.objects.filter(pk=event.pk).update(
                created_at=proposed_at + timedelta(days=days_after)
            )
            previous = state
        matches += 1
    stdout.write(f"  matchcentrum: {requests} requests, {matches} matches")
