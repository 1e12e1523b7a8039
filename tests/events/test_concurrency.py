"""Capacity under concurrency, on PostgreSQL: the event row lock keeps the count exact."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from events.models import Registration
from events.services import registration_cancel, registration_create
from network.factories import UserFactory

Status = Registration.Status


def run_in_threads(func, arguments: list) -> list:
    """Start all calls at the same moment, each thread on its own database connection."""
    barrier = threading.Barrier(len(arguments))
    results: list = [None] * len(arguments)

    def worker(index: int, argument) -> None:
        try:
            barrier.wait()
            results[index] = func(argument)
        except Exception as error:  # noqa: BLE001 - reported by the test
            results[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=worker, args=(i, argument)) for i, argument in enumerate(arguments)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_registrations_for_five_seats(wagtail_root, make_event):
    event = make_event(capacity=5)
    users = [UserFactory(email=f"parallel{i}@example.org") for i in range(20)]

    def register(user):
        return registration_create(
            event=event, name=user.display_name, email=user.email, role="expert", user=user
        ).status

    statuses = run_in_threads(register, users)
    assert not [s for s in statuses if isinstance(s, Exception)], statuses
    assert statuses.count(Status.CONFIRMED) == 5
    assert statuses.count(Status.WAITLISTED) == 15
    stored = Registration.objects.filter(event=event)
    assert stored.filter(status=Status.CONFIRMED).count() == 5
    assert stored.filter(status=Status.WAITLISTED).count() == 15

    # One cancellation promotes exactly one person: the first on the waitlist.
    first_waiting = stored.filter(status=Status.WAITLISTED).order_by("waitlisted_at", "pk").first()
    promoted = registration_cancel(registration=stored.filter(status=Status.CONFIRMED).first())
    assert promoted.pk == first_waiting.pk
    assert stored.filter(status=Status.CONFIRMED).count() == 5
    assert stored.filter(status=Status.WAITLISTED).count() == 14


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_cancellations_promote_one_each(wagtail_root, make_event):
    event = make_event(capacity=3)
    users = [UserFactory(email=f"cancel{i}@example.org") for i in range(8)]
    for user in users:
        registration_create(event=event, name="X", email=user.email, role="other", user=user)
    confirmed = list(Registration.objects.filter(event=event, status=Status.CONFIRMED))
    promoted = run_in_threads(lambda r: registration_cancel(registration=r), confirmed)
    assert not [p for p in promoted if isinstance(p, Exception)], promoted
    assert len({p.pk for p in promoted}) == 3
    assert Registration.objects.filter(event=event, status=Status.CONFIRMED).count() == 3
    assert Registration.objects.filter(event=event, status=Status.WAITLISTED).count() == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_same_email_in_parallel_leaves_one_active_registration(wagtail_root, make_event):
    """Unconfirmed: each new registration replaces the pending one, so one stays active."""
    event = make_event(capacity=10)
    results = run_in_threads(
        lambda n: registration_create(
            event=event, name=f"Dubbel {n}", email="Dubbel@Example.org", role="other"
        ),
        list(range(5)),
    )
    assert all(isinstance(r, Registration) for r in results), results
    active = Registration.objects.filter(event=event).exclude(status=Status.CANCELLED)
    assert active.count() == 1
    assert active.get().status == Status.PENDING


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_same_confirmed_email_in_parallel_registers_once(wagtail_root, make_event):
    event = make_event(capacity=10)
    user = UserFactory(email="dubbel@example.org")  # with a verified address
    results = run_in_threads(
        lambda n: registration_create(
            event=event, name=f"Dubbel {n}", email="Dubbel@Example.org", role="other", user=user
        ),
        list(range(5)),
    )
    assert sum(isinstance(r, Registration) for r in results) == 1
    errors = [r for r in results if not isinstance(r, Registration)]
    assert all(isinstance(e, ValidationError) and "email" in e.message_dict for e in errors)
    assert Registration.objects.filter(event=event).count() == 1
