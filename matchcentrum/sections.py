"""What the matchcentrum shows on pages of the apps below it (registered in `ready`)."""

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse

from knowledge.registry import practice_sections
from municipalities.registry import profile_sections
from network.privacy import register_data_exporter
from network.registry import profile_sections as account_sections

from .privacy import export_match_requests


def practice_contact_links(
    *, request: HttpRequest | None, page, municipality_list=(), **kwargs: Any
) -> dict[str, Any] | None:
    """A prefilled match request per municipality behind a practice ('learn from them')."""
    if not municipality_list:
        return None
    base = reverse("matchcentrum:request_create")
    return {
        "contact_links": [
            (
                municipality,
                f"{base}?{urlencode({'practice': page.pk, 'municipality': municipality.pk})}",
            )
            for municipality in municipality_list
        ]
    }


profile_sections.register(
    "matchcentrum", "matchcentrum/includes/municipality_section.html", order=40
)
account_sections.register("matchcentrum", "matchcentrum/includes/profile_section.html", order=10)
practice_sections.register(
    "matchcentrum", "matchcentrum/includes/practice_section.html", context=practice_contact_links
)
register_data_exporter("matchcentrum", export_match_requests)
