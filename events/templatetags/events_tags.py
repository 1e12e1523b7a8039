"""Template tags of the agenda, also used by the home page and the municipality profiles."""

from django import template
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from ..models import EventIndexPage, EventPage, EventScope

register = template.Library()

LIST_FIELDS = (
    "id",
    "title",
    "title_en",
    "slug",
    "url_path",
    "path",
    "depth",
    "start",
    "end",
    "format",
    "scope",
    "province",
)


@register.simple_tag
def event_when(event: EventPage) -> str:
    """'Tuesday 3 March 2026, 10:00–16:00', or a range over several days."""
    start = timezone.localtime(event.start)
    end = timezone.localtime(event.end)
    if start.date() == end.date():
        return f"{date_format(start, 'l j F Y')}, {start:%H:%M}–{end:%H:%M}"
    return (
        f"{date_format(start, 'l j F Y')} {start:%H:%M} – {date_format(end, 'l j F Y')} {end:%H:%M}"
    )


@register.simple_tag
def home_upcoming_events(limit: int = 3) -> list[EventPage]:
    """The next few events for the home page, in one query."""
    return list(
        EventPage.objects.live()
        .filter(end__gt=timezone.now())
        .order_by("start", "pk")
        .only(*LIST_FIELDS)[:limit]
    )


@register.simple_tag
def municipality_events(page, limit: int = 5) -> list[EventPage]:
    """Coming events of a municipality: those it takes part in, and regional ones in its province."""
    if page is None or not getattr(page, "pk", None):
        return []
    condition = Q(municipalities=page)
    province = getattr(page, "province_code", "")
    if province:
        condition |= Q(scope=EventScope.REGIONAL, province=province)
    ids = EventPage.objects.live().filter(condition, end__gt=timezone.now()).values("pk")
    # A subquery instead of distinct(): the M2M join can repeat an event.
    return list(
        EventPage.objects.filter(pk__in=ids).order_by("start", "pk").only(*LIST_FIELDS)[:limit]
    )


@register.simple_tag(takes_context=True)
def subpage_url(context, page, name: str) -> str:
    """The URL of one of a routable page's routes, e.g. the month view of the agenda."""
    return page.get_url(context.get("request")) + page.reverse_subpage(name)


@register.simple_tag(takes_context=True)
def agenda_url(context, route: str = "index_route") -> str:
    """The agenda's address (or one of its routes), for links from other pages."""
    index = EventIndexPage.objects.live().only("id", "url_path", "path", "depth").first()
    if index is None:
        return ""
    url = index.get_url(context.get("request"))
    return url + (index.reverse_subpage(route) if route != "index_route" else "")
