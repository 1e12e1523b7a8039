"""Template tags of the forum, also used by other apps' pages through forum's own includes."""

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Topic

register = template.Library()


@register.filter
def forum_author(user) -> str:
    """The name shown for a post's or topic's author; accounts can be deleted."""
    if user is None:
        return _("deleted member")
    return user.get_full_name()


@register.simple_tag
def municipality_forum_topics(municipality, limit: int = 5) -> list[Topic]:
    """The newest active topics about a municipality, in public categories only (one query)."""
    if municipality is None or not getattr(municipality, "pk", None):
        return []
    return list(
        Topic.objects.visible()
        .filter(municipality_id=municipality.pk, category__is_public=True)
        .select_related("category")
        .only(
            "pk",
            "title",
            "last_activity_at",
            "visible_post_count",
            "category__name",
            "category__name_en",
        )
        .order_by("-last_activity_at", "-pk")[:limit]
    )


@register.filter
def forum_iso(value) -> str:
    """A datetime for <time datetime>: whole seconds, as the HTML spec allows at most three decimals."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")
