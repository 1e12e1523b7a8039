"""Who may do what with internships: the municipality's officials and the project team."""

from municipalities.services import official_municipality_ids
from network.roles import is_project_team

from .models import InternshipOffer


def can_manage_for(user, municipality_id: int) -> bool:
    """Offer and edit internships for this municipality, and see its applications."""
    return is_project_team(user) or municipality_id in official_municipality_ids(user)


def can_manage_offer(user, offer: InternshipOffer) -> bool:
    return can_manage_for(user, offer.municipality_id)


def can_offer_any(user) -> bool:
    return is_project_team(user) or bool(official_municipality_ids(user))


def can_mediate(user) -> bool:
    """Move applications through their states: only the project team."""
    return is_project_team(user)
