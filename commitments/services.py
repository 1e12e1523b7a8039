"""The rules of the cycle: who may write what, the append-only status history, endorsements,
party answers through a token, and the reminders."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.log_actions import log

from events.models import EventKind, EventPage
from municipalities.models import MunicipalityPage
from municipalities.services import can_record_lia_status, official_municipality_ids
from network.notifications import notify
from network.roles import EXPERT_BY_EXPERIENCE, has_role, is_project_team
from voices.models import Organisation

from .models import (
    FINAL_STATUSES,
    Commitment,
    CommitmentStatus,
    Election,
    Endorsement,
    Follow,
    Party,
    PartyAnswer,
    PartyToken,
    Priority,
    PriorityRevision,
    StatusChange,
)

STALE_AFTER_MONTHS = 12


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


# --- who may ----------------------------------------------------------------------------------


def member_organisations(user) -> QuerySet[Organisation]:
    """Approved organisations the team linked this account to."""
    if not _active(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(members=user, status=Organisation.Status.APPROVED).order_by(
        "name"
    )


def organised_dialogues(user) -> QuerySet[EventPage]:
    """The dialogue moments this person organised that have begun (to record their outcome)."""
    if not _active(user):
        return EventPage.objects.none()
    return EventPage.objects.live().filter(
        kind=EventKind.DIALOGUE, organiser=user, start__lte=timezone.now()
    )


def may_add_any_priority(user, municipality: MunicipalityPage) -> bool:
    """Experts by experience, members of a supporting organisation, the municipality's officials
    and the team bring in priorities of any source."""
    if not _active(user):
        return False
    return (
        can_record_lia_status(user, municipality)
        or has_role(user, EXPERT_BY_EXPERIENCE)
        or member_organisations(user).exists()
    )


def can_add_priority(user, municipality: MunicipalityPage) -> bool:
    """Those of `may_add_any_priority`, and the organiser of a dialogue moment, who records the
    priorities that came out of it (and only those)."""
    return may_add_any_priority(user, municipality) or organised_dialogues(user).exists()


def can_edit_priority(user, priority: Priority) -> bool:
    """The officials of the municipality, the team, and who filed it (in person or through the
    organisation it was filed for)."""
    if not _active(user):
        return False
    if is_project_team(user) or priority.municipality_id in official_municipality_ids(user):
        return True
    if priority.created_by_id == user.pk:
        return True
    return bool(
        priority.organisation_id
        and member_organisations(user).filter(pk=priority.organisation_id).exists()
    )


def can_record_commitment(user, municipality: MunicipalityPage) -> bool:
    """Commitments and their status: the municipality's officials and the team only."""
    return can_record_lia_status(user, municipality)


# --- priorities -------------------------------------------------------------------------------


@transaction.atomic
def priority_save(
    *,
    municipality: MunicipalityPage,
    user,
    priority: Priority | None = None,
    themes=(),
    life_domains=(),
    voices=(),
    is_demo_data: bool = False,
    **fields: Any,
) -> Priority:
    """Add a priority, or change one and keep its earlier text."""
    if priority is None:
        if user is not None and not can_add_priority(user, municipality):
            raise PermissionDenied(_("You may not add priorities for this municipality."))
        if (
            user is not None
            and not may_add_any_priority(user, municipality)
            and not organised_dialogues(user)
            .filter(pk=getattr(fields.get("dialogue"), "pk", None))
            .exists()
        ):
            raise PermissionDenied(_("You may only record priorities of your own dialogue moment."))
        priority = Priority(municipality=municipality, created_by=user, is_demo_data=is_demo_data)
        action = "wagtail.create"
    else:
        if priority.municipality_id != municipality.pk:
            raise PermissionDenied(_("This priority belongs to another municipality."))
        if user is not None and not can_edit_priority(user, priority):
            raise PermissionDenied(_("You may not change this priority."))
        old = Priority.objects.select_for_update().get(pk=priority.pk)
        if (old.title, old.explanation) != (fields.get("title"), fields.get("explanation")):
            PriorityRevision.objects.create(
                priority=priority, title=old.title, explanation=old.explanation, changed_by=user
            )
        action = "wagtail.edit"
    organisation = fields.pop("organisation", None)
    if (
        organisation is not None
        and user is not None
        and not is_project_team(user)
        and not member_organisations(user).filter(pk=organisation.pk).exists()
    ):
        raise PermissionDenied(_("You may only file priorities for your own organisation."))
    priority.organisation = organisation
    for key, value in fields.items():
        setattr(priority, key, value)
    if priority.organisation_id and priority.source == Priority.Source.EXPERTS:
        priority.source = Priority.Source.ORGANISATION
    priority.full_clean(exclude=["themes", "life_domains", "voices"])
    priority.save()
    priority.themes.set(themes)
    priority.life_domains.set(life_domains)
    priority.voices.set(voices)
    log(instance=priority, action=action, user=user)
    return priority


def endorsement_refresh_count(priority_id: int) -> None:
    Priority.objects.filter(pk=priority_id).update(
        endorsement_count=Endorsement.objects.filter(priority_id=priority_id).count()
    )


def priority_endorse(*, priority: Priority, user, organisation: Organisation | None = None) -> bool:
    """Support a priority, once per person or per organisation; False when already done."""
    if not _active(user):
        raise PermissionDenied(_("Log in to support this priority."))
    if (
        organisation is not None
        and not member_organisations(user).filter(pk=organisation.pk).exists()
    ):
        raise PermissionDenied(_("You may only support in the name of your own organisation."))
    try:
        with transaction.atomic():
            endorsement = Endorsement.objects.create(
                priority=priority,
                user=None if organisation else user,
                organisation=organisation,
                created_by=user,
            )
            endorsement_refresh_count(priority.pk)
    except IntegrityError:
        return False
    log(instance=endorsement, action="wagtail.create", user=user)
    return True


def priority_withdraw_endorsement(
    *, priority: Priority, user, organisation: Organisation | None = None
) -> bool:
    if organisation is not None:
        if not member_organisations(user).filter(pk=organisation.pk).exists():
            raise PermissionDenied(_("You may only act in the name of your own organisation."))
        query = Q(organisation=organisation)
    else:
        query = Q(user=user)
    with transaction.atomic():
        endorsements = list(Endorsement.objects.filter(query, priority=priority))
        for endorsement in endorsements:
            log(instance=endorsement, action="wagtail.delete", user=user)
            endorsement.delete()
        endorsement_refresh_count(priority.pk)
    return bool(endorsements)


# --- commitments ------------------------------------------------------------------------------


@transaction.atomic
def commitment_save(
    *,
    municipality: MunicipalityPage,
    user,
    commitment: Commitment | None = None,
    priorities=(),
    source_file=None,
    is_demo_data: bool = False,
    **fields: Any,
) -> Commitment:
    """Record a promise (its first status is 'promised' on the day it was made).

    An uploaded source becomes a Wagtail document, so editors find it in the admin.
    """
    if user is not None and not can_record_commitment(user, municipality):
        raise PermissionDenied(_("You may not record commitments for this municipality."))
    created = commitment is None
    if created:
        commitment = Commitment(
            municipality=municipality, created_by=user, is_demo_data=is_demo_data
        )
    elif commitment.municipality_id != municipality.pk:
        raise PermissionDenied(_("This commitment belongs to another municipality."))
    for key, value in fields.items():
        setattr(commitment, key, value)
    commitment.full_clean(exclude=["priorities"])
    if source_file is not None:
        document = get_document_model()(
            title=_("Source: %(title)s, %(municipality)s")
            % {"title": commitment.title[:150], "municipality": municipality.title},
            file=source_file,
            uploaded_by_user=user,
        )
        document.full_clean()
        document.save()
        commitment.source_document = document
    if created:
        commitment.status = CommitmentStatus.PROMISED
        commitment.status_date = commitment.promised_on
    commitment.save()
    commitment.priorities.set(
        [priority for priority in priorities if priority.municipality_id == municipality.pk]
    )
    if created:
        StatusChange.objects.create(
            commitment=commitment,
            status=CommitmentStatus.PROMISED,
            date=commitment.promised_on,
            note=_("Promised in: %(source)s") % {"source": commitment.source_title},
            evidence_url=commitment.source_url,
            recorded_by=user,
            is_demo_data=is_demo_data,
        )
    log(instance=commitment, action="wagtail.create" if created else "wagtail.edit", user=user)
    return commitment


def commitment_refresh_status(commitment: Commitment) -> Commitment:
    """The commitment shows its newest change (by date, then by when it was recorded)."""
    newest = commitment.history.order_by("-date", "-recorded_at", "-pk").first()
    if newest is not None:
        commitment.status = newest.status
        commitment.status_date = newest.date
        commitment.reminded_on = None
        commitment.save(update_fields=["status", "status_date", "reminded_on"])
    return commitment


@transaction.atomic
def status_change_record(
    *,
    commitment: Commitment,
    status: str,
    date: datetime.date,
    note: str,
    evidence_url: str = "",
    user,
    is_demo_data: bool = False,
) -> StatusChange:
    """Append a status change (never edit one) and update the commitment's current status."""
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    if user is not None and not can_record_commitment(user, commitment.municipality):
        raise PermissionDenied(_("You may not record progress for this municipality."))
    if date < commitment.promised_on:
        raise ValidationError(
            {
                "date": _("This date is before the promise was made (%(date)s).")
                % {"date": commitment.promised_on.strftime("%d-%m-%Y")}
            }
        )
    change = StatusChange(
        commitment=commitment,
        status=status,
        date=date,
        note=note,
        evidence_url=evidence_url,
        recorded_by=user,
        is_demo_data=is_demo_data,
    )
    change.full_clean()
    change.save()
    commitment_refresh_status(commitment)
    log(instance=commitment, action="wagtail.edit", user=user, data={"status": status})
    return change


def scoreboard_of(queryset) -> dict[str, int]:
    """`scoreboard` counted by the database, for lists of any size (one query)."""
    counts = queryset.order_by().aggregate(
        total=Count("pk"),
        realised=Count("pk", filter=Q(status=CommitmentStatus.REALISED)),
        partly=Count("pk", filter=Q(status=CommitmentStatus.PARTLY_REALISED)),
        not_realised=Count("pk", filter=Q(status=CommitmentStatus.NOT_REALISED)),
    )
    counts["open"] = (
        counts["total"] - counts["realised"] - counts["partly"] - counts["not_realised"]
    )
    return counts


def stale_since(today: datetime.date | None = None, months: int = STALE_AFTER_MONTHS):
    today = today or timezone.localdate()
    year, month = divmod(today.month - 1 - months, 12)
    try:
        return today.replace(year=today.year + year, month=month + 1)
    except ValueError:  # 29 February, 31st of a shorter month
        return today.replace(year=today.year + year, month=month + 1, day=28)


def stale_commitments(today: datetime.date | None = None, months: int = STALE_AFTER_MONTHS):
    """Open commitments whose last status change is `months` old or older."""
    return Commitment.objects.exclude(status__in=FINAL_STATUSES).filter(
        status_date__lte=stale_since(today, months)
    )


# --- following --------------------------------------------------------------------------------


def follow(*, user, municipality: MunicipalityPage) -> bool:
    if not _active(user):
        raise PermissionDenied(_("Log in to follow a municipality."))
    follow_row, created = Follow.objects.get_or_create(user=user, municipality=municipality)
    if created:
        log(instance=follow_row, action="wagtail.create", user=user)
    return created


def unfollow(*, user, municipality: MunicipalityPage) -> bool:
    rows = list(Follow.objects.filter(user=user, municipality=municipality))
    for row in rows:
        log(instance=row, action="wagtail.delete", user=user)
        row.delete()
    return bool(rows)


def is_following(user, municipality: MunicipalityPage) -> bool:
    return _active(user) and Follow.objects.filter(user=user, municipality=municipality).exists()


def _municipality_audience(municipality_id: int):
    """Officials of the municipality and its followers: who hears about its commitments."""
    return (
        get_user_model()
        .objects.filter(
            Q(followed_municipalities__municipality_id=municipality_id)
            | Q(
                municipality_memberships__municipality_id=municipality_id,
                groups__name="municipal_official",
            ),
            is_active=True,
        )
        .distinct()
    )


def send_reminders(
    *, today: datetime.date | None = None, months: int = STALE_AFTER_MONTHS
) -> dict[str, int]:
    """Remind officials and followers of commitments without progress, and send the summary
    one month before an election. Each is sent once: a new status change resets it."""
    today = today or timezone.localdate()
    sent = {"stale": 0, "election": 0}
    for commitment in (
        stale_commitments(today, months)
        .filter(reminded_on__isnull=True)
        .select_related("municipality")
    ):
        municipality = commitment.municipality
        notify(
            kind="commitments.reminder",
            recipients=_municipality_audience(municipality.pk),
            template="commitments/email/stale_reminder.txt",
            context={
                "municipality": municipality.title,
                "commitment": commitment.title,
                "status": commitment.get_status_display(),
                "status_date": commitment.status_date.isoformat(),
                "months": months,
            },
            url_name="commitments:municipality_commitments",
            url_args=[municipality.slug],
        )
        Commitment.objects.filter(pk=commitment.pk).update(reminded_on=today)
        sent["stale"] += 1
    for election in Election.objects.filter(
        summary_sent_on__isnull=True,
        date__gt=today,
        date__lte=today + datetime.timedelta(days=31),
    ):
        municipality_ids = Follow.objects.values_list("municipality_id", flat=True).distinct()
        for municipality in MunicipalityPage.objects.filter(pk__in=list(municipality_ids)):
            board = scoreboard_of(Commitment.objects.filter(municipality=municipality))
            notify(
                kind="commitments.election_summary",
                recipients=get_user_model().objects.filter(
                    followed_municipalities__municipality=municipality, is_active=True
                ),
                template="commitments/email/election_summary.txt",
                context={
                    "municipality": municipality.title,
                    "election": election.title,
                    "election_date": election.date.isoformat(),
                    **board,
                },
                url_name="commitments:municipality_commitments",
                url_args=[municipality.slug],
            )
            sent["election"] += 1
        Election.objects.filter(pk=election.pk).update(summary_sent_on=today)
    return sent


# --- elections --------------------------------------------------------------------------------


def party_answer_save(
    *,
    party: Party,
    priority: Priority,
    position: str,
    explanation: str,
    user=None,
    via_token: bool = False,
) -> PartyAnswer:
    """A party's position on a priority of its own municipality (the newest answer counts)."""
    if priority.municipality_id != party.municipality_id:
        raise PermissionDenied(_("This priority belongs to another municipality."))
    if not via_token and not is_project_team(user):
        raise PermissionDenied(_("Only the party itself or the project team may answer."))
    answer, _created = PartyAnswer.objects.update_or_create(
        party=party,
        priority=priority,
        defaults={
            "position": position,
            "explanation": explanation,
            "answered_at": timezone.now(),
            "answered_by": user if getattr(user, "is_authenticated", False) else None,
            "via_token": via_token,
        },
    )
    log(instance=answer, action="wagtail.edit", user=user if via_token is False else None)
    return answer


def party_token_issue(*, party: Party, user, days: int = 30) -> str:
    """A new answer link for a party (the team only); earlier links stop working."""
    if not is_project_team(user):
        raise PermissionDenied(_("Only the project team may make answer links."))
    PartyToken.objects.filter(party=party).update(revoked=True)
    _token, raw = PartyToken.issue(party=party, days=days, created_by=user)
    return raw
