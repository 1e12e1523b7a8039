"""What the matchcentrum shows on pages of the apps below it (registered in `ready`)."""

from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knowledge.registry import practice_sections
from municipalities.registry import profile_sections
from municipalities.services import official_municipality_ids as member_municipality_ids
from network.notifications import notification_kinds
from network.privacy import register_data_exporter
from network.registry import INBOX_ROW_LIMIT, InboxRow, inbox, main_menu, start_sections
from network.registry import profile_sections as account_sections
from network.roles import is_project_team

from .models import Match, MatchRequest, MatchState
from .privacy import export_match_requests
from .services import NEW_REQUEST_NOTIFICATION


def practice_contact_links(*, request: HttpRequest | None, page, **kwargs: Any) -> dict | None:
    """A prefilled match request per municipality behind a practice ('learn from them')."""
    municipalities = getattr(page, "live_municipalities", None)
    if not municipalities:
        return None
    base = reverse("matchcentrum:request_create")
    return {
        "contact_links": [
            (
                municipality,
                f"{base}?{urlencode({'practice': page.pk, 'municipality': municipality.pk})}",
            )
            for municipality in municipalities
        ]
    }


profile_sections.register(
    "matchcentrum",
    "matchcentrum/includes/municipality_section.html",
    order=40,
    cached_on=("matchcentrum", "municipalities", "knowledge", "taxonomy"),
)
account_sections.register("matchcentrum", "matchcentrum/includes/profile_section.html", order=10)
practice_sections.register(
    "matchcentrum",
    "matchcentrum/includes/practice_section.html",
    context=practice_contact_links,
    cached_on=("knowledge", "municipalities"),
)
register_data_exporter("matchcentrum", export_match_requests)


# --- the start page (/mijn-netwerk/) -----------------------------------------------------------

UNANSWERED_AFTER = timedelta(days=14)


def my_matchcentrum(*, request: HttpRequest | None, user, **kwargs: Any) -> dict | None:
    """An official's match requests and the matches their municipality takes part in."""
    ids = member_municipality_ids(user)
    if not ids:
        return None
    requests = list(
        MatchRequest.objects.filter(municipality_id__in=ids)
        .select_related("municipality")
        .order_by("-created_at")[:10]
    )
    matches = list(
        Match.objects.filter(
            Q(asking_municipality_id__in=ids) | Q(offering_municipality_id__in=ids)
        )
        .select_related("asking_municipality", "offering_municipality")
        .order_by("-created_at")[:10]
    )
    return {"my_requests": requests, "my_matches": matches}


def _new_requests():
    return MatchRequest.objects.filter(status=MatchRequest.Status.OPEN, matches__isnull=True)


def new_request_rows(user) -> list[InboxRow]:
    if not is_project_team(user):
        return []
    requests = _new_requests().select_related("municipality").order_by("created_at", "pk")
    return [
        InboxRow(
            kind=_("New match request"),
            title=match_request.municipality.title,
            url=reverse("matchcentrum:request_detail", args=[match_request.pk]),
            since=match_request.created_at,
        )
        for match_request in requests[:INBOX_ROW_LIMIT]
    ]


def new_request_count(user) -> int:
    return _new_requests().count() if is_project_team(user) else 0


def _unanswered():
    return Match.objects.filter(
        state=MatchState.PROPOSED, created_at__lt=timezone.now() - UNANSWERED_AFTER
    )


def unanswered_rows(user) -> list[InboxRow]:
    if not is_project_team(user):
        return []
    matches = _unanswered().select_related("asking_municipality", "offering_municipality")
    return [
        InboxRow(
            kind=_("Proposal without an answer for 14 days"),
            title=f"{match.asking_municipality.title} – {match.offering_municipality.title}",
            url=reverse("matchcentrum:match_detail", args=[match.pk]),
            since=match.created_at,
        )
        for match in matches.order_by("created_at", "pk")[:INBOX_ROW_LIMIT]
    ]


def unanswered_count(user) -> int:
    return _unanswered().count() if is_project_team(user) else 0


start_sections.register(
    "matchcentrum-mine",
    "matchcentrum/includes/start_section.html",
    order=30,
    context=my_matchcentrum,
)
inbox.register(
    "matchcentrum-new-requests",
    _("New match requests"),
    rows=new_request_rows,
    count=new_request_count,
    order=10,
)
inbox.register(
    "matchcentrum-unanswered",
    _("Proposals without an answer"),
    rows=unanswered_rows,
    count=unanswered_count,
    order=20,
)


def _is_team(request: HttpRequest) -> bool:
    return is_project_team(request.user)


def _is_linked_official(request: HttpRequest) -> bool:
    return not is_project_team(request.user) and bool(member_municipality_ids(request.user))


# The team works from the list of requests, an official from their municipality's page.
main_menu.register(
    "matchcentrum", _("Matchcentrum"), "matchcentrum:index", order=60, visible=_is_team
)
main_menu.register(
    "matchcentrum-mine",
    _("Matchcentrum"),
    "matchcentrum:mine",
    order=60,
    visible=_is_linked_official,
)

notification_kinds.register(
    NEW_REQUEST_NOTIFICATION, _("New match requests"), audience=is_project_team
)
