"""The platform's roles. They are Django groups so the Wagtail admin can manage them."""

from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

MUNICIPAL_OFFICIAL = "municipal_official"
EXPERT_BY_EXPERIENCE = "expert_by_experience"
MODERATOR = "moderator"
PROJECT_TEAM = "project_team"

# Group names are stable identifiers; labels are what people read.
ROLE_LABELS = {
    MUNICIPAL_OFFICIAL: _("Municipal official"),
    EXPERT_BY_EXPERIENCE: _("Expert by experience"),
    MODERATOR: _("Moderator"),
    PROJECT_TEAM: _("Project team (VNG)"),
}
ALL_ROLES = tuple(ROLE_LABELS)
# Roles people may choose for themselves when they sign up; the others are given by the team.
SELF_CHOSEN_ROLES = (MUNICIPAL_OFFICIAL, EXPERT_BY_EXPERIENCE)


def user_roles(user) -> set[str]:
    """The role names of a user, cached on the instance for the request."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_role_cache", None)
    if cached is None:
        cached = set(user.groups.filter(name__in=ALL_ROLES).values_list("name", flat=True))
        user._role_cache = cached
    return cached


def has_role(user, role: str) -> bool:
    return role in user_roles(user)


def is_project_team(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or has_role(user, PROJECT_TEAM)


def is_moderator(user) -> bool:
    return is_project_team(user) or has_role(user, MODERATOR)


def expert_flag(user_field: str):
    """An Exists() expression: is the user in `user_field` an expert by experience?

    Annotate a list with it (`.annotate(author_is_expert=expert_flag("author"))`) so a badge
    next to each name costs no query per row.
    """
    return Exists(
        Group.user_set.through.objects.filter(
            user_id=OuterRef(f"{user_field}_id"), group__name=EXPERT_BY_EXPERIENCE
        )
    )
