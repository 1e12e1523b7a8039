"""The one interface of the practice library's search: a query in, results out."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.utils.safestring import SafeString, mark_safe

from .analysis import TOKEN, analyse, word_stems

# The facets in the order the search page shows them.
FACETS: tuple[str, ...] = (
    "kind",
    "theme",
    "life_domain",
    "target_group",
    "municipality",
    "province",
    "size_class",
    "year",
)
SORTS: tuple[str, ...] = ("relevance", "newest")
MAX_PAGE_SIZE = 50


@dataclass(frozen=True)
class SearchQuery:
    """What someone asks: words, selected facet values (OR within a facet), sort and page."""

    text: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = 10

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {SORTS}")
        if self.page < 1 or not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise ValueError("page and page_size must be positive (page_size at most 50)")
        unknown = set(self.filters) - set(FACETS)
        if unknown:
            raise ValueError(f"unknown facets: {sorted(unknown)}")
        cleaned = {
            name: tuple(dict.fromkeys(str(v) for v in values if str(v)))
            for name, values in self.filters.items()
        }
        object.__setattr__(self, "filters", {k: v for k, v in cleaned.items() if v})
        object.__setattr__(self, "text", " ".join(self.text.split()))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def selected(self, facet: str) -> tuple[str, ...]:
        return tuple(self.filters.get(facet, ()))

    def without(self, facet: str, value: str | None = None) -> SearchQuery:
        """The same query with one value (or a whole facet) dropped, back on page 1."""
        filters = dict(self.filters)
        if value is None:
            filters.pop(facet, None)
        else:
            filters[facet] = tuple(v for v in filters.get(facet, ()) if v != value)
        return SearchQuery(
            text=self.text, filters=filters, sort=self.sort, page_size=self.page_size
        )


@dataclass
class Hit:
    """One found practice: the page, a highlighted snippet (escaped, with <mark>), its score."""

    page: Any
    snippet: SafeString
    score: float = 0.0


@dataclass
class SearchResults:
    """Hits of one page, facet counts {facet: {value: count}}, the total and paging."""

    query: SearchQuery
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    total: int
    engine: str
    ignored: dict[str, list[str]] = field(default_factory=dict)
    # The vocabularies the engine read, so the page need not read them again.
    terms: dict | None = None
    # "Did you mean": the text with a word corrected; and the text searched instead when
    # the words as typed found nothing.
    suggestion: str = ""
    corrected: str = ""

    @property
    def page(self) -> int:
        return self.query.page

    @property
    def page_size(self) -> int:
        return self.query.page_size

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.page_size))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def start_index(self) -> int:
        return self.query.offset + 1 if self.hits else 0

    @property
    def out_of_range(self) -> bool:
        return self.page > self.num_pages


class SearchEngine(Protocol):
    name: str

    def search(self, query: SearchQuery) -> SearchResults: ...


def highlight(
    text: str, query_text: str, *, length: int = 240, stems: set[str] | None = None
) -> SafeString:
    """An escaped excerpt of `text` around the first query word, words marked with <mark>.

    A word is marked when its stem or one of its compound parts is a stem of the query (or
    of `stems`, the engine's widened query), so 'stembureaus' marks for 'stembureau'."""
    text = " ".join(text.split())
    wanted = set(stems or ())
    for token in analyse(query_text):
        wanted.add(token.stem)
        wanted.update(token.parts)
    spans = []
    if wanted:
        for found in TOKEN.finditer(text):
            if not wanted.isdisjoint(word_stems(found.group(0))):
                spans.append((found.start(), found.end()))
    start = 0
    if spans and spans[0][0] > length // 2:
        start = text.rfind(" ", 0, spans[0][0] - length // 3) + 1
    stop = start + length
    parts = []
    position = start
    for begin, end in spans:
        if begin < start or end > stop:
            continue
        parts.append(html.escape(text[position:begin]))
        parts.append(f"<mark>{html.escape(text[begin:end])}</mark>")
        position = end
    parts.append(html.escape(text[position:stop]))
    prefix = "…" if start else ""
    suffix = "…" if stop < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 - every part escaped
