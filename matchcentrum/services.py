"""What the matchcentrum does: take requests, rank candidates, propose and follow matches."""

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from knowledge.models import PracticePage
from municipalities.models import LiaStatus, MunicipalityPage
from network.models import User
from network.notifications import notify, users_with_roles
from network.roles import PROJECT_TEAM
from taxonomy.models import LifeDomain, Theme

from .models import Match, MatchEvent, MatchRequest, MatchState, Side

# The only moves a match can make; everything else is refused with a message.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    MatchState.PROPOSED: frozenset({MatchState.ACCEPTED, MatchState.DECLINED}),
    MatchState.ACCEPTED: frozenset({MatchState.IN_CONVERSATION, MatchState.DECLINED}),
    MatchState.IN_CONVERSATION: frozenset({MatchState.COMPLETED, MatchState.DECLINED}),
    MatchState.COMPLETED: frozenset(),
    MatchState.DECLINED: frozenset(),
}
LIVE_STATES = (MatchState.PROPOSED, MatchState.ACCEPTED, MatchState.IN_CONVERSATION)

DEFAULT_WEIGHTS: dict[str, float] = {
    # Practices on the very themes asked about weigh most: that is "has done it before".
    "practice": 6.0,  # per published practice on a requested theme or life domain ...
    "practice_cap": 5,  # ... counted up to this many per theme or life domain
    "lia_step": 2.5,  # per LIA step the candidate is further along than the asker
    "same_size_class": 5.0,
    "same_province": 3.0,
    "same_region": 4.0,
    "nearby": 6.0,  # at 0 km, falling linearly to nothing at nearby_km
    "nearby_km": 75.0,
    "willing": 5.0,
    "asked_for": 10.0,  # the municipality the asker named from a practice page
}
NEW_REQUEST_NOTIFICATION = "matchcentrum.new_request"
RESPONSE_SALT = "matchcentrum.respond"
RESPONSE_MAX_AGE = 60 * 60 * 24 * 60  # a proposal can be answered for 60 days


class TransitionError(ValidationError):
    """A match cannot make the requested move; the message says why, in the user's language."""


def weights() -> dict[str, float]:
    """The scoring weights: the defaults, overridden by settings.MATCHCENTRUM_WEIGHTS."""
    return {**DEFAULT_WEIGHTS, **getattr(settings, "MATCHCENTRUM_WEIGHTS", {})}


# Requests ---------------------------------------------------------------------------------


@transaction.atomic
def match_request_create(
    *,
    municipality: MunicipalityPage,
    requested_by: User | None,
    question: str,
    contact_name: str,
    contact_email: str,
    preferred_contact: str = MatchRequest.Contact.EMAIL,
    contact_phone: str = "",
    themes: Iterable[Theme] = (),
    life_domains: Iterable[LifeDomain] = (),
    practice: PracticePage | None = None,
    target_municipality: MunicipalityPage | None = None,
) -> MatchRequest:
    """Record a municipality's request for help; it waits, open, for the project team."""
    match_request = MatchRequest(
        municipality=municipality,
        requested_by=requested_by,
        question=question,
        contact_name=contact_name,
        contact_email=contact_email,
        preferred_contact=preferred_contact,
        contact_phone=contact_phone,
        practice=practice,
        target_municipality=target_municipality,
    )
    match_request.full_clean()
    match_request.save()
    match_request.themes.set(list(themes))
    match_request.life_domains.set(list(life_domains))
    notify(
        kind=NEW_REQUEST_NOTIFICATION,
        recipients=users_with_roles(PROJECT_TEAM),
        template="matchcentrum/email/new_request.txt",
        context={"municipality": municipality.title, "question": question},
        url_name="matchcentrum:request_detail",
        url_args=[match_request.pk],
    )
    return match_request


@transaction.atomic
def match_request_close(*, match_request: MatchRequest, user: User) -> MatchRequest:
    """The team closes a request that needs no (further) match."""
    match_request.status = MatchRequest.Status.CLOSED
    match_request.closed_at = timezone.now()
    match_request.full_clean()
    match_request.save(update_fields=["status", "closed_at"])
    return match_request


# Suggestions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScorePart:
    """One reason a candidate fits, and the points it adds."""

    key: str
    points: float
    reason: str


@dataclass
class Suggestion:
    """A candidate municipality for a request, with its score broken down into reasons."""

    municipality_id: int
    title: str
    willing: bool
    distance_km: float | None
    parts: list[ScorePart] = field(default_factory=list)
    municipality: MunicipalityPage | None = None  # fetched for the suggestions returned

    @property
    def score(self) -> float:
        return round(sum(part.points for part in self.parts), 1)

    @property
    def reasons(self) -> list[str]:
        return [part.reason for part in self.parts]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def _practice_counts(through, term_field: str, term_ids: list[int]) -> dict[int, dict[int, int]]:
    """{municipality id: {term id: published practices}} in one grouped query."""
    if not term_ids:
        return {}
    rows = (
        through.objects.filter(
            practicepage__live=True, **{f"practicepage__{term_field}__in": term_ids}
        )
        .values_list("municipalitypage_id", f"practicepage__{term_field}")
        .annotate(n=Count("practicepage_id"))
        .order_by()
    )
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    for municipality_id, term_id, n in rows:
        counts[municipality_id][term_id] = n
    return counts


def match_suggestions(match_request: MatchRequest, *, limit: int | None = 10) -> list[Suggestion]:
    """Rank the other municipalities for a request, best first, each with its reasons.

    Eight queries at most, however many municipalities or practices: counts are grouped in SQL.
    """
    w = weights()
    asker = MunicipalityPage.objects.only(
        "id",
        "current_lia_status",
        "size_class",
        "province_code",
        "region_code",
        "centroid_lat",
        "centroid_lon",
    ).get(pk=match_request.municipality_id)
    themes = list(match_request.themes.values_list("id", "article"))
    domains = list(match_request.life_domains.all())
    already = set(match_request.matches.values_list("offering_municipality_id", flat=True))
    theme_counts = _practice_counts(
        PracticePage.municipalities.through, "themes", [pk for pk, _a in themes]
    )
    domain_counts = _practice_counts(
        PracticePage.municipalities.through, "life_domains", [d.pk for d in domains]
    )
    candidates = (
        MunicipalityPage.objects.live()
        .filter(retired_on__isnull=True)
        .exclude(pk__in=[asker.pk, *already])
        .values_list(
            "id",
            "title",
            "current_lia_status",
            "size_class",
            "province_code",
            "region_code",
            "centroid_lat",
            "centroid_lon",
            "willing_to_be_asked",
        )
    )
    asker_rank = LiaStatus.rank(asker.current_lia_status)
    cap = int(w["practice_cap"])
    suggestions = []
    for pk, title, lia, size, province, region, lat, lon, willing in candidates:
        parts: list[ScorePart] = []
        if pk == match_request.target_municipality_id:
            parts.append(ScorePart("asked_for", w["asked_for"], _("asked for by name")))
        for theme_id, article in themes:
            n = theme_counts.get(pk, {}).get(theme_id, 0)
            if n:
                reason = ngettext(
                    "%(count)s practice on art. %(article)s",
                    "%(count)s practices on art. %(article)s",
                    n,
                ) % {"count": n, "article": article}
                parts.append(ScorePart(f"theme:{theme_id}", w["practice"] * min(n, cap), reason))
        for domain in domains:
            n = domain_counts.get(pk, {}).get(domain.pk, 0)
            if n:
                reason = ngettext(
                    "%(count)s practice on %(domain)s", "%(count)s practices on %(domain)s", n
                ) % {"count": n, "domain": domain.label.lower()}
                parts.append(ScorePart(f"domain:{domain.pk}", w["practice"] * min(n, cap), reason))
        steps = LiaStatus.rank(lia) - asker_rank
        if steps > 0:
            reason = _("LIA %(status)s") % {"status": LiaStatus(lia).label}
            parts.append(ScorePart("lia", w["lia_step"] * steps, reason))
        if size == asker.size_class:
            parts.append(ScorePart("size_class", w["same_size_class"], _("same size class")))
        if region and region == asker.region_code:
            parts.append(ScorePart("region", w["same_region"], _("same labour-market region")))
        if province and province == asker.province_code:
            parts.append(ScorePart("province", w["same_province"], _("same province")))
        distance = None
        if None not in (lat, lon, asker.centroid_lat, asker.centroid_lon):
            distance = haversine_km(asker.centroid_lat, asker.centroid_lon, lat, lon)
            nearness = max(0.0, 1 - distance / w["nearby_km"])
            if nearness > 0:
                reason = _("%(km)s km") % {"km": round(distance)}
                parts.append(ScorePart("distance", round(w["nearby"] * nearness, 1), reason))
        if willing:
            parts.append(ScorePart("willing", w["willing"], _("open to questions")))
        suggestions.append(Suggestion(pk, title, willing, distance, parts))

    suggestions.sort(
        key=lambda s: (-s.score, s.distance_km if s.distance_km is not None else 1e9, s.title)
    )
    if limit is not None:
        suggestions = suggestions[:limit]
    pages = MunicipalityPage.objects.only("id", "title", "url_path", "slug", "depth", "path")
    pages = pages.in_bulk([s.municipality_id for s in suggestions])
    for suggestion in suggestions:
        suggestion.municipality = pages.get(suggestion.municipality_id)
    return suggestions


# Matches ----------------------------------------------------------------------------------


def _log(
    *,
    match: Match,
    user: User | AnonymousUser | None,
    from_state: str,
    to_state: str,
    note: str = "",
    side: str = "",
) -> None:
    event = MatchEvent(
        match=match,
        actor=user if getattr(user, "is_authenticated", False) else None,
        actor_side=side,
        from_state=from_state,
        to_state=to_state,
        note=note,
    )
    event.full_clean()
    event.save()


def response_token(match: Match, side: str, action: str) -> str:
    """A signed, expiring token for one side to accept or decline a match with one link."""
    payload = {"m": match.pk, "s": side, "a": action, "t": match.token_of(side)}
    return signing.dumps(payload, salt=RESPONSE_SALT, compress=True)


def response_token_read(token: str) -> tuple[Match, str, str] | None:
    """The match, side and action of a one-link token; None when forged, expired or revoked."""
    try:
        payload = signing.loads(token, salt=RESPONSE_SALT, max_age=RESPONSE_MAX_AGE)
    except signing.BadSignature:
        return None
    if payload.get("s") not in Side.values or payload.get("a") not in ("accept", "decline"):
        return None
    match = (
        Match.objects.select_related("request", "asking_municipality", "offering_municipality")
        .filter(pk=payload.get("m"))
        .first()
    )
    if match is None or not signing.constant_time_compare(
        match.token_of(payload["s"]), str(payload.get("t", ""))
    ):
        return None
    return match, payload["s"], payload["a"]


def offering_contacts(match: Match) -> list[str]:
    """Who hears about a proposal on the offering side: the chosen contact or its officials."""
    if match.offering_contact_email:
        return [match.offering_contact_email]
    if match.offering_municipality.inclusion_contact_email:
        return [match.offering_municipality.inclusion_contact_email]
    memberships = match.offering_municipality.memberships.filter(is_contact=True)
    return sorted({m.user.email for m in memberships.select_related("user")})


@transaction.atomic
def match_propose(
    *,
    match_request: MatchRequest,
    offering_municipality: MunicipalityPage,
    proposed_by: User,
    notes: str = "",
    offering_contact_email: str = "",
) -> Match:
    """The team proposes a match; both sides get an email with one-link accept and decline."""
    if match_request.status == MatchRequest.Status.CLOSED:
        raise ValidationError(_("This request is closed; no match can be proposed for it."))
    if offering_municipality.pk == match_request.municipality_id:
        raise ValidationError(_("A municipality cannot be matched with itself."))
    if match_request.matches.filter(offering_municipality=offering_municipality).exists():
        raise ValidationError(
            _("%(municipality)s has already been proposed for this request.")
            % {"municipality": offering_municipality.title}
        )
    match = Match(
        request=match_request,
        asking_municipality_id=match_request.municipality_id,
        offering_municipality=offering_municipality,
        proposed_by=proposed_by,
        notes=notes,
        offering_contact_email=offering_contact_email,
    )
    match.full_clean()
    if not offering_contacts(match):
        # Nobody would get the proposal; say so instead of promising an email.
        raise ValidationError(
            _(
                "%(municipality)s has no contact for inclusion questions and no official who is "
                "shown as contact, so nobody would receive the proposal. Fill in a contact email "
                "address, or ask the municipality to add its contact details first."
            )
            % {"municipality": offering_municipality.title}
        )
    match.save()
    _log(match=match, user=proposed_by, from_state="", to_state=MatchState.PROPOSED, note=notes)
    if match_request.status != MatchRequest.Status.MATCHED:
        match_request.status = MatchRequest.Status.MATCHED
        match_request.save(update_fields=["status"])
    from .tasks import send_match_proposal

    transaction.on_commit(lambda: send_match_proposal.enqueue(match_id=match.pk))
    return match


def transition_refusal(match: Match, to_state: str) -> str:
    """The message for a move the table does not allow, naming what is possible instead."""
    allowed = ALLOWED_TRANSITIONS.get(match.state, frozenset())
    message = _("A %(current)s match cannot become %(target)s.") % {
        "current": match.get_state_display(),
        "target": MatchState(to_state).label if to_state in MatchState.values else to_state,
    }
    if allowed:
        names = ", ".join(str(MatchState(s).label) for s in MatchState.values if s in allowed)
        message += " " + _("From here it can become: %(states)s.") % {"states": names}
    else:
        message += " " + _("It is closed: nothing more can change.")
    return message


@transaction.atomic
def match_transition(
    *,
    match: Match,
    to_state: str,
    user: User | AnonymousUser | None,
    note: str = "",
    side: str = "",
    evaluation_useful: bool | None = None,
    evaluation_outcome: str = "",
) -> Match:
    """Move a match to another state, if the table allows it, and record who did it and why."""
    match = Match.objects.select_for_update().get(pk=match.pk)
    if to_state not in ALLOWED_TRANSITIONS.get(match.state, frozenset()):
        raise TransitionError(transition_refusal(match, to_state), code="invalid_transition")
    from_state = match.state
    now = timezone.now()
    update = ["state", "updated_at"]
    if to_state == MatchState.COMPLETED:
        if evaluation_useful is None:
            raise TransitionError(
                _("Say whether the match was useful before completing it."),
                code="evaluation_missing",
            )
        match.evaluation_useful = evaluation_useful
        match.evaluation_outcome = evaluation_outcome
        match.completed_at = now
        update += ["evaluation_useful", "evaluation_outcome", "completed_at"]
    if to_state == MatchState.ACCEPTED:
        # The team can record an agreement made outside the platform, for both sides at once.
        match.asking_accepted_at = match.asking_accepted_at or now
        match.offering_accepted_at = match.offering_accepted_at or now
        update += ["asking_accepted_at", "offering_accepted_at"]
    match.state = to_state
    match.full_clean()
    match.save(update_fields=update)
    _log(match=match, user=user, from_state=from_state, to_state=to_state, note=note, side=side)
    if to_state == MatchState.DECLINED:
        _reopen_request_if_unmatched(match.request_id)
    return match


def _reopen_request_if_unmatched(request_id: int) -> None:
    # A declined match sends the request back to the team's open list unless another is alive.
    live = Match.objects.filter(request_id=request_id, state__in=LIVE_STATES).exists()
    if not live:
        MatchRequest.objects.filter(pk=request_id, status=MatchRequest.Status.MATCHED).update(
            status=MatchRequest.Status.OPEN
        )


@transaction.atomic
def match_respond(
    *,
    match: Match,
    side: str,
    accept: bool,
    user: User | AnonymousUser | None = None,
    note: str = "",
) -> Match:
    """One side answers a proposal: a decline ends it, two acceptances make it accepted."""
    match = Match.objects.select_for_update().get(pk=match.pk)
    if match.state != MatchState.PROPOSED:
        raise TransitionError(
            _("This proposal has already been answered: the match is %(state)s.")
            % {"state": match.get_state_display()},
            code="already_answered",
        )
    if not accept:
        return match_transition(
            match=match, to_state=MatchState.DECLINED, user=user, note=note, side=side
        )
    field_name = f"{side}_accepted_at"
    if getattr(match, field_name) is not None:
        raise TransitionError(
            _("The %(side)s has already accepted; waiting for the other side.")
            % {"side": Side(side).label},
            code="already_accepted",
        )
    setattr(match, field_name, timezone.now())
    match.save(update_fields=[field_name, "updated_at"])
    other = Side.OFFERING if side == Side.ASKING else Side.ASKING
    if match.accepted_at(other) is not None:
        return match_transition(
            match=match, to_state=MatchState.ACCEPTED, user=user, note=note, side=side
        )
    label = Side(side).label
    _log(
        match=match,
        user=user,
        from_state=match.state,
        to_state=match.state,
        note=note or _("Accepted by the %(side)s; waiting for the other side.") % {"side": label},
        side=side,
    )
    return match


@transaction.atomic
def match_note_add(*, match: Match, user: User, note: str) -> MatchEvent:
    """Add a note to a match's history without changing its state."""
    event = MatchEvent(
        match=match, actor=user, from_state=match.state, to_state=match.state, note=note
    )
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def match_profile_consent(*, match: Match, side: str, show: bool, user: User) -> Match:
    """One side agrees (or no longer agrees) to show the completed match on the profiles."""
    field_name = f"{side}_shows_on_profile"
    setattr(match, field_name, show)
    match.full_clean()
    match.save(update_fields=[field_name, "updated_at"])
    note = (
        _("The %(side)s agrees to show this match on the profiles.")
        if show
        else _("The %(side)s does not want this match on the profiles.")
    ) % {"side": Side(side).label}
    _log(match=match, user=user, from_state=match.state, to_state=match.state, note=note, side=side)
    return match


def completed_matches_for(municipality_id: int) -> list[Match]:
    """Completed matches of a municipality that both sides agreed to show (two queries)."""
    return list(
        Match.objects.filter(
            Q(asking_municipality_id=municipality_id) | Q(offering_municipality_id=municipality_id),
            state=MatchState.COMPLETED,
            asking_shows_on_profile=True,
            offering_shows_on_profile=True,
        )
        .select_related("request", "asking_municipality", "offering_municipality")
        .prefetch_related("request__themes")
        .order_by("-completed_at")
    )
