"""Writes that cross models: LIA status history, memberships; and read helpers other apps use."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import QuerySet
from django.forms import EmailField
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from network.cache import content_changed
from network.roles import MUNICIPAL_OFFICIAL, has_role, is_project_team

from .models.records import (
    LiaStatus,
    LiaStatusChange,
    MunicipalityMembership,
    RouteProgressEntry,
    RouteStep,
    RouteStepState,
    Stakeholder,
    municipality_model,
)

if TYPE_CHECKING:
    from .models.pages import MunicipalityPage

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
    # Pages, exports and feeds cached for visitors show the same data (bulk imports send no
    # model signals, so the page cache is told here too).
    content_changed()


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
        return municipality_model().objects.none()
    return municipality_model().objects.filter(memberships__user=user).order_by("title")


def can_record_lia_status(user, municipality: MunicipalityPage) -> bool:
    """The project team may record for any municipality; an official only for their own."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return is_project_team(user) or is_official_of(user, municipality)


def can_edit_municipality(user, municipality: MunicipalityPage) -> bool:
    """Who writes a municipality's route progress and stakeholder map: as for the LIA status."""
    return can_record_lia_status(user, municipality)


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
        municipality_model().objects.filter(pk=municipality.pk).update(
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


def route_state_refresh(
    *, municipality: MunicipalityPage, step: RouteStep
) -> RouteStepState | None:
    """Copy the newest entry of one step (by date, then recording time) into its current state."""
    newest = (
        RouteProgressEntry.objects.filter(municipality=municipality, step=step)
        .order_by("-date", "-recorded_at", "-pk")
        .first()
    )
    if newest is None:
        RouteStepState.objects.filter(municipality=municipality, step=step).delete()
        return None
    state, _created = RouteStepState.objects.update_or_create(
        municipality=municipality,
        step=step,
        defaults={"entry": newest, "status": newest.status, "date": newest.date},
    )
    return state


@transaction.atomic
def route_progress_record(
    *,
    municipality: MunicipalityPage,
    step: RouteStep,
    status: str,
    date: datetime.date,
    note: str = "",
    evidence_url: str = "",
    evidence_file=None,
    user,
    is_demo_data: bool = False,
) -> RouteProgressEntry:
    """Append a route entry for one step (never edit one) and update that step's state.

    An uploaded evidence file becomes a Wagtail document, so editors find it in the admin.
    """
    if user is not None and not can_edit_municipality(user, municipality):
        raise PermissionDenied(_("You may not record route progress for this municipality."))
    entry = RouteProgressEntry(
        municipality=municipality,
        step=step,
        status=status,
        date=date,
        note=note,
        evidence_url=evidence_url,
        recorded_by=user,
        is_demo_data=is_demo_data,
    )
    entry.full_clean()
    if evidence_file is not None:
        document = get_document_model()(
            title=_("Evidence: %(step)s, %(municipality)s")
            % {"step": step.title, "municipality": municipality.title},
            file=evidence_file,
            uploaded_by_user=user,
        )
        document.full_clean()
        document.save()
        entry.evidence_document = document
    entry.save()
    route_state_refresh(municipality=municipality, step=step)
    _on_commit_invalidate()
    return entry


STAKEHOLDER_FIELDS = ("kind", "name", "role", "contact", "contact_consent")


@transaction.atomic
def stakeholder_save(
    *,
    municipality: MunicipalityPage,
    stakeholder: Stakeholder | None = None,
    kind: str,
    name: str,
    role: str,
    contact: str = "",
    contact_consent: bool = False,
    user,
    is_demo_data: bool = False,
) -> Stakeholder:
    """Add a stakeholder to a municipality's map, or change one that is already on it."""
    if user is not None and not can_edit_municipality(user, municipality):
        raise PermissionDenied(_("You may not edit the stakeholder map of this municipality."))
    if stakeholder is None:
        stakeholder = Stakeholder(municipality=municipality, is_demo_data=is_demo_data)
    elif stakeholder.municipality_id != municipality.pk:
        raise PermissionDenied(_("This stakeholder belongs to another municipality."))
    stakeholder.kind = kind
    stakeholder.name = name
    stakeholder.role = role
    stakeholder.contact = contact
    stakeholder.contact_consent = contact_consent
    stakeholder.updated_by = user
    stakeholder.full_clean()
    stakeholder.save()
    return stakeholder


@transaction.atomic
def stakeholder_delete(*, stakeholder: Stakeholder, user) -> None:
    """Take a stakeholder off the map."""
    if not can_edit_municipality(user, stakeholder.municipality):
        raise PermissionDenied(_("You may not edit the stakeholder map of this municipality."))
    stakeholder.delete()


CONTACT_FIELDS = (
    "inclusion_contact_name",
    "inclusion_contact_email",
    "lia_document_url",
    "willing_to_be_asked",
)


@transaction.atomic
def municipality_contact_update(
    *,
    municipality: MunicipalityPage,
    user,
    inclusion_contact_name: str,
    inclusion_contact_email: str,
    lia_document_url: str,
    willing_to_be_asked: bool,
    lia_document_file: UploadedFile | None = None,
    lia_summary: str | None = None,
    lia_summary_easy_read: str | None = None,
) -> MunicipalityPage:
    """An official (or the team) updates the public contact, LIA document and 'open to
    questions'. Saved as a published revision, so the page history shows who changed what and
    a later edit in the admin does not undo it."""
    if user is not None and not can_record_lia_status(user, municipality):
        raise PermissionDenied(_("You may not change this municipality's contact details."))
    page = municipality_model().objects.get(pk=municipality.pk)
    page.inclusion_contact_name = inclusion_contact_name
    page.inclusion_contact_email = inclusion_contact_email
    page.lia_document_url = lia_document_url
    page.willing_to_be_asked = willing_to_be_asked
    # None leaves a summary as it is (callers that only change the contact).
    if lia_summary is not None:
        page.lia_summary = lia_summary
    if lia_summary_easy_read is not None:
        page.lia_summary_easy_read = lia_summary_easy_read
    if lia_document_file is not None:
        document = get_document_model()(
            title=_("Local Inclusion Agenda of %(name)s") % {"name": page.title},
            file=lia_document_file,
            uploaded_by_user=user,
        )
        document.full_clean(exclude=["file_hash", "file_size"])
        document.save()
        page.lia_document = document
    page.full_clean()
    revision = page.save_revision(user=user, log_action=True)
    # The service checked the permission above; officials have no Wagtail publish permission.
    revision.publish(user=user, skip_permission_checks=True)
    _on_commit_invalidate()
    return page


@dataclass
class ContactImportReport:
    """What a contacts import did (or, in a dry run, would do), and each refused row."""

    updated: list[str] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)


YES = {"ja", "yes", "true", "1", "j", "y"}
NO = {"nee", "no", "false", "0", "n"}


def municipality_contacts_import(
    *, rows: Iterable[dict[str, str]], dry_run: bool, user=None
) -> ContactImportReport:
    """Set the inclusion contact of many municipalities from CSV rows (header on line 1).

    Columns: `cbs_code` and `contact_email` (required), `contact_name`, `open_for_questions`
    (ja/nee), `lia_document_url` (optional). A row that is not valid is refused with its reason;
    the other rows are saved unless `dry_run`.
    """
    report = ContactImportReport()
    pages = {page.cbs_code: page for page in municipality_model().objects.all()}
    email_field = EmailField()
    url_validator = URLValidator(schemes=["http", "https"])
    seen: set[str] = set()
    for line, row in enumerate(rows, start=2):
        row = {(key or "").strip().lower(): (value or "").strip() for key, value in row.items()}
        code = row.get("cbs_code", "").upper()
        page = pages.get(code)
        reason = ""
        if not code:
            reason = _("the column cbs_code is empty")
        elif page is None:
            reason = _("no municipality has the CBS code %(code)s") % {"code": code}
        elif code in seen:
            reason = _("%(code)s appears more than once") % {"code": code}
        elif page.retired_on is not None:
            reason = _("%(name)s no longer exists") % {"name": page.title}
        email = row.get("contact_email", "")
        if not reason:
            try:
                email_field.clean(email)
            except ValidationError:
                reason = _("'%(email)s' is not a valid email address") % {"email": email}
        open_text = row.get("open_for_questions", "").lower()
        if not reason and open_text and open_text not in YES | NO:
            reason = _("open_for_questions must be 'ja' or 'nee', not '%(value)s'") % {
                "value": open_text
            }
        url = row.get("lia_document_url", "")
        if not reason and url:
            try:
                url_validator(url)
            except ValidationError:
                reason = _("'%(url)s' is not a valid web address") % {"url": url}
        if reason:
            report.refused.append((line, str(reason)))
            continue
        seen.add(code)
        report.updated.append(page.title)
        if not dry_run:
            municipality_contact_update(
                municipality=page,
                user=user,
                inclusion_contact_name=row.get("contact_name", "")[:120],
                inclusion_contact_email=email,
                lia_document_url=url or page.lia_document_url,
                willing_to_be_asked=page.willing_to_be_asked if not open_text else open_text in YES,
            )
    return report
