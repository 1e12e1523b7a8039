"""The embedded engine: full-text search in the database, facets counted from bitsets.

Both databases read the same store (PracticeSearchRow, written by `index.py`): stems made by
the same Dutch analysis, matched through a weighted tsvector on PostgreSQL or an FTS5 table
on SQLite. The best candidates are then ranked by one scorer in Python (BM25F with title and
tags above the body, phrase and proximity bonuses, recency only to break ties), so both
databases give the same order. Synonyms widen the query; a word no practice has is corrected
against the word list (pg_trgm on PostgreSQL, edit distance on SQLite).

The database answers which practices match the words (one query, remembered per process until
the next write); the facet counts, the filters and the newest-first order come from the
bitsets of `facets.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from django.core.cache import cache
from django.db import connection
from django.db.models.expressions import RawSQL
from wagtail.models import Page

from municipalities.models import SizeClass

from ..models.practices import PracticePage
from .analysis import TOKEN, allowed_typos, damerau, word_stems, words
from .base import FACETS, Hit, SearchQuery, SearchResults, highlight
from .facets import NEWEST, FacetIndex, facet_index
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
PAGES = PracticePage._meta.db_table
WAGTAIL_PAGES = Page._meta.db_table
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
        facets = facet_index()
        selected = facets.selection(filters)
        if not query.text:
            counts, total, hits = facets.count(facets.everything, selected)
            pages = self._fetch(facets.newest(hits, query.offset, query.page_size))
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
        ranked = query.sort != "newest"
        ordered, counts, total, hits = self._matches(match, facets, selected, ranked)
        if match is not None and match.every and len(match.plan.slots) > 1 and total < FEW:
            # Few practices have every word: those with some of them follow, ranked lower.
            match = self._any(match)
            ordered, counts, total, hits = self._matches(match, facets, selected, ranked)
        if total <= query.offset or match is None:
            pages: list = []
        elif not ranked:
            pages = self._fetch(facets.newest(hits, query.offset, query.page_size))
        else:
            # Without filters every match is a hit; with them, the hits keep the rank order.
            allowed = facets.contains(hits) if selected else None
            pages = self._ranked(match, ordered, allowed, query)
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

    # -- matching and counting --------------------------------------------------------------

    def _matches(self, match: Match | None, facets: FacetIndex, selected, ranked: bool):
        """The matching practices (best first when ranked), every facet's counts among them
        (each without its own filter), the total and the hits as a bitset: one query."""
        if match is None:
            return [], {}, 0, 0
        words = match.sql[1][0]
        if not ranked and facets.remembers((words, True)):
            ranked = True  # the same practices, in an order the caller does not need
        ordered, matched = facets.matching((words, ranked), lambda: self._matching(match, ranked))
        counts, total, hits = facets.count(matched, selected)
        return ordered, counts, total, hits

    def _matching(self, match: Match, ranked: bool) -> list[int]:
        """The ids of the live practices that match, best first by the database's rank when
        `ranked` (newest first among equals)."""
        match_sql, match_params = match.sql
        if connection.vendor == "postgresql":
            order = ""
            params = match_params
            if ranked:
                order = (
                    " ORDER BY ts_rank('{0.1, 0.3, 0.6, 1.0}', s.vector, CAST(%s AS tsquery)) "
                    f"DESC, {NEWEST}"
                )
                params = [*match_params, *match_params]
            # One array instead of a row per practice: a broad word matches thousands.
            sql = f"SELECT array_agg(s.page_id{order}) FROM {ROWS} s WHERE s.live AND {match_sql}"  # noqa: S608
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return list(cursor.fetchone()[0] or [])
        if ranked:
            # The same FTS query as `match.sql`, joined so that bm25 can rank it.
            sql = (
                f"SELECT s.page_id FROM {FTS} JOIN {ROWS} s ON s.page_id = {FTS}.rowid "  # noqa: S608
                f"WHERE {FTS} MATCH %s AND s.live "
                f"ORDER BY bm25({FTS}, 10.0, 6.0, 3.0, 1.0), {NEWEST}"
            )
        else:
            sql = f"SELECT s.page_id FROM {ROWS} s WHERE s.live AND {match_sql}"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, match_params)
            return [row[0] for row in cursor.fetchall()]

    # -- the page of hits ---------------------------------------------------------------------

    def _ranked(
        self, match: Match, ordered: Sequence[int], allowed: set[int] | None, query
    ) -> list:
        """The best candidates by the database's rank, ranked again by the scorer; a page
        beyond the candidates keeps the database's order."""
        end = query.offset + query.page_size
        wanted = max(end, CANDIDATES)
        if allowed is None:
            candidates = list(ordered[:wanted])
        else:
            candidates = list(islice((i for i in ordered if i in allowed), wanted))
        if end > CANDIDATES:
            return self._fetch(candidates[query.offset : end])
        chosen_ids = candidates[:CANDIDATES]
        if not chosen_ids:
            return []
        marks = ", ".join(["%s"] * len(chosen_ids))
        sql = (
            f"SELECT s.page_id, s.terms, s.year, s.first_published_at FROM {ROWS} s "  # noqa: S608
            f"WHERE s.page_id IN ({marks})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, chosen_ids)
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

    def _fetch(self, ids: list[int]) -> list:
        """The pages of these ids, in this order, with their municipality names (one query)."""
        if not ids:
            return []
        pages = {
            page.pk: page
            for page in PracticePage.objects.filter(pk__in=ids)
            .select_related("kind")
            # A hit shows its title, summary and facts: the descriptions stay in the database.
            .defer("body", "body_en")
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
        facets = {facet: dict(counts.get(facet, {})) for facet in FACETS}
        for facet in VOCABULARY_FACETS:
            # Counted by term id; the page speaks of slugs.
            slugs = {str(term.id): slug for slug, term in terms[facet].items()}
            facets[facet] = {slugs[v]: n for v, n in facets[facet].items() if v in slugs}
        return SearchResults(
            query=query,
            hits=hits,
            facets=facets,
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
