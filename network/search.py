"""What someone typed, as a Wagtail search query that is safe on every search backend."""

from __future__ import annotations

import re

from wagtail.search.query import And, Phrase, PlainText, SearchQuery

MAX_WORDS = 20
MAX_WORD_LENGTH = 60
_WORD = re.compile(r"[^\W_]+")


def search_query(text: str) -> SearchQuery | None:
    """Closed pairs of quotes make a phrase; everything else is plain words of letters and
    digits, so no quote, bracket, operator or NUL byte reaches a database's query syntax.
    None when nothing searchable is left."""
    pieces = text.replace("\x00", " ").split('"')
    if len(pieces) % 2 == 0:  # an odd number of quotes: the last one is plain text
        pieces = [*pieces[:-2], pieces[-2] + " " + pieces[-1]]
    parts: list[SearchQuery] = []
    budget = MAX_WORDS
    for index, piece in enumerate(pieces):
        words = [w[:MAX_WORD_LENGTH] for w in _WORD.findall(piece)][:budget]
        budget -= len(words)
        if not words:
            continue
        if index % 2 == 1 and len(words) > 1:
            parts.append(Phrase(" ".join(words)))
        else:
            parts.append(PlainText(" ".join(words)))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)
