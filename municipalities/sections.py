"""What this app shows in its own profile place and in the team's inbox (registered in `ready`)."""

from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from network.registry import InboxRow, inbox
from network.roles import is_project_team

from .registry import profile_sections
from .route import municipality_route, route_steps, stuck_count, stuck_municipalities
from .services import can_edit_municipality, map_cache_version


def profile_route(*, request: HttpRequest | None, page, **kwargs: Any) -> dict[str, Any] | None:
    """The route as a step list on the profile, cached like the profile's history."""
    key = f"municipalities:route:{map_cache_version()}:{page.pk}"
    route = cache.get(key)
    if route is None:
        route = municipality_route(page, route_steps())
        cache.set(key, route, 60 * 10)
    if not route.total:
        return None
    user = getattr(request, "user", None)
    route_url = reverse("municipalities:route", args=[page.slug])
    if route.current is not None:
        # The form opens on the step the municipality is at now.
        route_url += f"?step={route.current.step.pk}#route-record-title"
    return {
        "route": route,
        "route_url": route_url,
        "stakeholders_url": reverse("municipalities:stakeholders", args=[page.slug]),
        "can_edit_route": user is not None and can_edit_municipality(user, page),
    }


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
    "route", "municipalities/includes/profile_route.html", order=5, context=profile_route
)
inbox.register(
    "route_stuck",
    _("Municipalities stuck on the route for more than 12 months"),
    rows=stuck_rows,
    count=stuck_inbox_count,
    order=60,
)
