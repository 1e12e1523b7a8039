"""The embedded engine: full-text search in the database, facets counted in one SQL query.

Both databases read the same store (PracticeSearchRow, written by `index.py`): stems made by
the same Dutch analysis, matched through a weighted tsvector on PostgreSQL or an FTS5 table
on SQLite. The best candidates are then ranked by one scorer in Python (BM25F with title and
tags above the body, phrase and proximity bonuses, recency only to break ties), so both
databases give the same order. Synonyms widen the query; a word no practice has is corrected
against the word list (pg_trgm on PostgreSQL, edit distance on SQLite).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.db.models.expressions import RawSQL
from wagtail.models import Page

from municipalities.models import MunicipalityPage, SizeClass

from ..models.practices import PracticePage
from .analysis import TOKEN, allowed_typos, damerau, word_stems, words
from .base import FACETS, Hit, SearchQuery, SearchResults, highlight
from .index import FTS, ROWS, WORDS
from .query import (
    Plan,
    build_plan,
    cached_synonyms,
    fts_query,
    join_candidates,
    joined_synonyms,
    resolve,
    score,
    tsquery,
)
from .terms import VOCABULARY_FACETS, cached_terms

# How many of the best database matches the scorer ranks again (a page beyond them keeps
# the database's order).
CANDIDATES = 120
DOCUMENTS_CACHE_KEY = "knowledge:search:documents"
# When fewer practices than this have every word, practices with some of them are shown too.
FEW = 2
M2M_FACETS = {"theme": "themes", "life_domain": "life_domains", "target_group": "target_groups"}
PAGES = PracticePage._meta.db_table
WAGTAIL_PAGES = Page._meta.db_table
PLACES = MunicipalityPage._meta.db_table
PLACES_THROUGH = PracticePage.municipalities.through._meta.db_table
# Municipality names of a hit in the same query as the hit (no prefetch round trip).
_NAMES = (
    f"(SELECT {{agg}} FROM {PLACES_THROUGH} t "  # noqa: S608 - names from the models
    f"JOIN {WAGTAIL_PAGES} w ON w.id = t.municipalitypage_id "
    f'WHERE t.practicepage_id = "{PAGES}"."page_ptr_id")'
)
MUNICIPALITY_NAMES = {
    True: _NAMES.format(agg="string_agg(w.title, ', ' ORDER BY w.title)"),
    False: _NAMES.format(agg="group_concat(w.title, ', ')"),
}
# PostgreSQL: each facet's column on the search row.
ROW_COLUMNS = {
    "kind": ("kind", "integer"),
    "theme": ("themes", "integer"),
    "life_domain": ("life_domains", "integer"),
    "target_group": ("target_groups", "integer"),
    "municipality": ("municipalities", "integer"),
    "province": ("provinces", "text"),
    "size_class": ("size_classes", "text"),
    "year": ("year", "integer"),
}
SCALAR_FACETS = ("kind", "year")


def _through(facet: str) -> tuple[str, str]:
    """The through table of a many-to-many facet and its column for the term."""
    field = getattr(PracticePage, M2M_FACETS[facet]).field
    return field.remote_field.through._meta.db_table, f"{field.m2m_reverse_field_name()}_id"


@dataclass
class Match:
    """The text part of a search: the plan, its SQL condition on rows `s`, and statistics."""

    plan: Plan
    every: bool
    frequencies: dict[str, int]
    documents: int

    @property
    def sql(self) -> tuple[str, list]:
        if connection.vendor == "postgresql":
            return "s.vector @@ CAST(%s AS tsquery)", [tsquery(self.plan, every=self.every)]
        return (
            f"s.page_id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)",  # noqa: S608
            [fts_query(self.plan, every=self.every)],
        )


def _mentions(text: str, stems: set[str]) -> bool:
    return any(not stems.isdisjoint(word_stems(w)) for w in TOKEN.findall(text))


class DatabaseEngine:
    """Search over live PracticePages with the database's own full-text search."""

    name = "database"

    def search(self, query: SearchQuery) -> SearchResults:
        terms = cached_terms()
        filters, ignored = self._resolve(query, terms)
        conditions = self._conditions(filters)
        if not query.text:
            counts, total = self._count(None, conditions, terms)
            pages = self._newest(None, conditions, query) if total > query.offset else []
            return self._results(query, pages, counts, total, ignored, terms)

        match, suggestion, complete = self._match(query.text)
        corrected = ""
        if not complete and suggestion:
            # A word no practice has: all words together find nothing, so the corrected
            # words are searched instead (and the page says so).
            corrected, suggestion = suggestion, ""
            match, _suggestion, complete = self._match(corrected)
        if match is not None and not complete:
            match = self._any(match)
        counts, total = self._count(match, conditions, terms) if match else ({}, 0)
        if match is not None and match.every and len(match.plan.slots) > 1 and total < FEW:
            # Few practices have every word: those with some of them follow, ranked lower.
            match = self._any(match)
            counts, total = self._count(match, conditions, terms)
        if total <= query.offset or match is None:
            pages: list = []
        elif query.sort == "newest":
            pages = self._newest(match, conditions, query)
        else:
            pages = self._ranked(match, conditions, query)
        results = self._results(query, pages, counts, total, ignored, terms, match)
        results.suggestion = suggestion
        results.corrected = corrected
        return results

    # -- the words ----------------------------------------------------------------------------

    def _match(self, text: str) -> tuple[Match | None, str, bool]:
        """The match for the text (None when it can find nothing), the text with unknown or
        rare words corrected ('' if none), and whether every word can be found."""
        synonyms = cached_synonyms()
        plan = build_plan(text, synonyms)
        if not plan.slots:
            return None, "", False
        joins = join_candidates(plan)
        widened = joined_synonyms(joins, synonyms)
        wanted = plan.stems() | {s for stems in joins.values() for s in stems}
        wanted |= {s for targets in widened.values() for t in targets for s in t}
        frequencies, documents = self._frequencies(wanted)
        plan = resolve(plan, frequencies, joins, widened)
        missing = [slot for slot in plan.slots if not slot.alternatives]
        rare = [
            slot
            for slot in plan.slots
            if slot.alternatives
            and slot.joinable
            and len(slot.words) == 1
            and len(slot.words[0]) >= 5
            and frequencies.get(slot.alternatives[0].stems[0], 0) <= 1
        ]
        suggestion = self._suggest(text, missing or rare, frequencies)
        usable = Plan([slot for slot in plan.slots if slot.alternatives])
        if not usable.slots:
            return None, suggestion, False
        complete = len(usable.slots) == len(plan.slots)
        return Match(usable, True, frequencies, documents), suggestion, complete

    def _any(self, match: Match) -> Match:
        return Match(match.plan, False, match.frequencies, match.documents)

    def _frequencies(self, stems: set[str]) -> tuple[dict[str, int], int]:
        """In how many live practices each stem occurs (as a word or a compound part), and
        how many live practices there are: one query."""
        stems = {s[:40] for s in stems}
        marks = ", ".join(["%s"] * len(stems)) or "NULL"
        documents = cache.get(DOCUMENTS_CACHE_KEY)
        sql = f"SELECT stem, SUM(documents) FROM {WORDS} WHERE stem IN ({marks}) GROUP BY stem"  # noqa: S608
        if documents is None:
            sql += f" UNION ALL SELECT '', COUNT(*) FROM {ROWS} WHERE live"  # noqa: S608
        frequencies: dict[str, int] = {}
        with connection.cursor() as cursor:
            cursor.execute(sql, list(stems))
            for stem, count in cursor.fetchall():
                if stem == "":
                    documents = int(count)
                    # For ranking only: a few minutes old is close enough.
                    cache.set(DOCUMENTS_CACHE_KEY, documents, timeout=300)
                else:
                    frequencies[stem] = int(count)
        return frequencies, documents or 0

    def _suggest(self, text: str, slots, frequencies: dict[str, int]) -> str:
        """The text with each unknown (or rare) word replaced by the closest word of the
        practices that is used more often."""
        replacements = {}
        for slot in slots:
            if len(slot.words) != 1 or slot.quoted:
                continue
            word = slot.words[0]
            known = slot.alternatives[0].stems[0] if slot.alternatives else ""
            best = self._closest(word, more_than=max(4 * frequencies.get(known, 0), 0))
            if best and best != word:
                replacements[word] = best
        if not replacements:
            return ""
        return " ".join(replacements.get(word, word) for word in words(text))

    def _closest(self, word: str, more_than: int = 0) -> str:
        limit = allowed_typos(word)
        if not limit or not word.isalpha():
            return ""
        if connection.vendor == "postgresql":
            sql = (
                f"SELECT word, documents FROM {WORDS} WHERE word %% %s "  # noqa: S608
                "AND word NOT LIKE '+%%' ORDER BY similarity(word, %s) DESC, documents DESC "
                "LIMIT 12"
            )
            params = [word, word]
        else:
            sql = (
                f"SELECT word, documents FROM {WORDS} WHERE length(word) BETWEEN %s AND %s "  # noqa: S608
                "AND word NOT LIKE '+%%'"
            )
            params = [len(word) - limit, len(word) + limit]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            candidates = cursor.fetchall()
        best: tuple[int, int, str] | None = None
        for candidate, documents in candidates:
            distance = damerau(word, candidate, limit + 1)
            if documents <= more_than:
                continue
            if distance <= limit and (best is None or (distance, -documents) < best[:2]):
                best = (distance, -documents, candidate)
        return best[2] if best else ""

    # -- filters ------------------------------------------------------------------------------

    def _resolve(self, query: SearchQuery, terms) -> tuple[dict[str, list], dict[str, list[str]]]:
        """Selected values as database values; values nobody knows are set aside."""
        filters: dict[str, list] = {}
        ignored: dict[str, list[str]] = {}
        for facet, values in query.filters.items():
            known: list = []
            for value in values:
                if facet in VOCABULARY_FACETS:
                    term = terms[facet].get(value)
                    resolved = term.id if term else None
                elif facet == "size_class":
                    resolved = value if value in SizeClass.values else None
                elif facet == "year":
                    resolved = int(value) if value.isdigit() and len(value) == 4 else None
                else:
                    resolved = value if len(value) <= 50 and "\x00" not in value else None
                if resolved is None:
                    ignored.setdefault(facet, []).append(value)
                else:
                    known.append(resolved)
            if known:
                filters[facet] = known
        return filters, ignored

    def _conditions(self, filters: dict[str, list]) -> dict[str, tuple[str, list]]:
        """One SQL condition on a search row (alias s) per selected facet: OR within it."""
        conditions = {}
        postgres = connection.vendor == "postgresql"
        for facet, values in filters.items():
            column, cast = ROW_COLUMNS[facet]
            marks = ", ".join(["%s"] * len(values))
            if facet in SCALAR_FACETS:
                sql = f"s.{column} IN ({marks})"
            elif postgres:
                sql = f"s.{column} && CAST(ARRAY[{marks}] AS {cast}[])"
            elif facet in M2M_FACETS:
                table, term = _through(facet)
                sql = (
                    f"EXISTS (SELECT 1 FROM {table} f WHERE f.practicepage_id = s.page_id "  # noqa: S608
                    f"AND f.{term} IN ({marks}))"
                )
            elif facet == "municipality":
                sql = (
                    f"EXISTS (SELECT 1 FROM {PLACES_THROUGH} f WHERE "  # noqa: S608
                    f"f.practicepage_id = s.page_id AND f.municipalitypage_id IN ({marks}))"
                )
            else:
                sql = (
                    f"EXISTS (SELECT 1 FROM {PLACES_THROUGH} f JOIN {PLACES} mp "  # noqa: S608
                    "ON mp.page_ptr_id = f.municipalitypage_id "
                    f"WHERE f.practicepage_id = s.page_id AND mp.{facet} IN ({marks}))"
                )
            conditions[facet] = (sql, list(values))
        return conditions

    @staticmethod
    def _where(conditions, skip: str = "") -> tuple[str, list]:
        chosen = [c for facet, c in conditions.items() if facet != skip]
        params = [value for _sql, values in chosen for value in values]
        return " AND ".join(["1 = 1", *(sql for sql, _values in chosen)]), params

    # -- counting -----------------------------------------------------------------------------

    def _count(self, match: Match | None, conditions, terms):
        """Every facet's counts (each without its own filter) and the total, in one query:
        the matching rows once into a materialised set, then grouped per facet."""
        postgres = connection.vendor == "postgresql"
        where_match, params = "s.live", []
        if match is not None:
            sql, values = match.sql
            where_match += f" AND {sql}"
            params += values
        parts: list[str] = []
        for facet in FACETS:
            column, _cast = ROW_COLUMNS[facet]
            where, values = self._where(conditions, skip=facet)
            params += values
            if facet in SCALAR_FACETS:
                parts.append(
                    f"SELECT '{facet}', CAST(s.{column} AS TEXT), COUNT(*) FROM m s "  # noqa: S608
                    f"WHERE s.{column} IS NOT NULL AND {where} GROUP BY s.{column}"
                )
            elif postgres:
                parts.append(
                    f"SELECT '{facet}', CAST(v AS TEXT), COUNT(*) FROM m s "  # noqa: S608
                    f"CROSS JOIN LATERAL unnest(s.{column}) AS v WHERE {where} GROUP BY v"
                )
            elif facet in M2M_FACETS:
                table, term = _through(facet)
                parts.append(
                    f"SELECT '{facet}', CAST(t.{term} AS TEXT), COUNT(*) FROM m s "  # noqa: S608
                    f"JOIN {table} t ON t.practicepage_id = s.page_id "
                    f"WHERE {where} GROUP BY t.{term}"
                )
            elif facet == "municipality":
                parts.append(
                    f"SELECT '{facet}', CAST(t.municipalitypage_id AS TEXT), COUNT(*) FROM m s "  # noqa: S608
                    f"JOIN {PLACES_THROUGH} t ON t.practicepage_id = s.page_id "
                    f"WHERE {where} GROUP BY t.municipalitypage_id"
                )
            else:
                parts.append(
                    f"SELECT '{facet}', mp.{facet}, COUNT(DISTINCT s.page_id) FROM m s "  # noqa: S608
                    f"JOIN {PLACES_THROUGH} t ON t.practicepage_id = s.page_id "
                    f"JOIN {PLACES} mp ON mp.page_ptr_id = t.municipalitypage_id "
                    f"WHERE {where} GROUP BY mp.{facet}"
                )
        where, values = self._where(conditions)
        params += values
        parts.append(f"SELECT '_total', '', COUNT(*) FROM m s WHERE {where}")  # noqa: S608
        if postgres:
            columns = ", ".join(
                dict.fromkeys(["page_id", *(column for column, _c in ROW_COLUMNS.values())])
            )
        else:
            columns = "page_id, kind, year"
        sql = (
            f"WITH m AS MATERIALIZED (SELECT {columns} FROM {ROWS} s WHERE {where_match}) "  # noqa: S608
            + " UNION ALL ".join(parts)
        )
        by_id = {
            facet: {str(term.id): slug for slug, term in terms[facet].items()}
            for facet in VOCABULARY_FACETS
        }
        counts: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
        total = 0
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for facet, value, count in cursor.fetchall():
                if facet == "_total":
                    total = count
                elif facet in by_id:
                    if value in by_id[facet]:
                        counts[facet][by_id[facet][value]] = count
                elif value:
                    counts[facet][value] = count
        return counts, total

    # -- the page of hits ---------------------------------------------------------------------

    _NEWEST = "s.year DESC NULLS LAST, s.first_published_at DESC, s.page_id DESC"

    def _newest(self, match: Match | None, conditions, query: SearchQuery) -> list:
        where, params = self._where(conditions)
        match_sql, match_params = match.sql if match is not None else ("1 = 1", [])
        sql = (
            f"SELECT s.page_id FROM {ROWS} s WHERE s.live AND {match_sql} AND {where} "  # noqa: S608
            f"ORDER BY {self._NEWEST} LIMIT %s OFFSET %s"
        )
        return self._pages(sql, [*match_params, *params, query.page_size, query.offset])

    def _ranked(self, match: Match, conditions, query: SearchQuery) -> list:
        """The best candidates by the database's rank, ranked again by the scorer; a page
        beyond the candidates keeps the database's order."""
        where, params = self._where(conditions)
        match_sql, match_params = match.sql
        if connection.vendor == "postgresql":
            rank_sql = "ts_rank('{0.1, 0.3, 0.6, 1.0}', s.vector, CAST(%s AS tsquery))"
            rank_params = match_params
            order = f"{rank_sql} DESC, {self._NEWEST}"
            source = f"{ROWS} s"
            condition = f"s.live AND {match_sql} AND {where}"
            params = [*match_params, *params, *rank_params]
        else:
            order = f"bm25({FTS}, 10.0, 6.0, 3.0, 1.0), {self._NEWEST}"
            source = f"{FTS} JOIN {ROWS} s ON s.page_id = {FTS}.rowid"
            condition = f"{FTS} MATCH %s AND s.live AND {where}"
            params = [*match_params, *params]
        end = query.offset + query.page_size
        if end > CANDIDATES:
            sql = (
                f"SELECT s.page_id FROM {source} WHERE {condition} "  # noqa: S608
                f"ORDER BY {order} LIMIT %s OFFSET %s"
            )
            return self._pages(sql, [*params, query.page_size, query.offset])
        sql = (
            f"SELECT s.page_id, s.terms, s.year, s.first_published_at FROM {source} "  # noqa: S608
            f"WHERE {condition} ORDER BY {order} LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, CANDIDATES])
            rows = cursor.fetchall()
        scored = []
        for page_id, terms, year, published in rows:
            value = score(terms, match.plan, match.frequencies, match.documents)
            scored.append((round(value, 6), year or 0, str(published or ""), page_id))
        scored.sort(reverse=True)
        chosen = scored[query.offset : end]
        pages = self._fetch([row[3] for row in chosen])
        for page, row in zip(pages, chosen, strict=True):
            page.rank = row[0]
        return pages

    def _pages(self, sql: str, params: list) -> list:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            ids = [row[0] for row in cursor.fetchall()]
        return self._fetch(ids)

    def _fetch(self, ids: list[int]) -> list:
        """The pages of these ids, in this order, with their municipality names (one query)."""
        if not ids:
            return []
        pages = {
            page.pk: page
            for page in PracticePage.objects.filter(pk__in=ids)
            .select_related("kind")
            .annotate(
                municipality_names=RawSQL(  # noqa: S611 - fixed SQL, no input
                    MUNICIPALITY_NAMES[connection.vendor == "postgresql"], []
                )
            )
        }
        return [pages[pk] for pk in ids if pk in pages]

    def _results(self, query, pages, counts, total, ignored, terms, match=None):
        stems = match.plan.stems() if match is not None else set()
        hits = [
            Hit(
                page=page,
                snippet=highlight(self._snippet_source(page, stems), query.text, stems=stems),
                score=float(getattr(page, "rank", 0.0) or 0.0),
            )
            for page in pages
        ]
        for facet in FACETS:
            counts.setdefault(facet, {})
        return SearchResults(
            query=query,
            hits=hits,
            facets=counts,
            total=total,
            engine=self.name,
            ignored=ignored,
            terms=terms,
        )

    @staticmethod
    def _snippet_source(page: PracticePage, stems: set[str]) -> str:
        """The summary, unless only the longer text holds the query words."""
        if not stems or _mentions(page.summary, stems):
            return page.summary
        document = page.search_document or ""
        return document if _mentions(document, stems) else page.summary
