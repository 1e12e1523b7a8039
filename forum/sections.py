"""What the forum adds to the menu and to pages of the apps below it (registered in `ready`)."""

from datetime import timedelta
from typing import Any

from django.db.models import Count, Min, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from municipalities.registry import profile_sections
from network.notifications import notification_kinds
from network.privacy import register_data_exporter
from network.registry import INBOX_ROW_LIMIT, InboxRow, inbox, main_menu, start_sections
from network.roles import is_moderator, is_project_team

from .models import Flag, Post, Subscription
from .privacy import export_forum_data
from .services import FLAGGED_NOTIFICATION

main_menu.register("forum", _("Forum"), "forum:index", order=50)
profile_sections.register(
    "forum", "forum/includes/municipality_section.html", order=30, cached_on=("forum",)
)
register_data_exporter("forum", export_forum_data)


# --- the start page (/mijn-netwerk/) -----------------------------------------------------------


def _queue():
    return Post.objects.filter(
        Q(status=Post.Status.PENDING)
        | Q(flag_count__gt=0, status__in=[Post.Status.VISIBLE, Post.Status.HIDDEN])
    )


def followed_topics(*, request: HttpRequest | None, user, **kwargs: Any) -> dict | None:
    """The topics a person follows, most recently active first."""
    subscriptions = list(
        Subscription.objects.filter(user=user, topic__isnull=False)
        .select_related("topic")
        .order_by("-topic__last_activity_at")[:10]
    )
    if not subscriptions:
        return None
    return {"followed_topics": [subscription.topic for subscription in subscriptions]}


def moderation_summary(*, request: HttpRequest | None, user, **kwargs: Any) -> dict | None:
    """For moderators: how long the queue is, its oldest item, and the flags of the last day."""
    if not is_moderator(user) or is_project_team(user):
        return None  # the team sees the same posts as rows in its inbox
    queue = _queue().aggregate(size=Count("pk"), oldest=Min("created"))
    recent_flags = Flag.objects.filter(created__gte=timezone.now() - timedelta(hours=24)).count()
    return {
        "queue_size": queue["size"],
        "queue_oldest": queue["oldest"],
        "recent_flags": recent_flags,
    }


def flagged_rows(user) -> list[InboxRow]:
    if not is_moderator(user):
        return []
    posts = (
        _queue()
        .select_related("topic")
        .only("pk", "created", "status", "flag_count", "topic__title")
        .order_by("created", "pk")[:INBOX_ROW_LIMIT]
    )
    return [
        InboxRow(
            kind=_("Awaiting approval")
            if post.status == Post.Status.PENDING
            else ngettext("%(count)s flag", "%(count)s flags", post.flag_count)
            % {"count": post.flag_count},
            title=post.topic.title,
            url=reverse("forum:moderate", args=[post.pk]),
            since=post.created,
        )
        for post in posts
    ]


def flagged_count(user) -> int:
    return _queue().count() if is_moderator(user) else 0


start_sections.register(
    "forum-moderation", "forum/includes/start_moderation.html", order=20, context=moderation_summary
)
start_sections.register(
    "forum-topics", "forum/includes/start_topics.html", order=50, context=followed_topics
)
inbox.register(
    "forum-queue",
    _("Forum posts to moderate"),
    rows=flagged_rows,
    count=flagged_count,
    order=30,
)
notification_kinds.register(
    FLAGGED_NOTIFICATION, _("Posts hidden after flags"), audience=is_moderator
)
