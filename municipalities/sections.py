"""What the municipalities app shows on the start page and in the team's inbox."""

from datetime import timedelta
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.registry import INBOX_ROW_LIMIT, InboxRow, inbox, start_sections
from network.roles import MUNICIPAL_OFFICIAL, has_role, is_project_team

from .models import MunicipalityPage

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
