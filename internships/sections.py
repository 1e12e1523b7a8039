"""What the internships show elsewhere: the municipality profile, the team's inbox, my data."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from municipalities.registry import profile_sections
from network.registry import InboxRow, inbox
from network.roles import is_project_team

from .models import Application, ApplicationStatus, InternshipOffer


def municipality_offers(*, request: HttpRequest | None, page, **kwargs: Any) -> dict | None:
    offers = list(
        InternshipOffer.objects.filter(
            municipality=page, is_open=True, end__gte=timezone.localdate()
        ).order_by("start", "pk")
    )
    if not offers:
        return None
    return {"internship_offers": offers}


def _new_applications():
    return Application.objects.filter(status=ApplicationStatus.RECEIVED)


def inbox_rows(user) -> list[InboxRow]:
    if not is_project_team(user):
        return []
    return [
        InboxRow(
            kind=_("Internship application"),
            title=f"{application.offer.title} ({application.offer.municipality.title})",
            url=reverse("internships:detail", args=[application.offer_id]),
            since=application.created_at,
        )
        for application in _new_applications()
        .select_related("offer__municipality")
        .order_by("created_at")
    ]


def inbox_count(user) -> int:
    if not is_project_team(user):
        return 0
    return _new_applications().count()


def export_applications(user) -> list[dict]:
    return [
        {
            "internship": a.offer.title,
            "municipality": a.offer.municipality.title,
            "motivation": a.motivation,
            "accommodations": a.needs,
            "other_accommodations": a.needs_other,
            "needs_consent": a.needs_consent,
            "status": a.status,
            "applied_at": a.created_at.isoformat(),
        }
        for a in Application.objects.filter(applicant=user).select_related("offer__municipality")
    ]


profile_sections.register(
    "internships",
    "internships/includes/municipality_section.html",
    order=45,
    context=municipality_offers,
    # Open offers end by date: kept five minutes at most.
    cached_on=("internships",),
    max_age=5 * 60,
)
inbox.register(
    "internships", _("New internship applications"), rows=inbox_rows, count=inbox_count, order=60
)
