"""What commitments adds to the menu, a municipality's profile, notifications and privacy."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from events.models import EventKind
from events.registry import event_sections
from municipalities.registry import profile_sections
from network.notifications import notification_kinds
from network.privacy import register_data_exporter
from network.registry import main_menu, start_sections
from network.roles import is_project_team

from .models import FINAL_STATUSES, Commitment, CommitmentStatus, Endorsement, Follow, Priority
from .services import stale_since

main_menu.register("commitments", _("Commitments"), "commitments:overview", order=47)


def _everyone(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


notification_kinds.register(
    "commitments.reminder",
    _("Commitments without progress in a municipality you follow or work for"),
    audience=_everyone,
)
notification_kinds.register(
    "commitments.election_summary",
    _("Before an election: what a municipality you follow promised and realised"),
    audience=_everyone,
)


def municipality_context(*, request=None, page=None, **kwargs) -> dict | None:
    """The scoreboard on the profile ('3 of 7 commitments realised'), in one query."""
    if page is None or not getattr(page, "pk", None):
        return None
    board = Commitment.objects.filter(municipality_id=page.pk).aggregate(
        total=Count("pk"),
        realised=Count("pk", filter=Q(status=CommitmentStatus.REALISED)),
        stale=Count(
            "pk",
            filter=~Q(status__in=FINAL_STATUSES) & Q(status_date__lte=stale_since()),
        ),
    )
    following = False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        following = Follow.objects.filter(user=user, municipality_id=page.pk).exists()
    return {"commitment_board": board, "commitment_following": following}


def _visitors_only(*, request=None, **kwargs) -> str | None:
    # Signed in, the section has a follow form with a CSRF token: personal, never kept.
    user = getattr(request, "user", None)
    return None if user is not None and user.is_authenticated else "visitor"


profile_sections.register(
    "commitments",
    "commitments/includes/municipality_section.html",
    order=22,
    context=municipality_context,
    cached_on=("commitments",),
    variant=_visitors_only,
    # A promise counts as stalled after a while without news: kept an hour at most.
    max_age=60 * 60,
)


def export_commitments_data(user) -> dict:
    """The municipalities a member follows and the priorities they support."""
    return {
        "follows": list(
            Follow.objects.filter(user=user).values_list("municipality__title", flat=True)
        ),
        "endorsements": [
            {"priority": title, "municipality": municipality, "date": created.isoformat()}
            for title, municipality, created in Endorsement.objects.filter(user=user).values_list(
                "priority__title", "priority__municipality__title", "created_at"
            )
        ],
    }


register_data_exporter("commitments", export_commitments_data)


def dialogue_context(*, request=None, page=None, **kwargs) -> dict | None:
    """On a dialogue moment's page: the priorities that came out of it (one query)."""
    if page is None or getattr(page, "kind", None) != EventKind.DIALOGUE:
        return None
    return {
        "dialogue_priorities": list(
            Priority.objects.filter(dialogue_id=page.pk)
            .select_related("municipality")
            .only("pk", "title", "municipality__title", "municipality__slug")
            .order_by("municipality__title", "title")
        )
    }


event_sections.register(
    "commitments", "commitments/includes/dialogue_section.html", order=10, context=dialogue_context
)


def followed_context(*, request=None, user=None, **kwargs) -> dict | None:
    """The municipalities this person follows, each with its scoreboard (one query)."""
    user = user or getattr(request, "user", None)
    # The team's start page is its inbox; it follows all municipalities on /toezeggingen/.
    if user is None or not user.is_authenticated or is_project_team(user):
        return None
    stale_before = stale_since()
    open_statuses = ~Q(municipality__commitments__status__in=FINAL_STATUSES)
    follows = list(
        Follow.objects.filter(user=user)
        .values("municipality__title", "municipality__slug")
        .annotate(
            total=Count("municipality__commitments", distinct=True),
            realised=Count(
                "municipality__commitments",
                filter=Q(municipality__commitments__status=CommitmentStatus.REALISED),
                distinct=True,
            ),
            stale=Count(
                "municipality__commitments",
                filter=open_statuses & Q(municipality__commitments__status_date__lte=stale_before),
                distinct=True,
            ),
        )
        .order_by("municipality__title")
    )
    return {"followed_municipalities": follows} if follows else None


start_sections.register(
    "commitments-follows",
    "commitments/includes/start_follows.html",
    order=45,
    context=followed_context,
)
