"""Template tags other pages use to show practices: the municipality profile and the home page."""

from django import template
from django.db.models import Prefetch

from knowledge.models import LIST_FIELDS, PracticePage
from municipalities.models import MunicipalityPage

register = template.Library()


@register.simple_tag
def municipality_practices(municipality, limit: int = 20) -> list[PracticePage]:
    """A municipality's published practices, newest first (one query)."""
    if municipality is None or not getattr(municipality, "pk", None):
        return []
    return list(
        PracticePage.objects.live()
        .filter(municipalities=municipality)
        .select_related("kind")
        .only(*LIST_FIELDS)
        .order_by("-year", "-first_published_at", "-pk")[:limit]
    )


@register.simple_tag
def newest_practices(limit: int = 3) -> list[PracticePage]:
    """The newest published practices, with their municipalities (two queries)."""
    return list(
        PracticePage.objects.live()
        .select_related("kind")
        .only(*LIST_FIELDS)
        .prefetch_related(
            Prefetch("municipalities", queryset=MunicipalityPage.objects.only("id", "title"))
        )
        .order_by("-first_published_at", "-pk")[:limit]
    )


@register.filter
def library_url(practice_url: str) -> str:
    """The library's address from one of its practices' addresses, without a query."""
    return practice_url.rstrip("/").rsplit("/", 1)[0] + "/"
