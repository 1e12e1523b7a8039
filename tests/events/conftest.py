"""Fixtures of the agenda tests: the agenda page and events relative to now."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.factories import EventIndexPageFactory, EventPageFactory
from network.factories import UserFactory


@pytest.fixture
def agenda(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def make_event(agenda):
    """An event under the agenda, starting `days` from now (negative: in the past)."""

    def make(days: float = 30, hours: float = 3, **kwargs):
        start = (timezone.now() + timedelta(days=days)).replace(microsecond=0)
        kwargs.setdefault("start", start)
        kwargs.setdefault("end", kwargs["start"] + timedelta(hours=hours))
        return EventPageFactory(parent=agenda, **kwargs)

    return make


@pytest.fixture
def event(make_event):
    return make_event(capacity=5)


@pytest.fixture
def organiser(db):
    return UserFactory(email="organiser@example.org", display_name="Olga Organiser")


@pytest.fixture
def other_organiser(db):
    return UserFactory(email="other-organiser@example.org", display_name="Otto Other")


@pytest.fixture
def wagtail_root(transactional_db):
    """The root page and default locale, which a transactional test's flush removed.

    tests/conftest.py's home_page expects the root page of Wagtail's migration to exist.
    """
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale, Page

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(
            instance=Page(
                title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page)
            )
        )
