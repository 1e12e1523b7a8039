"""What the matchcentrum does: take requests, propose and follow matches (ranking: scoring.py)."""

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from knowledge.models import PracticePage
from municipalities.models import MunicipalityPage
from network.models import User
from taxonomy.models import LifeDomain, Theme

from .models import Match, MatchEvent, MatchRequest, MatchState, Side
from .tasks import send_match_proposal

# The only moves a match can make; everything else is refused with a message.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    MatchState.PROPOSED: frozenset({MatchState.ACCEPTED, MatchState.DECLINED}),
    MatchState.ACCEPTED: frozenset({MatchState.IN_CONVERSATION, MatchState.DECLINED}),
    MatchState.IN_CONVERSATION: frozenset({MatchState.COMPLETED, MatchState.DECLINED}),
    MatchState.COMPLETED: frozenset(),
    MatchState.DECLINED: frozenset(),
}
LIVE_STATES = (MatchState.PROPOSED, MatchState.ACCEPTED, MatchState.IN_CONVERSATION)


class TransitionError(ValidationError):
    """A match cannot make the requested move; the message says why, in the user's language."""


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
    return match_request


@transaction.atomic
def match_request_close(*, match_request: MatchRequest, user: User) -> MatchRequest:
    """The team closes a request that needs no (further) match."""
    match_request.status = MatchRequest.Status.CLOSED
    match_request.closed_at = timezone.now()
    match_request.full_clean()
    match_request.save(update_fields=["status", "closed_at"])
    return match_request


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
    match.save()
    _log(match=match, user=proposed_by, from_state="", to_state=MatchState.PROPOSED, note=notes)
    if match_request.status != MatchRequest.Status.MATCHED:
        match_request.status = MatchRequest.Status.MATCHED
        match_request.save(update_fields=["status"])
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
