"""Writes that cross models: LIA status history, memberships; and read helpers other apps use."""

import datetime

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from network.roles import MUNICIPAL_OFFICIAL, has_role, is_project_team

from .models import LiaStatus, LiaStatusChange, MunicipalityMembership, MunicipalityPage

# The overview's rendered map and counts are cached under a version number that every write
# bumps, so a status change shows at once without knowing which filtered variants exist.
MAP_CACHE_VERSION_KEY = "municipalities:map-version"


def map_cache_version() -> int:
    """The current version of the cached overview data (starts at 1)."""
    version = cache.get(MAP_CACHE_VERSION_KEY)
    if version is None:
        version = 1
        cache.add(MAP_CACHE_VERSION_KEY, version, timeout=None)
    return int(version)


def map_cache_invalidate() -> None:
    """Make every cached map and count stale; called after any change that shows on the map."""
    try:
        cache.incr(MAP_CACHE_VERSION_KEY)
    except ValueError:
        cache.set(MAP_CACHE_VERSION_KEY, 2, timeout=None)


def _on_commit_invalidate() -> None:
    # After commit, so a concurrent request cannot cache the old state under the new version.
    transaction.on_commit(map_cache_invalidate)


def official_municipality_ids(user) -> set[int]:
    """The municipalities a municipal official works for, through memberships the team gave.

    The role is self-chosen, the membership is not, so both are needed. Cached on the user
    object for the request; membership_add and membership_remove clear it.
    """
    if not getattr(user, "is_authenticated", False) or not has_role(user, MUNICIPAL_OFFICIAL):
        return set()
    ids = getattr(user, "_municipality_ids", None)
    if ids is None:
        ids = set(
            MunicipalityMembership.objects.filter(user=user).values_list(
                "municipality_id", flat=True
            )
        )
        user._municipality_ids = ids
    return ids


def is_official_of(user, municipality: MunicipalityPage) -> bool:
    """Whether the user is a municipal official with a membership of this municipality."""
    return municipality.pk in official_municipality_ids(user)


def municipalities_for_user(user) -> QuerySet[MunicipalityPage]:
    """The municipalities a user works for (through a membership); empty for anonymous users."""
    if not getattr(user, "is_authenticated", False):
        return MunicipalityPage.objects.none()
    return MunicipalityPage.objects.filter(memberships__user=user).order_by("title")


def can_record_lia_status(user, municipality: MunicipalityPage) -> bool:
    """The project team may record for any municipality; an official only for their own."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return is_project_team(user) or is_official_of(user, municipality)


def municipality_refresh_current_status(*, municipality: MunicipalityPage) -> MunicipalityPage:
    """Copy the newest history entry (by date, then recording time) onto the page."""
    newest = (
        LiaStatusChange.objects.filter(municipality=municipality)
        .order_by("-date", "-recorded_at", "-pk")
        .only("status", "date")
        .first()
    )
    status = newest.status if newest else LiaStatus.NONE
    status_date = newest.date if newest else None
    if (municipality.current_lia_status, municipality.current_lia_status_date) != (
        status,
        status_date,
    ):
        # update() rather than save(): no new page revision, no search re-index of the body.
        MunicipalityPage.objects.filter(pk=municipality.pk).update(
            current_lia_status=status, current_lia_status_date=status_date
        )
        municipality.current_lia_status = status
        municipality.current_lia_status_date = status_date
    return municipality


@transaction.atomic
def lia_status_record(
    *,
    municipality: MunicipalityPage,
    status: str,
    date: datetime.date,
    source: str,
    note: str = "",
    user,
    is_demo_data: bool = False,
) -> LiaStatusChange:
    """Append a status change (never edit one) and update the municipality's current status."""
    if user is not None and not can_record_lia_status(user, municipality):
        raise PermissionDenied(_("You may not record a status for this municipality."))
    change = LiaStatusChange(
        municipality=municipality,
        status=status,
        date=date,
        source=source,
        note=note,
        recorded_by=user,
        is_demo_data=is_demo_data,
    )
    change.full_clean()
    change.save()
    municipality_refresh_current_status(municipality=municipality)
    _on_commit_invalidate()
    return change


@transaction.atomic
def membership_add(
    *,
    user,
    municipality: MunicipalityPage,
    job_title: str = "",
    is_contact: bool = True,
    added_by=None,
) -> MunicipalityMembership:
    """Link a user to a municipality (the project team's call); updates an existing link."""
    if added_by is not None and not is_project_team(added_by):
        raise PermissionDenied(_("Only the project team links people to a municipality."))
    membership = MunicipalityMembership.objects.filter(user=user, municipality=municipality).first()
    if membership is None:
        membership = MunicipalityMembership(user=user, municipality=municipality)
    membership.job_title = job_title
    membership.is_contact = is_contact
    membership.full_clean()
    membership.save()
    if hasattr(user, "_municipality_ids"):
        del user._municipality_ids
    return membership


@transaction.atomic
def membership_remove(*, user, municipality: MunicipalityPage, removed_by=None) -> bool:
    """Unlink a user from a municipality; True if there was a link."""
    if removed_by is not None and not is_project_team(removed_by):
        raise PermissionDenied(_("Only the project team links people to a municipality."))
    deleted, _details = MunicipalityMembership.objects.filter(
        user=user, municipality=municipality
    ).delete()
    if hasattr(user, "_municipality_ids"):
        del user._municipality_ids
    return bool(deleted)
