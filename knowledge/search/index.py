"""The database engine's store, written here and nowhere else.

One row per practice (PracticeSearchRow) holds the analysed text, the live flag and the
facets; beside it a full-text table of the same stems on SQLite (FTS5) or a weighted tsvector
column on PostgreSQL, and the word list (PracticeSearchWord) with document frequencies.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import connection
from wagtail.models import Page

from municipalities.models import MunicipalityPage

from ..models.practices import PracticePage, PracticeSearchRow, PracticeSearchWord, PracticeTag
from .analysis import Token, analyse

ROWS = PracticeSearchRow._meta.db_table
WORDS = PracticeSearchWord._meta.db_table
FTS = f"{ROWS}_fts"
FIELDS = ("title", "tags", "summary", "body")
# At most this many words per field are kept (a long body says enough in its first part).
MAX_TOKENS = (60, 60, 400, 3000)
_WEIGHT_LETTERS = "ABCD"
_BATCH = 500


def analysed_fields(title: str, tags: Iterable[str], summary: str, body: str) -> list[list[Token]]:
    texts = (title, " , ".join(tags), summary, body)
    return [analyse(text)[:limit] for text, limit in zip(texts, MAX_TOKENS, strict=True)]


def serialise(fields: list[list[Token]]) -> str:
    """One line per field: stems in order, a compound's parts joined with '+'."""
    return "\n".join(" ".join("+".join((t.stem, *t.parts)) for t in tokens) for tokens in fields)


def tsvector_literal(fields: list[list[Token]]) -> str:
    """The tsvector of the stems: title weighs A, tags B, summary C, body D; a compound's
    parts share its position, so a phrase still matches."""
    positions: dict[str, list[str]] = {}
    start = 1
    for letter, tokens in zip(_WEIGHT_LETTERS, fields, strict=True):
        for offset, token in enumerate(tokens):
            position = min(start + offset, 16383)
            for lexeme in (token.stem, *token.parts):
                found = positions.setdefault(lexeme, [])
                if len(found) < 64:
                    found.append(f"{position}{letter}")
        start += len(tokens) + 2
    return " ".join(
        "'{}':{}".format(lexeme.replace("\\", "\\\\").replace("'", "''"), ",".join(marks))
        for lexeme, marks in positions.items()
    )


def fts_columns(fields: list[list[Token]]) -> list[str]:
    """SQLite's full-text columns: the stems in order, then the compound parts."""
    columns = []
    for tokens in fields:
        stems = [t.stem for t in tokens]
        parts = [p for t in tokens for p in t.parts]
        columns.append(" ".join(stems + parts))
    return columns


def document_words(fields: list[list[Token]]) -> set[str]:
    return {t.word for tokens in fields for t in tokens}


def ensure_fts_table() -> None:
    """The FTS5 table on SQLite (created by the migration; tests build it the same way)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5("
            f"{', '.join(FIELDS)}, tokenize = 'unicode61 remove_diacritics 0')"
        )


def search_rows_refresh(page_ids: Iterable[int] | None = None) -> None:
    """(Re)write the search rows of these practices and the word list; with None, every
    practice and the word list from scratch (after a change to the analysis)."""
    if page_ids is None:
        ids = list(PracticePage.objects.order_by("pk").values_list("pk", flat=True))
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {ROWS} SET words = ''")  # noqa: S608
            cursor.execute(f"DELETE FROM {WORDS}")  # noqa: S608
    else:
        ids = sorted(set(page_ids))
    for start in range(0, len(ids), _BATCH):
        _refresh_batch(ids[start : start + _BATCH])


def search_rows_remove(page_ids: Iterable[int]) -> None:
    """Forget practices about to be deleted: their words and their full-text rows."""
    ids = list(page_ids)
    if not ids:
        return
    old = dict(PracticeSearchRow.objects.filter(page_id__in=ids).values_list("page_id", "words"))
    delta: Counter[str] = Counter()
    for words in old.values():
        delta.subtract(words.split())
    _apply_word_counts(delta)
    if connection.vendor == "sqlite":
        marks = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS} WHERE rowid IN ({marks})", ids)  # noqa: S608


def _refresh_batch(ids: list[int]) -> None:
    _write_structure(ids)
    pages = PracticePage.objects.filter(pk__in=ids).values_list(
        "pk", "title", "summary", "easy_read_summary", "search_document", "live"
    )
    tags: dict[int, list[str]] = {}
    for page_id, name in PracticeTag.objects.filter(content_object_id__in=ids).values_list(
        "content_object_id", "tag__name"
    ):
        tags.setdefault(page_id, []).append(name)
    old = dict(PracticeSearchRow.objects.filter(page_id__in=ids).values_list("page_id", "words"))
    delta: Counter[str] = Counter()
    updates, fts_rows = [], []
    for page_id, title, summary, easy_read, document, live in pages:
        fields = analysed_fields(
            title, tags.get(page_id, []), f"{summary}\n{easy_read}", document or ""
        )
        words = " ".join(sorted(document_words(fields))) if live else ""
        delta.update(words.split())
        delta.subtract((old.get(page_id) or "").split())
        if connection.vendor == "postgresql":
            updates.append((serialise(fields), words, tsvector_literal(fields), page_id))
        else:
            updates.append((serialise(fields), words, page_id))
            fts_rows.append((page_id, *fts_columns(fields)))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.executemany(
                f"UPDATE {ROWS} SET terms = %s, words = %s, vector = CAST(%s AS tsvector) "  # noqa: S608
                "WHERE page_id = %s",
                updates,
            )
        else:
            cursor.executemany(
                f"UPDATE {ROWS} SET terms = %s, words = %s WHERE page_id = %s",  # noqa: S608
                updates,
            )
            marks = ", ".join(["%s"] * len(ids))
            cursor.execute(f"DELETE FROM {FTS} WHERE rowid IN ({marks})", ids)  # noqa: S608
            cursor.executemany(
                f"INSERT INTO {FTS} (rowid, {', '.join(FIELDS)}) VALUES (%s, %s, %s, %s, %s)",  # noqa: S608
                fts_rows,
            )
    _apply_word_counts(delta)


def _apply_word_counts(delta: Counter[str]) -> None:
    """Add the changes in document frequency to the word list; words no longer used go."""
    changes = [(word, count) for word, count in delta.items() if count]
    if not changes:
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {WORDS} (word, stem, documents) VALUES (%s, %s, %s) "  # noqa: S608
            f"ON CONFLICT (word) DO UPDATE SET documents = {WORDS}.documents + EXCLUDED.documents",
            [(word[:40], analyse_stem(word), count) for word, count in changes],
        )
        cursor.execute(f"DELETE FROM {WORDS} WHERE documents <= 0")  # noqa: S608


def analyse_stem(word: str) -> str:
    tokens = analyse(word)
    return tokens[0].stem[:40] if tokens else word[:40]


def _write_structure(ids: list[int]) -> None:
    """Live flag, kind, year, publication date and (PostgreSQL) the facet arrays."""
    pages = PracticePage._meta.db_table
    wagtail_pages = Page._meta.db_table
    if connection.vendor != "postgresql":
        marks = ", ".join(["%s"] * len(ids))
        sql = (
            f"INSERT INTO {ROWS} (page_id, live, kind, year, first_published_at, themes, "  # noqa: S608
            "life_domains, target_groups, municipalities, provinces, size_classes, terms, words) "
            "SELECT p.page_ptr_id, w.live, p.kind_id, p.year, w.first_published_at, "
            "'{}', '{}', '{}', '{}', '{}', '{}', '', '' "
            f"FROM {pages} p JOIN {wagtail_pages} w ON w.id = p.page_ptr_id "
            f"WHERE p.page_ptr_id IN ({marks}) "
            "ON CONFLICT (page_id) DO UPDATE SET live = excluded.live, kind = excluded.kind, "
            "year = excluded.year, first_published_at = excluded.first_published_at"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, ids)
        return
    tables = {
        name: getattr(PracticePage, name).through._meta.db_table
        for name in ("themes", "life_domains", "target_groups", "municipalities")
    }
    places_table = MunicipalityPage._meta.db_table

    def array(name: str, column: str) -> str:
        return (
            f"ARRAY(SELECT t.{column} FROM {tables[name]} t "  # noqa: S608 - names from the model
            f"WHERE t.practicepage_id = p.page_ptr_id ORDER BY 1)"
        )

    def places(column: str) -> str:
        return (
            f"ARRAY(SELECT DISTINCT CAST(mp.{column} AS TEXT) FROM {tables['municipalities']} t "  # noqa: S608
            f"JOIN {places_table} mp ON mp.page_ptr_id = t.municipalitypage_id "
            f"WHERE t.practicepage_id = p.page_ptr_id AND mp.{column} IS NOT NULL "
            f"AND mp.{column} <> '' ORDER BY 1)"
        )

    columns = (
        "live, kind, year, first_published_at, themes, life_domains, target_groups,"
        " municipalities, provinces, size_classes"
    )
    updates = ", ".join(f"{c.strip()} = EXCLUDED.{c.strip()}" for c in columns.split(","))
    sql = (
        f"INSERT INTO {ROWS} (page_id, terms, words, {columns}) "  # noqa: S608
        "SELECT p.page_ptr_id, '', '', w.live, p.kind_id, p.year, w.first_published_at, "
        f"{array('themes', 'theme_id')}, {array('life_domains', 'lifedomain_id')}, "
        f"{array('target_groups', 'targetgroup_id')}, "
        f"{array('municipalities', 'municipalitypage_id')}, "
        f"{places('province')}, {places('size_class')} "
        f"FROM {pages} p JOIN {wagtail_pages} w ON w.id = p.page_ptr_id "
        f"WHERE p.page_ptr_id = ANY(%s) ON CONFLICT (page_id) DO UPDATE SET {updates}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [ids])
