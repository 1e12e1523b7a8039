"""A pending registration for someone else's address blocks nobody, and it expires."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.models import Registration
from events.services import (
    PENDING_EXPIRES_AFTER,
    registration_confirm_email,
    registration_create,
    registrations_expire,
)

Status = Registration.Status


def _register(event, email, name="Sam", **kwargs):
    return registration_create(
        event=event, name=name, email=email, role=Registration.Role.OTHER, **kwargs
    )


def test_the_owner_of_the_address_can_still_register(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        squatter = _register(event, "owner@example.org", name="Someone else")
        owner = _register(event, "Owner@example.org", name="The owner")
    squatter.refresh_from_db()
    assert squatter.status == Status.CANCELLED
    assert owner.status == Status.PENDING
    registration_confirm_email(registration=owner)
    owner.refresh_from_db()
    assert owner.status == Status.CONFIRMED


def test_a_confirmed_registration_still_blocks_a_second_one(
    event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = _register(event, "sam@example.org")
    registration_confirm_email(registration=first)
    with pytest.raises(ValidationError):
        _register(event, "sam@example.org")


def test_an_expired_link_no_longer_confirms(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration = _register(event, "late@example.org")
    later = timezone.now() + PENDING_EXPIRES_AFTER + timedelta(minutes=1)
    with pytest.raises(ValidationError) as error:
        registration_confirm_email(registration=registration, now=later)
    assert error.value.code == "expired"
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED


def test_expire_cancels_only_old_pending_registrations(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        old = _register(event, "old@example.org")
        new = _register(event, "new@example.org")
    Registration.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - PENDING_EXPIRES_AFTER - timedelta(hours=1)
    )
    assert registrations_expire() == 1
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.status == Status.CANCELLED
    assert new.status == Status.PENDING
