"""Template tags other apps' templates use to show matchcentrum items."""

from django import template

from municipalities.services import official_municipality_ids
from network.roles import is_project_team

from ..services import completed_matches_for

register = template.Library()


@register.simple_tag
def completed_matches(municipality) -> list:
    """Completed matches of this municipality that both sides agreed to show (two queries)."""
    if municipality is None or getattr(municipality, "pk", None) is None:
        return []
    matches = completed_matches_for(municipality.pk)
    for match in matches:
        # The other party, from this profile's point of view.
        match.partner = (
            match.offering_municipality
            if match.asking_municipality_id == municipality.pk
            else match.asking_municipality
        )
    return matches


@register.simple_tag(takes_context=True)
def matchcentrum_role(context) -> str:
    """'team', 'official' (linked to a municipality) or '' for the current user."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return ""
    if is_project_team(user):
        return "team"
    return "official" if official_municipality_ids(user) else ""
