"""Dutch text analysis shared by the index and the query, the same on every database.

Words are folded (lower case, no diacritics: geëvalueerd = geevalueerd), Dutch stop words
dropped, stemmed with the Snowball Dutch stemmer (rolstoelen = rolstoel, tolken = tolk), and
compounds split into their known parts (stemlokaal = stem + lokaal) from a shipped list.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import Stemmer

DATA = Path(__file__).resolve().parent / "data"
MAX_WORD = 40
MAX_QUERY_WORDS = 12
# Letters and digits; a hyphen or apostrophe inside a word keeps it together (re-integratie).
TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_JOINERS = re.compile(r"[-'’]")

STOPWORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "of",
        "van",
        "in",
        "op",
        "te",
        "ten",
        "ter",
        "aan",
        "met",
        "voor",
        "door",
        "bij",
        "naar",
        "om",
        "over",
        "uit",
        "als",
        "dan",
        "dat",
        "die",
        "dit",
        "deze",
        "er",
        "is",
        "zijn",
        "was",
        "waren",
        "wordt",
        "worden",
        "werd",
        "werden",
        "heeft",
        "hebben",
        "had",
        "hadden",
        "kan",
        "kunnen",
        "zal",
        "zullen",
        "moet",
        "moeten",
        "niet",
        "geen",
        "ook",
        "nog",
        "al",
        "wel",
        "zo",
        "maar",
        "want",
        "hoe",
        "wat",
        "wie",
        "waar",
        "wanneer",
        "welke",
        "zich",
        "hun",
        "hij",
        "zij",
        "ze",
        "wij",
        "we",
        "je",
        "jij",
        "u",
        "ik",
        "mijn",
        "ons",
        "onze",
        "jullie",
        "haar",
        "hem",
        "men",
        "iets",
        "alle",
        "elk",
        "elke",
        "ieder",
        "iedere",
        "veel",
        "meer",
        "zeer",
        "tot",
        "tussen",
        "zonder",
        "onder",
        "na",
        "via",
        "per",
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "be",
        "this",
        "that",
        "these",
        "those",
    ]
)

_stemmer = Stemmer.Stemmer("dutch")


def fold(text: str) -> str:
    """Lower case without diacritics: 'Cliëntondersteuner' -> 'clientondersteuner'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball Dutch stem of a folded word. An inflected -e the stemmer leaves is read
    as the plural -en ('dove' as 'doven' -> doof, 'grote' -> groot, 'prikkelarme' ->
    prikkelarm). Words with digits are kept as they are."""
    if len(word) > MAX_WORD:
        word = word[:MAX_WORD]
    if not word.isalpha() or len(word) < 3:
        return word
    result = _stemmer.stemWord(word)
    if result == word and word.endswith("e") and len(word) > 3:
        result = _stemmer.stemWord(word + "n")
    if len(result) > 4 and result.endswith("e"):
        result = result[:-1]
    return result


def _load_parts() -> frozenset[str]:
    words = set()
    for line in (DATA / "compound_parts.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.update(fold(word) for word in line.split())
    return frozenset(stem(word) for word in words if len(word) >= 3)


PART_STEMS = _load_parts()
_LINKS = ("s", "en", "e")


def _is_part(head: str) -> bool:
    return len(head) >= 3 and stem(head) in PART_STEMS


@functools.lru_cache(maxsize=200_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """The parts of a compound and, for three parts, the two compounds within it
    ('stembureauleden' -> stem, bureau, leden, stembureau, bureauleden)."""
    parts = split_compound(word)
    if len(parts) == 3:
        parts = (*parts, parts[0] + parts[1], parts[1] + parts[2])
    return parts


@functools.lru_cache(maxsize=200_000)
def split_compound(word: str, depth: int = 0) -> tuple[str, ...]:
    """The known parts of a compound word ('rolstoeltoegankelijk' -> rolstoel,
    toegankelijk), or () when it is not one. The split with the longest shortest part wins."""
    if len(word) < 6 or len(word) > MAX_WORD or not word.isalpha():
        return ()
    best: tuple[int, tuple[str, ...]] | None = None
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        heads = [head] + [head[: -len(link)] for link in _LINKS if head.endswith(link)]
        head_ok = next((h for h in heads if _is_part(h)), None)
        if head_ok is None:
            continue
        if _is_part(tail):
            parts: tuple[str, ...] = (head_ok, tail)
        elif depth == 0 and (rest := split_compound(tail, 1)):
            parts = (head_ok, *rest)
        else:
            continue
        shortest = min(len(p) for p in parts) - len(parts)
        if best is None or shortest > best[0]:
            best = (shortest, parts)
    return best[1] if best else ()


def words(text: str) -> list[str]:
    """The folded words of a text in order, stop words included (to show a corrected query)."""
    return [_JOINERS.sub("", token)[:MAX_WORD] for token in TOKEN.findall(fold(text))]


@dataclass(frozen=True)
class Token:
    """One word as the index keeps it: the folded word, its stem and the stems of its parts."""

    word: str
    stem: str
    parts: tuple[str, ...] = ()


@functools.lru_cache(maxsize=10_000)
def _pieces(token: str) -> tuple[str, ...]:
    return tuple(p for p in _JOINERS.split(token) if len(p) > 2)


def analyse(text: str) -> list[Token]:
    """The tokens of a text, stop words left out (positions count the remaining words).

    A hyphen or apostrophe inside a word joins it ('re-integratie' -> 'reintegratie'); the
    pieces and the known parts of a compound become the token's parts."""
    tokens = []
    for token in TOKEN.findall(fold(text)):
        word = _JOINERS.sub("", token)[:MAX_WORD]
        if (len(word) < 2 and not word.isdigit()) or word in STOPWORDS:
            continue
        main = stem(word)
        pieces = _pieces(token) if word != token else ()
        parts = [stem(p) for p in compound_parts(word)] + [stem(p) for p in pieces]
        tokens.append(Token(word, main, tuple(p for p in dict.fromkeys(parts) if p != main)))
    return tokens


@functools.lru_cache(maxsize=100_000)
def word_stems(token: str) -> frozenset[str]:
    """The stem and part stems of one word as written (for marking it in a text)."""
    found = analyse(token)
    return frozenset((found[0].stem, *found[0].parts)) if found else frozenset()


def damerau(a: str, b: str, limit: int = 3) -> int:
    """Optimal string alignment distance (a swap of two letters counts one), capped at limit."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) >= limit:
            return limit
        previous2, previous = previous, current
    return min(previous[-1], limit)


def allowed_typos(word: str) -> int:
    """How many edits a word of this length may have and still be corrected."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 8 else 2
