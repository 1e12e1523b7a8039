"""The embedded engine: full-text search in the database, facets counted in one SQL query.

On PostgreSQL a stored, weighted tsvector with the 'dutch' configuration (so plural and
singular match), read with the live flag and every facet as arrays from one narrow row per
practice (PracticeSearchRow, GIN indexes); elsewhere (SQLite) Wagtail's modelsearch index.
"""

from __future__ import annotations

import functools
import re

from django.contrib.postgres.search import SearchQuery as PgQuery
from django.contrib.postgres.search import SearchRank
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Case, F, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from municipalities.models import SizeClass

from ..models import PracticePage, PracticeSearchRow
from .base import FACETS, Hit, SearchQuery, SearchResults, highlight
from .terms import VOCABULARY_FACETS, cached_terms

# Municipality names of a hit in the same query as the hit (no prefetch round trip).
_NAMES = (
    "(SELECT {agg} FROM knowledge_practicepage_municipalities t "
    "JOIN wagtailcore_page w ON w.id = t.municipalitypage_id "
    'WHERE t.practicepage_id = "knowledge_practicepage"."page_ptr_id")'
)
MUNICIPALITY_NAMES = {
    True: _NAMES.format(agg="string_agg(w.title, ', ' ORDER BY w.title)"),
    False: _NAMES.format(agg="group_concat(w.title, ', ')"),
}
M2M_FACETS = {"theme": "themes", "life_domain": "life_domains", "target_group": "target_groups"}
# PostgreSQL: the narrow search rows and each facet's column (with its array element type).
ROWS = PracticeSearchRow._meta.db_table
ROW_COLUMNS = {
    "kind": ("kind", "integer"),
    "theme": ("themes", "integer"),
    "life_domain": ("life_domains", "integer"),
    "target_group": ("target_groups", "integer"),
    "province": ("provinces", "text"),
    "size_class": ("size_classes", "text"),
    "year": ("year", "integer"),
}


def dutch_variants(text: str) -> list[str]:
    """One tsquery group per word with its plural/singular forms: the Dutch snowball stemmer
    leaves 'stembureaus' alone (an s after a vowel), so both forms are asked for."""
    groups = []
    for word in re.findall(r"\w+", text.lower())[:20]:
        forms = {word}
        if len(word) > 4:
            forms.add(word + "s")
            if word.endswith("s"):
                forms.add(word[:-1])
            if word.endswith("en"):
                forms.add(word[:-2])
        groups.append("(" + " | ".join(sorted(forms)) + ")")
    return groups


def _through(facet: str) -> tuple[str, str]:
    """The through table of a many-to-many facet and its column for the term."""
    field = getattr(PracticePage, M2M_FACETS[facet]).field
    return field.remote_field.through._meta.db_table, f"{field.m2m_reverse_field_name()}_id"


@functools.cache
def _modelsearch_backend():
    """One backend per process: it checks its tables once, not on every search."""
    from wagtail.search.backends import get_search_backend

    return get_search_backend()


class DatabaseEngine:
    """Search over live PracticePages with the database's own full-text search."""

    name = "database"

    def search(self, query: SearchQuery) -> SearchResults:
        terms = cached_terms()
        filters, ignored = self._resolve(query, terms)
        if connection.vendor == "postgresql":
            return self._search_postgres(query, filters, ignored, terms)
        base = PracticePage.objects.live()
        ranking: dict[int, float] | None = None
        rank = None
        if query.text:
            if connection.vendor == "postgresql":
                base, rank = self._match_postgres(base, query.text)
            else:
                ranking = self._match_modelsearch(base, query.text)
                base = base.filter(pk__in=list(ranking))

        matching = self._apply(base, filters)
        counts, total = self._count(base, filters, terms)

        pages = self._page(matching, query, rank=rank, ranking=ranking)
        return self._results(query, pages, counts, total, ignored, terms, ranking)

    def _results(self, query, pages, counts, total, ignored, terms, ranking=None):
        hits = [
            Hit(
                page=page,
                snippet=highlight(self._snippet_source(page, query.text), query.text),
                score=float(getattr(page, "rank", 0.0) or (ranking or {}).get(page.pk, 0.0)),
            )
            for page in pages
        ]
        return SearchResults(
            query=query,
            hits=hits,
            facets=counts,
            total=total,
            engine=self.name,
            ignored=ignored,
            terms=terms,
        )

    # -- PostgreSQL: the narrow search rows -------------------------------------------------

    def _search_postgres(self, query: SearchQuery, filters, ignored, terms) -> SearchResults:
        """Match, filter, count and rank on PracticeSearchRow (narrow, arrays with GIN
        indexes); only the page of hits reads the wide practice table."""
        tsquery = None
        if query.text:
            groups = dutch_variants(query.text)
            if not groups:
                empty = {facet: {} for facet in FACETS}
                return self._results(query, [], empty, 0, ignored, terms)
            tsquery = " & ".join(groups)
            if len(groups) > 1:
                # All words when some practice has them all (a cheap index probe), otherwise
                # any word, ranked.
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"SELECT EXISTS (SELECT 1 FROM {ROWS} s WHERE s.live "  # noqa: S608
                        "AND s.vector @@ to_tsquery('dutch', %s))",
                        [tsquery],
                    )
                    if not cursor.fetchone()[0]:
                        tsquery = " | ".join(groups)
        conditions = self._row_conditions(filters)
        counts, total = self._count_rows(tsquery, conditions, terms)
        pages = self._page_rows(query, tsquery, conditions) if total > query.offset else []
        return self._results(query, pages, counts, total, ignored, terms)

    @staticmethod
    def _row_conditions(filters: dict[str, list]) -> dict[str, tuple[str, list]]:
        """One condition on a search row (alias s) per selected facet: OR within it."""
        conditions = {}
        for facet, values in filters.items():
            column, cast = ROW_COLUMNS[facet]
            if facet in ("kind", "year"):
                sql = f"s.{column} = ANY(%s)"
            else:
                sql = f"s.{column} && CAST(%s AS {cast}[])"
            conditions[facet] = (sql, [list(values)])
        return conditions

    @staticmethod
    def _where(conditions, skip: str = "") -> tuple[str, list]:
        chosen = [c for facet, c in conditions.items() if facet != skip]
        params = [value for _sql, values in chosen for value in values]
        return " AND ".join(["TRUE", *(sql for sql, _values in chosen)]), params

    def _count_rows(self, tsquery, conditions, terms):
        """Every facet's counts (each without its own filter) and the total, in one query:
        the matching rows once into a materialised set, arrays unnested per facet."""
        match, params = "s.live", []
        if tsquery is not None:
            match += " AND s.vector @@ to_tsquery('dutch', %s)"
            params.append(tsquery)
        parts: list[str] = []
        for facet in FACETS:
            column, _cast = ROW_COLUMNS[facet]
            where, values = self._where(conditions, skip=facet)
            params += values
            if facet in ("kind", "year"):
                parts.append(
                    f"SELECT '{facet}', CAST(s.{column} AS TEXT), COUNT(*) FROM m s "  # noqa: S608
                    f"WHERE s.{column} IS NOT NULL AND {where} GROUP BY s.{column}"
                )
            else:
                parts.append(
                    f"SELECT '{facet}', CAST(v AS TEXT), COUNT(*) FROM m s "  # noqa: S608
                    f"CROSS JOIN LATERAL unnest(s.{column}) AS v WHERE {where} GROUP BY v"
                )
        where, values = self._where(conditions)
        params += values
        parts.append(f"SELECT '_total', '', COUNT(*) FROM m s WHERE {where}")  # noqa: S608
        columns = ", ".join(dict.fromkeys(column for column, _cast in ROW_COLUMNS.values()))
        sql = (
            f"WITH m AS MATERIALIZED (SELECT {columns} FROM {ROWS} s WHERE {match}) "  # noqa: S608
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

    def _page_rows(self, query: SearchQuery, tsquery, conditions) -> list:
        """The page of hits in one query: ids ranked and limited on the narrow rows, then
        the wide pages of just those ids, ordered the same way."""
        where, params = self._where(conditions)
        match, match_params = "s.live", []
        if tsquery is not None:
            match += " AND s.vector @@ to_tsquery('dutch', %s)"
            match_params.append(tsquery)
        newest = "s.year DESC NULLS LAST, s.first_published_at DESC, s.page_id DESC"
        ranked = tsquery is not None and query.sort == "relevance"
        order, order_params = newest, []
        if ranked:
            order = f"ts_rank(s.vector, to_tsquery('dutch', %s)) DESC, {newest}"
            order_params.append(tsquery)
        ids = (
            f"SELECT s.page_id FROM {ROWS} s WHERE {match} AND {where} "  # noqa: S608
            f"ORDER BY {order} LIMIT %s OFFSET %s"
        )
        ids_params = [*match_params, *params, *order_params, query.page_size, query.offset]
        queryset = (
            PracticePage.objects.filter(pk__in=RawSQL(ids, ids_params))  # noqa: S611
            .select_related("kind")
            .annotate(
                municipality_names=RawSQL(MUNICIPALITY_NAMES[True], [])  # noqa: S611
            )
        )
        newest_fields = [F("year").desc(nulls_last=True), F("first_published_at").desc(), "-pk"]
        if ranked:
            rank = RawSQL(  # noqa: S611 - the words are a parameter
                f"SELECT ts_rank(r.vector, to_tsquery('dutch', %s)) FROM {ROWS} r "  # noqa: S608
                'WHERE r.page_id = "knowledge_practicepage"."page_ptr_id"',
                [tsquery],
            )
            return list(queryset.annotate(rank=rank).order_by("-rank", *newest_fields))
        return list(queryset.order_by(*newest_fields))

    # -- matching ---------------------------------------------------------------------------

    def _match_postgres(self, base: QuerySet, text: str):
        groups = dutch_variants(text)
        if not groups:
            return base.none(), None
        every = PgQuery(" & ".join(groups), config="dutch", search_type="raw")
        if len(groups) < 2:
            return base.filter(search_vector=every), SearchRank(F("search_vector"), every)
        # All words when some practice has them all (a cheap index probe), otherwise any
        # word, ranked: a single OR-with-subquery condition would defeat the GIN index.
        if base.filter(search_vector=every).exists():
            return base.filter(search_vector=every), SearchRank(F("search_vector"), every)
        some = PgQuery(" | ".join(groups), config="dutch", search_type="raw")
        return base.filter(search_vector=some), SearchRank(F("search_vector"), some)

    def _match_modelsearch(self, base: QuerySet, text: str) -> dict[int, float]:
        backend = _modelsearch_backend()
        found = backend.search(text, base.only("pk"), operator="and").annotate_score("_score")
        return {page.pk: float(page._score or 0) for page in found}

    # -- filters ----------------------------------------------------------------------------

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
                    resolved = value if len(value) <= 50 else None
                if resolved is None:
                    ignored.setdefault(facet, []).append(value)
                else:
                    known.append(resolved)
            if known:
                filters[facet] = known
        return filters, ignored

    def _apply(self, queryset: QuerySet, filters: dict[str, list], *, skip: str = "") -> QuerySet:
        through = PracticePage.municipalities.through
        for facet, values in filters.items():
            if facet == skip:
                continue
            if facet == "kind":
                queryset = queryset.filter(kind_id__in=values)
            elif facet == "year":
                queryset = queryset.filter(year__in=values)
            elif facet in M2M_FACETS:
                field = getattr(PracticePage, M2M_FACETS[facet]).field
                model = field.remote_field.through
                column = f"{field.m2m_reverse_field_name()}_id"
                queryset = queryset.filter(
                    pk__in=model.objects.filter(**{f"{column}__in": values}).values(
                        "practicepage_id"
                    )
                )
            else:
                lookup = {f"municipalitypage__{facet}__in": values}
                queryset = queryset.filter(
                    pk__in=through.objects.filter(**lookup).values("practicepage_id")
                )
        return queryset

    # -- counting ---------------------------------------------------------------------------

    def _count(self, base: QuerySet, filters: dict[str, list], terms):
        """Every facet's counts (each without its own filter) and the total, in one query.

        The text match is evaluated once into a materialised set; the filters become
        conditions on that set, so a broad word costs one index scan, not eight.
        """
        through_m = PracticePage.municipalities.through._meta.db_table
        try:
            base_sql, params = (
                base.order_by().values("pk", "kind_id", "year").query.sql_with_params()
            )
        except EmptyResultSet:  # an empty IN (): nothing can match
            return {facet: {} for facet in FACETS}, 0
        params = list(params)
        conditions: dict[str, tuple[str, list]] = {}
        for facet, values in filters.items():
            marks = ", ".join(["%s"] * len(values))
            if facet in ("kind", "year"):
                column = "kind_id" if facet == "kind" else "year"
                sql = f"m.{column} IN ({marks})"
            elif facet in M2M_FACETS:
                table, column = _through(facet)
                sql = (
                    f"EXISTS (SELECT 1 FROM {table} f WHERE f.practicepage_id = m.pk "  # noqa: S608 - names from the model
                    f"AND f.{column} IN ({marks}))"
                )
            else:
                sql = (
                    f"EXISTS (SELECT 1 FROM {through_m} f JOIN municipalities_municipalitypage mp "  # noqa: S608
                    f"ON mp.page_ptr_id = f.municipalitypage_id WHERE f.practicepage_id = m.pk "
                    f"AND mp.{facet} IN ({marks}))"
                )
            conditions[facet] = (sql, list(values))

        def where(skip: str = "") -> str:
            chosen = [c for f, c in conditions.items() if f != skip]
            for _sql, values in chosen:
                params.extend(values)
            return " AND ".join(["1 = 1", *(sql for sql, _values in chosen)])

        parts: list[str] = []
        for facet in FACETS:
            if facet in ("kind", "year"):
                column = "kind_id" if facet == "kind" else "year"
                parts.append(
                    f"SELECT '{facet}', CAST(m.{column} AS TEXT), COUNT(*) FROM m "  # noqa: S608
                    f"WHERE m.{column} IS NOT NULL AND {where(facet)} GROUP BY m.{column}"
                )
            elif facet in M2M_FACETS:
                table, column = _through(facet)
                parts.append(
                    f"SELECT '{facet}', CAST(t.{column} AS TEXT), COUNT(*) FROM m "  # noqa: S608
                    f"JOIN {table} t ON t.practicepage_id = m.pk "
                    f"WHERE {where(facet)} GROUP BY t.{column}"
                )
            else:
                parts.append(
                    f"SELECT '{facet}', mp.{facet}, COUNT(DISTINCT m.pk) FROM m "  # noqa: S608
                    f"JOIN {through_m} t ON t.practicepage_id = m.pk "
                    f"JOIN municipalities_municipalitypage mp ON mp.page_ptr_id = t.municipalitypage_id "
                    f"WHERE {where(facet)} GROUP BY mp.{facet}"
                )
        parts.append(f"SELECT '_total', '', COUNT(*) FROM m WHERE {where()}")  # noqa: S608
        sql = f"WITH m AS MATERIALIZED ({base_sql}) " + " UNION ALL ".join(parts)  # noqa: S608
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

    # -- the page of hits -------------------------------------------------------------------

    def _page(self, matching: QuerySet, query: SearchQuery, *, rank, ranking) -> list:
        queryset = matching.select_related("kind").annotate(
            municipality_names=RawSQL(MUNICIPALITY_NAMES[connection.vendor == "postgresql"], [])  # noqa: S611 - fixed SQL, no input
        )
        newest = [F("year").desc(nulls_last=True), F("first_published_at").desc(), "-pk"]
        start, stop = query.offset, query.offset + query.page_size
        if query.sort == "relevance" and rank is not None:
            return list(queryset.annotate(rank=rank).order_by("-rank", *newest)[start:stop])
        if query.sort == "relevance" and ranking:
            # modelsearch ranked the ids already; the database orders the filtered ones so.
            score = Case(
                *[When(pk=pk, then=Value(position)) for position, pk in enumerate(ranking)],
                default=Value(len(ranking)),
            )
            return list(queryset.annotate(position=score).order_by("position", *newest)[start:stop])
        return list(queryset.order_by(*newest)[start:stop])

    @staticmethod
    def _snippet_source(page: PracticePage, text: str) -> str:
        """The summary, unless only the longer text holds the query words."""
        if not text:
            return page.summary
        from .base import query_stems

        lowered = page.summary.lower()
        if any(stem in lowered for stem in query_stems(text)):
            return page.summary
        document = page.search_document or ""
        return document if any(s in document.lower() for s in query_stems(text)) else page.summary
