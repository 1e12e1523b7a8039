"""The vocabularies as the search needs them: slug <-> id and labels, in one query."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from taxonomy.models import LifeDomain, TargetGroup, Theme

from ..models import PracticeKind

VOCABULARY_FACETS = {
    "kind": PracticeKind,
    "theme": Theme,
    "life_domain": LifeDomain,
    "target_group": TargetGroup,
}


@dataclass(frozen=True)
class Term:
    id: int
    slug: str
    name: str
    name_en: str
    article: int | None = None

    @property
    def label(self) -> str:
        name = self.name_en if get_language() == "en" and self.name_en else self.name
        if self.article is not None:
            return _("art. %(article)s %(name)s") % {"article": self.article, "name": name}
        return name


def load_terms() -> dict[str, dict[str, Term]]:
    """{facet: {slug: Term}} for the four vocabularies, in their display order."""
    parts = []
    for facet, model in VOCABULARY_FACETS.items():
        table = model._meta.db_table
        article = "article" if facet == "theme" else "NULL"
        order = "article" if facet == "theme" else "sort_order"
        parts.append(
            f"SELECT '{facet}', id, slug, name, name_en, {article}, {order}, {len(parts)} AS grp "  # noqa: S608 - fixed table names
            f"FROM {table}"
        )
    sql = " UNION ALL ".join(parts) + " ORDER BY 8, 7, 4"
    terms: dict[str, dict[str, Term]] = {facet: {} for facet in VOCABULARY_FACETS}
    with connection.cursor() as cursor:
        cursor.execute(sql)
        for facet, pk, slug, name, name_en, article, _order, _grp in cursor.fetchall():
            terms[facet][slug] = Term(pk, slug, name, name_en, article)
    return terms


CACHE_KEY = "knowledge:terms:v1"


def cached_terms() -> dict[str, dict[str, Term]]:
    """load_terms() through the cache; saving or deleting a term clears it (see signals)."""
    terms = cache.get(CACHE_KEY)
    if terms is None:
        terms = load_terms()
        cache.set(CACHE_KEY, terms, timeout=3600)
    return terms


def clear_terms_cache() -> None:
    cache.delete(CACHE_KEY)
