"""The vocabularies as the search needs them: slug <-> id and labels, in one query."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.utils.translation import gettext as _
from wagtail.models import Page

from municipalities.models import MunicipalityPage
from network.models import EnglishContent
from taxonomy.models import LifeDomain, TargetGroup, Theme

from ..models.practices import PracticeKind

# Facets whose values are terms: the slug in the address, the id in the database. A
# municipality's 'slug' is its CBS code (GM0344) and its name the page title.
VOCABULARY_FACETS = {
    "kind": PracticeKind._meta.db_table,
    "theme": Theme._meta.db_table,
    "life_domain": LifeDomain._meta.db_table,
    "target_group": TargetGroup._meta.db_table,
    "municipality": MunicipalityPage._meta.db_table,
}


@dataclass(frozen=True)
class Term(EnglishContent):
    id: int
    slug: str
    name: str
    name_en: str
    article: int | None = None

    translated_fields = ("name",)

    @property
    def label(self) -> str:
        name = self.in_language("name")
        if self.article is not None:
            return _("art. %(article)s %(name)s") % {"article": self.article, "name": name}
        return name


def load_terms() -> dict[str, dict[str, Term]]:
    """{facet: {slug: Term}} for the vocabularies and municipalities, in display order."""
    parts = []
    for facet, table in VOCABULARY_FACETS.items():
        if facet == "municipality":
            parts.append(
                f"SELECT '{facet}', w.id, m.cbs_code, w.title, w.title, NULL, 0, {len(parts)} "  # noqa: S608 - names from the models
                f"FROM {table} m JOIN {Page._meta.db_table} w ON w.id = m.page_ptr_id "
                "WHERE w.live"
            )
            continue
        article = "article" if facet == "theme" else "NULL"
        order = "article" if facet == "theme" else "sort_order"
        parts.append(
            f"SELECT '{facet}', id, slug, name, name_en, {article}, {order}, {len(parts)} AS grp "  # noqa: S608 - names from the models
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
