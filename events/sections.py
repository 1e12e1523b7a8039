"""What the agenda shows on pages of the apps below it (registered in `ready`)."""

from typing import Any

from django.http import HttpRequest

from municipalities.registry import profile_sections
from network.registry import home_sections

from .models import LiaPresentation

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


home_sections.register("events", "events/includes/home_section.html", order=10)
home_sections.register(
    "lia_presentations",
    "events/includes/lia_presentations_home.html",
    order=15,
    context=latest_presentations,
)
profile_sections.register("events", "events/includes/municipality_section.html", order=20)
profile_sections.register(
    "lia_presentations",
    "events/includes/lia_presentations_municipality.html",
    order=21,
    context=municipality_presentations,
)
