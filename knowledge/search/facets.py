"""Facet counts of the database engine, from bitsets held in memory.

Counting every facet of a broad word in SQL means grouping thousands of rows eight times over
(about 300 ms for 20,000 practices). Instead each process keeps, per facet value, the set of
live practices that have it as one Python integer used as a bitset (bit n is the n-th
practice, newest first). A search then asks the database only which practices match its words;
every count is an AND and a popcount, and the newest-first order is the order of the bits.

The bitsets are rebuilt when the knowledge, municipality or vocabulary data changes: they are
stamped with `network.cache.app_token` of those apps, a token in the shared cache that every
write renews, so a write handled by one process is seen by all the others at their next search.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import islice, repeat

from django.db import connection

from municipalities.models import MunicipalityPage
from network.cache import app_token

from ..models.practices import PracticePage, PracticeSearchRow
from .base import FACETS

ROWS = PracticeSearchRow._meta.db_table
PLACES = MunicipalityPage._meta.db_table
M2M_FACETS = {
    "theme": "themes",
    "life_domain": "life_domains",
    "target_group": "target_groups",
    "municipality": "municipalities",
}
# Facets taken from the practice's municipalities (PostgreSQL keeps them on the row as arrays).
PLACE_FACETS = {"province": "provinces", "size_class": "size_classes"}
NEWEST = "s.year DESC NULLS LAST, s.first_published_at DESC, s.page_id DESC"
# The apps whose writes can change a practice's facets or its place in the newest-first order.
SOURCE_APPS = ("knowledge", "municipalities", "taxonomy")
# How many text matches each process keeps (a broad word's ids take about 160 kB).
REMEMBERED_MATCHES = 64


@dataclass(frozen=True)
class FacetIndex:
    """The live practices as bits, newest first, and per facet value the bitset having it."""

    token: str
    ids: tuple[int, ...]
    positions: Mapping[int, int]
    values: Mapping[str, Mapping[str, int]]
    # The latest text matches under this token: refining a search by a facet or turning
    # its page asks the database again for nothing.
    matches: OrderedDict = field(default_factory=OrderedDict, compare=False, repr=False)

    def remembers(self, key: Hashable) -> bool:
        return key in self.matches

    def matching(self, key: Hashable, find: Callable[[], list[int]]) -> tuple[array, int]:
        """The practice ids that `find` returns for this key (kept for the next searches
        with the same words), and their bitset."""
        with _lock:
            found = self.matches.get(key)
            if found is not None:
                self.matches.move_to_end(key)
                return found
        ids = find()
        found = (array("q", ids), self.bits(ids))
        with _lock:
            self.matches[key] = found
            while len(self.matches) > REMEMBERED_MATCHES:
                self.matches.popitem(last=False)
        return found

    @property
    def everything(self) -> int:
        return (1 << len(self.ids)) - 1

    def bits(self, page_ids: Iterable[int]) -> int:
        """The bitset of these practices (ids that are not live are left out)."""
        size = len(self.ids)
        # One byte per practice, set in C (a broad word matches thousands), the last one
        # for ids that are not live; then read as one binary number.
        found = bytearray(size + 1)
        deque(
            map(found.__setitem__, map(self.positions.get, page_ids, repeat(size)), repeat(1)),
            maxlen=0,
        )
        return int(found[:size].translate(_DIGITS)[::-1] or b"0", 2)

    def selection(self, filters: Mapping[str, Iterable]) -> dict[str, int]:
        """Per selected facet, the practices with any of its values (OR within a facet)."""
        selected = {}
        for facet, chosen in filters.items():
            known = self.values.get(facet, {})
            mask = 0
            for value in chosen:
                mask |= known.get(str(value), 0)
            selected[facet] = mask
        return selected

    def count(
        self, matched: int, selected: Mapping[str, int]
    ) -> tuple[dict[str, dict[str, int]], int, int]:
        """Each facet's counts among the matches under the other facets' filters (so a
        selected value still shows its neighbours), the total, and the bitset of hits."""
        counts: dict[str, dict[str, int]] = {}
        for facet in FACETS:
            base = matched
            for other, mask in selected.items():
                if other != facet:
                    base &= mask
            counts[facet] = {
                value: number
                for value, mask in self.values.get(facet, {}).items()
                if (number := (base & mask).bit_count())
            }
        hits = matched
        for mask in selected.values():
            hits &= mask
        return counts, hits.bit_count(), hits

    def newest(self, hits: int, offset: int, limit: int) -> list[int]:
        """The practice ids of this slice of the hits, newest first."""
        return [self.ids[position] for position in islice(_ones(hits), offset, offset + limit)]

    def contains(self, hits: int) -> set[int]:
        """The practice ids in a bitset."""
        return {self.ids[position] for position in _ones(hits)}


def _ones(bits: int) -> Iterable[int]:
    text = format(bits, "b")[::-1] if bits else ""
    position = text.find("1")
    while position != -1:
        yield position
        position = text.find("1", position + 1)


_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_current: FacetIndex | None = None
_lock = threading.RLock()


def facet_index() -> FacetIndex:
    """The facet bitsets of the current data: built once per change, shared by the threads."""
    global _current
    token = app_token(*SOURCE_APPS)
    index = _current
    if index is not None and index.token == token:
        return index
    with _lock:
        if _current is None or _current.token != token:
            # The token is read before the data: a write that commits meanwhile renews it
            # after its commit, so a stale build is never stamped as current.
            _current = _build(token)
        return _current


def _build(token: str) -> FacetIndex:
    postgres = connection.vendor == "postgresql"
    array_columns = [*M2M_FACETS.values(), *PLACE_FACETS.values()] if postgres else []
    columns = ", ".join(["s.page_id", "s.kind", "s.year", *(f"s.{c}" for c in array_columns)])
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {ROWS} s WHERE s.live ORDER BY {NEWEST}"  # noqa: S608
        )
        rows = cursor.fetchall()
    ids = tuple(row[0] for row in rows)
    positions = {page_id: position for position, page_id in enumerate(ids)}
    members: dict[str, dict[str, list[int]]] = {facet: {} for facet in FACETS}

    def add(facet: str, value, position: int) -> None:
        if value is not None and value != "":
            members[facet].setdefault(str(value), []).append(position)

    for position, row in enumerate(rows):
        add("kind", row[1], position)
        add("year", row[2], position)
        for facet, values in zip([*M2M_FACETS, *PLACE_FACETS], row[3:], strict=False):
            for value in values:
                add(facet, value, position)
    if not postgres:
        for facet, position, value in _relations(positions):
            add(facet, value, position)
    size = (len(ids) + 7) // 8
    values = {}
    for facet, by_value in members.items():
        values[facet] = {}
        for value, found in by_value.items():
            bits = bytearray(size)
            for position in found:
                bits[position >> 3] |= 1 << (position & 7)
            values[facet][value] = int.from_bytes(bits, "little")
    return FacetIndex(token=token, ids=ids, positions=positions, values=values)


def _relations(positions: Mapping[int, int]) -> Iterable[tuple[str, int, object]]:
    """SQLite: the many-to-many facets from their through tables, the places' facets from the
    municipalities (one query each)."""
    with connection.cursor() as cursor:
        for facet, name in M2M_FACETS.items():
            field = getattr(PracticePage, name).field
            table = field.remote_field.through._meta.db_table
            column = f"{field.m2m_reverse_field_name()}_id"
            cursor.execute(f"SELECT practicepage_id, {column} FROM {table}")  # noqa: S608
            for page_id, value in cursor.fetchall():
                if page_id in positions:
                    yield facet, positions[page_id], value
        through = PracticePage.municipalities.through._meta.db_table
        cursor.execute(
            f"SELECT DISTINCT t.practicepage_id, mp.province, mp.size_class "  # noqa: S608
            f"FROM {through} t JOIN {PLACES} mp ON mp.page_ptr_id = t.municipalitypage_id"
        )
        for page_id, province, size_class in cursor.fetchall():
            if page_id in positions:
                yield "province", positions[page_id], province
                yield "size_class", positions[page_id], size_class
