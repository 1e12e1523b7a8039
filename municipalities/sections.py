"""What the municipalities app shows on other apps' pages, the start page and the inbox."""

from datetime import timedelta
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.registry import INBOX_ROW_LIMIT, InboxRow, inbox, start_sections
from network.roles import MUNICIPAL_OFFICIAL, has_role, is_project_team

from .models import MunicipalityPage
from .registry import profile_sections
from .route import municipality_route, route_steps, stuck_count, stuck_municipalities
from .services import can_edit_municipality


def profile_route(
    *, request: HttpRequest | None, page, variant: str | None = None, **kwargs: Any
) -> dict[str, Any] | None:
    """The route as a step list on the profile (the section is kept: see its registration)."""
    route = municipality_route(page, route_steps())
    if not route.total:
        return None
    route_url = reverse("municipalities:route", args=[page.slug])
    if route.current is not None:
        # The form opens on the step the municipality is at now.
        route_url += f"?step={route.current.step.pk}#route-record-title"
    return {
        "route": route,
        "route_url": route_url,
        "stakeholders_url": reverse("municipalities:stakeholders", args=[page.slug]),
        # The registry hands over the kind of visitor it worked out (not in a preview).
        "can_edit_route": variant == "editor" if variant else _can_edit(request, page),
    }


def _can_edit(request: HttpRequest | None, page) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated and can_edit_municipality(user, page)


def route_variant(*, request: HttpRequest | None, page, **kwargs: Any) -> str:
    """Editors of the municipality see another link than visitors."""
    return "editor" if _can_edit(request, page) else "visitor"


def stuck_rows(user) -> list[InboxRow]:
    if not is_project_team(user):
        return []
    return [
        InboxRow(
            kind=_("Stuck on the route"),
            title=f"{item.municipality.title}: {item.step.title}",
            url=reverse("municipalities:route", args=[item.municipality.slug]),
            since=item.since,
        )
        for item in stuck_municipalities()
    ]


def stuck_inbox_count(user) -> int:
    return stuck_count() if is_project_team(user) else 0


profile_sections.register(
    "route",
    "municipalities/includes/profile_route.html",
    order=5,
    context=profile_route,
    cached_on=("municipalities",),
    variant=route_variant,
    # The steps say how long a municipality has been at one: kept ten minutes at most.
    max_age=10 * 60,
)
inbox.register(
    "route_stuck",
    _("Municipalities stuck on the route for more than 12 months"),
    rows=stuck_rows,
    count=stuck_inbox_count,
    order=60,
)


STALE_AFTER = timedelta(days=365)


def my_municipality(*, request: HttpRequest | None, user, **kwargs: Any) -> dict | None:
    """An official's municipality: its LIA status and where to record a new one."""
    if not has_role(user, MUNICIPAL_OFFICIAL):
        return None
    municipalities = list(
        MunicipalityPage.objects.filter(memberships__user=user)
        .only(
            "pk",
            "title",
            "slug",
            "current_lia_status",
            "current_lia_status_date",
            "lia_document_url",
            "willing_to_be_asked",
            "inclusion_contact_email",
        )
        .order_by("title")
    )
    return {
        "my_municipalities": [
            {
                "page": municipality,
                "url": reverse("municipalities:profile", args=[municipality.slug]),
            }
            for municipality in municipalities
        ]
    }


def _stale():
    cutoff = timezone.localdate() - STALE_AFTER
    return MunicipalityPage.objects.live().filter(
        current_lia_status_date__lt=cutoff, retired_on__isnull=True
    )


def stale_rows(user) -> list[InboxRow]:
    if not is_project_team(user):
        return []
    municipalities = (
        _stale()
        .only("pk", "title", "slug", "current_lia_status", "current_lia_status_date")
        .order_by("current_lia_status_date", "title")[:INBOX_ROW_LIMIT]
    )
    return [
        InboxRow(
            kind=_("LIA status: %(status)s") % {"status": page.get_current_lia_status_display()},
            title=page.title,
            url=reverse("municipalities:profile", args=[page.slug]) + "#record-title",
            since=page.current_lia_status_date,
        )
        for page in municipalities
    ]


def stale_count(user) -> int:
    return _stale().count() if is_project_team(user) else 0


start_sections.register(
    "municipalities-mine",
    "municipalities/includes/start_municipality.html",
    order=10,
    context=my_municipality,
)
inbox.register(
    "municipalities-stale-lia",
    _("LIA statuses older than 12 months"),
    rows=stale_rows,
    count=stale_count,
    order=50,
)
