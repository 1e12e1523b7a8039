"""Factories of the agenda; the tests, the demo data and the benchmarks share them."""

import uuid
from datetime import timedelta

import factory
import wagtail_factories
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from .models import EventFormat, EventIndexPage, EventPage, EventScope, EventSpeaker, Registration


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Agenda"
    slug = "agenda"
    introduction = "Bijeenkomsten van het netwerk, landelijk en in de regio."


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Netwerkbijeenkomst {n}")
    introduction = "Samen met ervaringsdeskundigen werken aan een inclusieve gemeente."
    start = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=30)).replace(
            hour=10, minute=0, second=0, microsecond=0
        )
    )
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=4))
    format = EventFormat.PHYSICAL
    venue_name = "Stadhuis"
    venue_address = "Markt 1, 1234 AB Utrecht"
    online_link = ""
    scope = EventScope.NATIONAL
    province = ""
    organiser_name = "Projectteam Iedereen doet mee!"
    audience = "Ambtenaren, ervaringsdeskundigen en maatschappelijke organisaties"
    capacity = 40
    offers_wheelchair = True
    offers_hearing_loop = True


class EventSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSpeaker

    page = factory.SubFactory(EventPageFactory)
    name = factory.Faker("name", locale="nl_NL")
    role = "Ervaringsdeskundige"
    is_expert_by_experience = True


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A registration saved directly (no capacity check); use the services to register for real."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventPageFactory)
    name = factory.Faker("name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"deelnemer{n}@example.org")
    organisation = "Gemeente Voorbeeld"
    role = Registration.Role.OFFICIAL
    status = Registration.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)


def event_pages_bulk_create(*, parent: EventIndexPage, events: list[EventPage]) -> list[EventPage]:
    """Insert many unsaved EventPages under the agenda in a few queries (benchmarks, --scale).

    Wagtail's add_child costs about ten queries per page; here the tree paths are computed once
    and the page rows and event rows are inserted in batches. No revisions, no search index.
    """
    content_type = ContentType.objects.get_for_model(EventPage)
    now = timezone.now()
    with transaction.atomic():
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        last = parent.get_last_child()
        step = Page._str2int(last.path[-Page.steplen :]) if last else 0
        base_pages = []
        for event in events:
            step += 1
            base_pages.append(
                Page(
                    title=event.title,
                    draft_title=event.title,
                    slug=event.slug,
                    content_type=content_type,
                    path=Page._get_path(parent.path, parent.depth + 1, step),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{event.slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    live_revision=None,
                    locale_id=parent.locale_id,
                    translation_key=uuid.uuid4(),
                    show_in_menus=False,
                )
            )
        Page.objects.bulk_create(base_pages, batch_size=500)
        # Inserted rows as Page; now their EventPage rows, with the parent link set.
        local_fields = EventPage._meta.local_concrete_fields
        for base, event in zip(base_pages, events, strict=True):
            event.page_ptr_id = base.pk
            for field in Page._meta.concrete_fields:
                setattr(event, field.attname, getattr(base, field.attname))
        for start in range(0, len(events), 500):
            EventPage.objects._insert(events[start : start + 500], fields=local_fields, raw=True)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(events))
    return events
