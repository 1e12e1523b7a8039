"""What the agenda shows on pages of the apps below it (registered in `ready`)."""

from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from municipalities.registry import profile_sections
from network.privacy import register_data_exporter
from network.registry import INBOX_ROW_LIMIT, InboxRow, home_sections, inbox, start_sections
from network.roles import EXPERT_BY_EXPERIENCE, is_project_team, user_roles

from .models import EventPage, LiaPresentation, Registration
from .privacy import export_registrations

home_sections.register("events", "events/includes/home_section.html", order=10)
# Coming events: kept five minutes at most, so an event that has ended soon leaves the list.
profile_sections.register(
    "events",
    "events/includes/municipality_section.html",
    order=20,
    cached_on=("events", "municipalities"),
    max_age=5 * 60,
)
register_data_exporter("events", export_registrations)


# --- the start page (/mijn-netwerk/) -----------------------------------------------------------


def my_registrations(*, request: HttpRequest | None, user, **kwargs: Any) -> dict | None:
    """A person's registrations for events still to come, each with its cancel link."""
    registrations = list(
        Registration.objects.filter(user=user, event__end__gte=timezone.now())
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("event")
        .order_by("event__start", "pk")[:20]
    )
    if not registrations:
        return None
    return {
        "registrations": [
            {
                "registration": registration,
                "event_url": registration.event.url,
                "cancel_url": reverse("events:registration_cancel", args=[registration.token]),
            }
            for registration in registrations
        ]
    }


EXPERTS_WANTED_LIMIT = 5


def events_asking_experts(*, request: HttpRequest | None, user, **kwargs: Any) -> dict | None:
    """For experts by experience: upcoming events that ask them to take part.

    Events they already registered for are left out; their registrations have their own section.
    """
    if EXPERT_BY_EXPERIENCE not in user_roles(user):
        return None
    now = timezone.now()
    events = list(
        EventPage.objects.live()
        .filter(start__gte=now)
        .exclude(experts_wanted="")
        .exclude(registration_closes_at__lt=now)
        .exclude(
            registrations__in=Registration.objects.filter(user=user).exclude(
                status=Registration.Status.CANCELLED
            )
        )
        .only(
            "id",
            "title",
            "title_en",
            "slug",
            "url_path",
            "path",
            "depth",
            "start",
            "end",
            "experts_wanted",
        )
        .order_by("start", "pk")[:EXPERTS_WANTED_LIMIT]
    )
    if not events:
        return None
    return {"events": events}


def _needs_events():
    """Upcoming events with people who asked for accessibility provisions (consent given)."""
    with_needs = Q(
        registrations__status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED],
        registrations__needs_consent=True,
    ) & ~Q(registrations__needs=[], registrations__needs_other="")
    return (
        EventPage.objects.live()
        .filter(start__gte=timezone.now())
        .annotate(needs_count=Count("registrations", filter=with_needs, distinct=True))
        .filter(needs_count__gt=0)
        .order_by("start", "pk")
    )


def needs_rows(user) -> list[InboxRow]:
    if not is_project_team(user):
        return []
    return [
        InboxRow(
            kind=_("Accessibility needs"),
            title=ngettext(
                "%(event)s: %(count)s person with needs",
                "%(event)s: %(count)s people with needs",
                event.needs_count,
            )
            % {"event": event.title, "count": event.needs_count},
            url=f"{event.url}deelnemers/",
            since=event.start,
        )
        for event in _needs_events()[:INBOX_ROW_LIMIT]
    ]


def needs_count(user) -> int:
    return _needs_events().count() if is_project_team(user) else 0


start_sections.register(
    "events-registrations",
    "events/includes/start_registrations.html",
    order=40,
    context=my_registrations,
)
start_sections.register(
    "events-experts-wanted",
    "events/includes/start_experts_wanted.html",
    order=41,
    context=events_asking_experts,
)
inbox.register(
    "events-needs",
    _("Accessibility needs to arrange"),
    rows=needs_rows,
    count=needs_count,
    order=60,
)


# --- LIA presentations ('celebrations') on the home page and the municipality's profile ---------

LATEST_PRESENTATIONS = 3


def _presentations():
    return LiaPresentation.objects.select_related("event", "status_change__municipality").filter(
        event__live=True
    )


def latest_presentations(*, request: HttpRequest | None = None, **kwargs: Any) -> dict | None:
    presentations = list(_presentations()[:LATEST_PRESENTATIONS])
    return {"lia_presentations": presentations} if presentations else None


def municipality_presentations(
    *, request: HttpRequest | None = None, page, **kwargs: Any
) -> dict | None:
    presentations = list(_presentations().filter(status_change__municipality=page))
    return {"lia_presentations": presentations} if presentations else None


home_sections.register(
    "lia_presentations",
    "events/includes/lia_presentations_home.html",
    order=15,
    context=latest_presentations,
)
profile_sections.register(
    "lia_presentations",
    "events/includes/lia_presentations_municipality.html",
    order=21,
    context=municipality_presentations,
    cached_on=("events", "municipalities"),
)
