"""Registering, confirming and cancelling, and the scheduled clean-up of accessibility needs."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from network.accounts import has_verified_email

from .models.registrations import Registration, settings_needs_retention_days

if TYPE_CHECKING:
    from .models.pages import EventPage
from .tasks import send_registration_email

Status = Registration.Status

# An unconfirmed registration holds nothing for longer than this: the link in its email expires.
PENDING_EXPIRES_AFTER = timedelta(hours=48)


def _event_pages():
    # Through the registration's foreign key: the pages import this module, not the reverse.
    return Registration.event.field.related_model.objects


def _enqueue_email(registration_id: int, kind: str) -> None:
    """Queue the email once the transaction has committed, so a mail failure loses nothing."""
    transaction.on_commit(lambda: send_registration_email.enqueue(registration_id, kind))


def _lock_event(event: EventPage) -> EventPage:
    # Locks only the event's own row; every registration for it queues behind this lock.
    return type(event).objects.select_for_update(of=("self",)).get(pk=event.pk)


def _place(*, event: EventPage, registration: Registration, now: datetime) -> None:
    """Give a seat if one is free, otherwise a place on the waitlist (event row locked)."""
    confirmed = event.registrations.filter(status=Status.CONFIRMED).count()
    if event.capacity is None or confirmed < event.capacity:
        registration.status = Status.CONFIRMED
        registration.confirmed_at = now
    else:
        registration.status = Status.WAITLISTED
        registration.waitlisted_at = now


def registration_create(
    *,
    event: EventPage,
    name: str,
    email: str,
    role: str,
    organisation: str = "",
    municipality=None,
    needs: list[str] | None = None,
    needs_other: str = "",
    needs_consent: bool = False,
    user=None,
    language: str | None = None,
    now: datetime | None = None,
) -> Registration:
    """Register someone: a seat, the waitlist, or pending until they confirm their email."""
    now = now or timezone.now()
    needs = list(needs or [])
    if (needs or needs_other.strip()) and not needs_consent:
        raise ValidationError(
            {"needs_consent": _("Give consent, or leave the accessibility needs empty.")},
            code="needs_without_consent",
        )
    if not needs_consent:
        needs, needs_other = [], ""
    with transaction.atomic():
        locked = _lock_event(event)
        state = locked.registration_window_state(now)
        if state != "open":
            raise ValidationError(_("Registration for this event is not open."), code=state)
        # Someone may have typed this address without owning it. An unconfirmed registration
        # blocks nobody: a new one replaces it, and only the owner receives the new link.
        locked.registrations.filter(email__iexact=email, status=Status.PENDING).update(
            status=Status.CANCELLED, cancelled_at=now
        )
        if (
            locked.registrations.filter(email__iexact=email)
            .exclude(status=Status.CANCELLED)
            .exists()
        ):
            raise ValidationError(
                {"email": _("This email address is already registered for this event.")},
                code="duplicate",
            )
        registration = Registration(
            event=locked,
            user=user if user is not None and user.is_authenticated else None,
            name=name.strip(),
            email=email.strip(),
            organisation=organisation.strip(),
            role=role,
            municipality=municipality,
            needs=needs,
            needs_other=needs_other.strip(),
            needs_consent=needs_consent,
            language=language or get_language() or settings.LANGUAGE_CODE,
            created_at=now,
        )
        if has_verified_email(user, email):
            _place(event=locked, registration=registration, now=now)
            kind = registration.status
        else:
            registration.status = Status.PENDING
            kind = "verify"
        registration.full_clean()
        registration.save()
        _enqueue_email(registration.pk, kind)
    return registration


def registration_confirm_email(*, registration: Registration, now: datetime | None = None) -> str:
    """The registrant clicked the link in the email: take a seat or a waitlist place.

    Returns the resulting status; confirming twice changes nothing.
    """
    now = now or timezone.now()
    expired = False
    with transaction.atomic():
        locked = _lock_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status != Status.PENDING:
            return current.status
        if current.created_at < now - PENDING_EXPIRES_AFTER:
            current.status = Status.CANCELLED
            current.cancelled_at = now
            current.save(update_fields=["status", "cancelled_at"])
            expired = True
        elif locked.start <= now:
            raise ValidationError(_("This event has already started."), code="past")
        else:
            _place(event=locked, registration=current, now=now)
            current.full_clean()
            current.save()
            _enqueue_email(current.pk, current.status)
    registration.status = current.status
    if expired:
        raise ValidationError(
            _("This confirmation link has expired. Please register again."), code="expired"
        )
    return current.status


def registration_cancel(
    *, registration: Registration, now: datetime | None = None
) -> Registration | None:
    """Cancel a registration; if that frees a seat, promote the first on the waitlist.

    Returns the promoted registration, if any.
    """
    now = now or timezone.now()
    promoted = None
    with transaction.atomic():
        locked = _lock_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == Status.CANCELLED:
            registration.status = current.status
            return None
        current.status = Status.CANCELLED
        current.cancelled_at = now
        current.full_clean()
        current.save()
        registration.status = current.status
        if locked.end > now and locked.capacity is not None:
            confirmed = locked.registrations.filter(status=Status.CONFIRMED).count()
            if confirmed < locked.capacity:
                promoted = (
                    locked.registrations.select_for_update()
                    .filter(status=Status.WAITLISTED)
                    .order_by("waitlisted_at", "pk")
                    .first()
                )
                if promoted is not None:
                    promoted.status = Status.CONFIRMED
                    promoted.confirmed_at = now
                    promoted.full_clean()
                    promoted.save()
                    _enqueue_email(promoted.pk, "promoted")
    return promoted


def needs_erase(*, now: datetime | None = None) -> int:
    """Erase accessibility needs of events that ended the retention period ago.

    Returns the number of registrations whose needs were erased.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings_needs_retention_days())
    with transaction.atomic():
        events = _event_pages().filter(end__lte=cutoff, needs_erased_at__isnull=True)
        event_ids = list(events.values_list("pk", flat=True))
        # One UPDATE: blanking fields needs no validation, and a bulk erase cannot half-finish.
        erased = (
            Registration.objects.filter(event_id__in=event_ids)
            .exclude(needs=[], needs_other="")
            .update(needs=[], needs_other="", needs_consent=False)
        )
        _event_pages().filter(pk__in=event_ids).update(needs_erased_at=now)
    return erased


def reminders_send(*, now: datetime | None = None) -> int:
    """Queue the reminder of every event starting within EVENTS_REMINDER_HOURS, once per person."""
    now = now or timezone.now()
    hours = int(getattr(settings, "EVENTS_REMINDER_HOURS", 48))
    due = Registration.objects.filter(
        status=Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__start__gt=now,
        event__start__lte=now + timedelta(hours=hours),
        event__live=True,
    )
    count = 0
    with transaction.atomic():
        # Marked before sending: a reminder that fails is not worth a duplicate later.
        ids = list(due.select_for_update().values_list("pk", flat=True))
        Registration.objects.filter(pk__in=ids).update(reminder_sent_at=now)
        for pk in ids:
            _enqueue_email(pk, "reminder")
            count += 1
    return count


def confirmation_emails_retry(*, now: datetime | None = None) -> int:
    """Queue again the emails that never went out (the mail server was down), for coming events."""
    now = now or timezone.now()
    unsent = Registration.objects.filter(
        email_sent_at__isnull=True, event__end__gt=now, created_at__lt=now - timedelta(minutes=5)
    ).exclude(status=Status.CANCELLED)
    count = 0
    for registration in unsent.only("pk", "status"):
        kind = "verify" if registration.status == Status.PENDING else registration.status
        with transaction.atomic():
            _enqueue_email(registration.pk, kind)
        count += 1
    return count


def registrations_expire(*, now: datetime | None = None) -> int:
    """Cancel unconfirmed registrations older than PENDING_EXPIRES_AFTER; returns how many."""
    now = now or timezone.now()
    return Registration.objects.filter(
        status=Status.PENDING, created_at__lt=now - PENDING_EXPIRES_AFTER
    ).update(status=Status.CANCELLED, cancelled_at=now)
