"""Who may see and do what in the matchcentrum: the team everything, officials their own."""

from municipalities.services import official_municipality_ids
from network.roles import is_project_team

from .models import Match, MatchRequest, MatchState, Side
from .services import ALLOWED_TRANSITIONS


def can_view_request(user, match_request: MatchRequest) -> bool:
    return is_project_team(user) or match_request.municipality_id in official_municipality_ids(user)


def sides_of(user, match: Match) -> list[str]:
    """The sides of a match a user speaks for through their memberships."""
    ids = official_municipality_ids(user)
    sides = []
    if match.asking_municipality_id in ids:
        sides.append(Side.ASKING)
    if match.offering_municipality_id in ids:
        sides.append(Side.OFFERING)
    return sides


def can_view_match(user, match: Match) -> bool:
    return is_project_team(user) or bool(sides_of(user, match))


def can_transition(user, match: Match) -> bool:
    """Whether a user takes part in moving this match at all (the table decides the rest)."""
    return can_view_match(user, match)


def next_states(user, match: Match) -> list[str]:
    """The states this user can move the match to now, in the order of the workflow."""
    if not can_transition(user, match):
        return []
    allowed = ALLOWED_TRANSITIONS.get(match.state, frozenset())
    states = [s for s in MatchState.values if s in allowed]
    if match.state == MatchState.PROPOSED and not is_project_team(user):
        # A side accepts for itself through match_respond; 'accepted' follows when both did.
        sides = sides_of(user, match)
        if all(match.accepted_at(side) is not None for side in sides):
            states = [s for s in states if s != MatchState.ACCEPTED]
    return states
