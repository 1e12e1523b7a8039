"""From what someone typed to what the database engine asks, and how it ranks what it found.

The text is parsed safely (a quoted part is a phrase; a lone quote, bracket or operator is
plain text), analysed like the index, widened with the team's synonyms and with compound
parts, and turned into a tsquery (PostgreSQL) or an FTS5 query (SQLite) built only from
quoted stems, never from the user's characters.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.core.cache import cache

from ..models.practices import Synonym
from .analysis import MAX_QUERY_WORDS, Token, analyse, stem

SYNONYMS_CACHE_KEY = "knowledge:synonyms:v1"
SYNONYM_WEIGHT = 0.9
PART_WEIGHT = 0.75
# Field weights (title, tags, summary, body) and their usual lengths in words.
FIELD_WEIGHTS = (3.0, 2.2, 1.4, 1.0)
FIELD_LENGTHS = (7.0, 5.0, 35.0, 90.0)
# Length normalisation per field: mild, so a short page full of labels does not win.
FIELD_B = (0.3, 0.0, 0.5, 0.3)
PART_MATCH = 0.8
K1 = 1.2
# Other ways of matching a slot add this share of their score to the best one.
TIE_BREAKER = 0.3


@dataclass(frozen=True)
class Alternative:
    """Stems that together satisfy a slot: all of them, adjacent in order when a phrase."""

    stems: tuple[str, ...]
    weight: float = 1.0
    phrase: bool = False


@dataclass
class Slot:
    """One thing asked for: the words it came from and the ways to satisfy it."""

    words: tuple[str, ...]
    alternatives: list[Alternative]
    quoted: bool = False
    joinable: bool = False


@dataclass
class Plan:
    slots: list[Slot] = field(default_factory=list)

    def stems(self) -> set[str]:
        return {s for slot in self.slots for alt in slot.alternatives for s in alt.stems}


def segments(text: str) -> list[tuple[str, bool]]:
    """The text in (part, quoted) pieces: only a closed pair of quotes makes a phrase."""
    text = text.replace("\x00", " ").replace("“", '"').replace("”", '"').replace("„", '"')
    pieces = text.split('"')
    if len(pieces) % 2 == 0:  # an odd number of quotes: the last one is plain text
        pieces = [*pieces[:-2], pieces[-2] + " " + pieces[-1]]
    return [(piece, index % 2 == 1) for index, piece in enumerate(pieces) if piece.strip()]


def load_synonyms() -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """{stems of a word or phrase: [stems of what it also finds]} from the synonym list."""
    table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for row in Synonym.objects.only("terms", "one_way"):
        phrases = [tuple(t.stem for t in analyse(w)) for w in row.words]
        phrases = list(dict.fromkeys(p for p in phrases if p))
        sources = phrases[:1] if row.one_way else phrases
        for source in sources:
            targets = table.setdefault(source, [])
            targets += [p for p in phrases if p != source and p not in targets]
    return table


def cached_synonyms() -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    synonyms = cache.get(SYNONYMS_CACHE_KEY)
    if synonyms is None:
        synonyms = load_synonyms()
        cache.set(SYNONYMS_CACHE_KEY, synonyms, timeout=3600)
    return synonyms


def clear_synonyms_cache() -> None:
    cache.delete(SYNONYMS_CACHE_KEY)


def _word_slot(token: Token) -> Slot:
    alternatives = [Alternative((token.stem,))]
    if token.parts:
        alternatives.append(Alternative(token.parts, PART_WEIGHT))
    return Slot((token.word,), alternatives, joinable=True)


def _synonym(stems: tuple[str, ...]) -> Alternative:
    """A synonym of several words is a phrase: 'mensen met een beperking' as written."""
    return Alternative(stems, SYNONYM_WEIGHT, phrase=len(stems) > 1)


def build_plan(text: str, synonyms: Mapping[tuple[str, ...], list[tuple[str, ...]]]) -> Plan:
    """Slots for the text: phrases as they are, other words widened with synonyms and parts."""
    plan = Plan()
    for piece, quoted in segments(text):
        tokens = analyse(piece)
        if quoted and len(tokens) > 1:
            stems = tuple(t.stem for t in tokens[:MAX_QUERY_WORDS])
            words = tuple(t.word for t in tokens[:MAX_QUERY_WORDS])
            plan.slots.append(Slot(words, [Alternative(stems, phrase=True)], quoted=True))
            continue
        stems = [t.stem for t in tokens]
        position = 0
        while position < len(tokens):
            for length in (4, 3, 2, 1):
                key = tuple(stems[position : position + length])
                if len(key) == length and key in synonyms:
                    chunk = tokens[position : position + length]
                    slot = _word_slot(chunk[0]) if length == 1 else None
                    alternatives = slot.alternatives if slot else [Alternative(key, phrase=True)]
                    alternatives += [_synonym(t) for t in synonyms[key]]
                    words = tuple(t.word for t in chunk)
                    plan.slots.append(Slot(words, alternatives, joinable=length == 1))
                    position += length
                    break
            else:
                plan.slots.append(_word_slot(tokens[position]))
                position += 1
    plan.slots = plan.slots[:MAX_QUERY_WORDS]
    return plan


def join_candidates(plan: Plan) -> dict[int, list[str]]:
    """For each pair of neighbouring plain words, the stems of the word they make together
    ('stem lokaal' -> stemlokaal, 'toegankelijkheid beleid' -> toegankelijkheidsbeleid)."""
    found = {}
    for index in range(len(plan.slots) - 1):
        first, second = plan.slots[index], plan.slots[index + 1]
        if first.joinable and second.joinable:
            a, b = first.words[0], second.words[0]
            found[index] = list(dict.fromkeys(stem(w) for w in (a + b, a + "s" + b)))
    return found


def joined_synonyms(
    joins: dict[int, list[str]], synonyms: Mapping[tuple[str, ...], list[tuple[str, ...]]]
) -> dict[int, list[tuple[str, ...]]]:
    """The synonyms of the joined words ('stem lokaal' -> stemlokaal -> stembureau)."""
    return {
        index: [t for s in stems for t in synonyms.get((s,), [])] for index, stems in joins.items()
    }


def resolve(
    plan: Plan,
    frequencies: Mapping[str, int],
    joins: dict[int, list[str]],
    joined_synonyms: dict[int, list[tuple[str, ...]]] | None = None,
) -> Plan:
    """Drop the ways of matching that use a word no live practice has, and join split
    compounds that the practices write as one word (or that have synonyms)."""
    slots: list[Slot] = []
    index = 0
    extra = joined_synonyms or {}
    while index < len(plan.slots):
        slot = plan.slots[index]
        joined = [s for s in joins.get(index, []) if frequencies.get(s)]
        widened = [t for t in extra.get(index, []) if all(frequencies.get(s) for s in t)]
        if joined or widened:
            second = plan.slots[index + 1]
            pair = Alternative((slot.alternatives[0].stems[0], second.alternatives[0].stems[0]))
            slot = Slot(
                slot.words + second.words,
                [pair, *(Alternative((s,)) for s in joined), *(_synonym(t) for t in widened)],
            )
            index += 1
        known = [alt for alt in slot.alternatives if all(frequencies.get(s) for s in alt.stems)]
        slots.append(Slot(slot.words, known, slot.quoted, slot.joinable))
        index += 1
    return Plan(slots)


# -- the query languages ----------------------------------------------------------------------


def _quote_ts(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery(plan: Plan, *, every: bool = True) -> str:
    """A tsquery of quoted stems: & between slots (| when any slot will do)."""
    groups = []
    for slot in plan.slots:
        options = []
        for alt in slot.alternatives:
            joiner = " <-> " if alt.phrase else " & "
            options.append("(" + joiner.join(_quote_ts(s) for s in alt.stems) + ")")
        if options:
            groups.append("(" + " | ".join(options) + ")")
    return (" & " if every else " | ").join(groups)


def _quote_fts(stems: Iterable[str]) -> str:
    return '"' + " ".join(s.replace('"', '""') for s in stems) + '"'


def fts_query(plan: Plan, *, every: bool = True) -> str:
    """An FTS5 query of double-quoted stems: AND between slots (OR when any will do)."""
    groups = []
    for slot in plan.slots:
        options = []
        for alt in slot.alternatives:
            if alt.phrase:
                options.append(_quote_fts(alt.stems))
            else:
                options.append("(" + " AND ".join(_quote_fts([s]) for s in alt.stems) + ")")
        if options:
            groups.append("(" + " OR ".join(options) + ")")
    return (" AND " if every else " OR ").join(groups)


# -- ranking ------------------------------------------------------------------------------------


def _positions(fields: list[str], wanted: set[str]) -> list[dict[str, list[tuple[int, float]]]]:
    """Per stored field line: stem -> [(position, weight)] for the stems asked for only
    (a compound's parts weigh a little less)."""
    found = []
    for line in fields:
        where: dict[str, list[tuple[int, float]]] = {}
        for position, item in enumerate(line.split()):
            if "+" not in item:
                if item in wanted:
                    where.setdefault(item, []).append((position, 1.0))
                continue
            main, *parts = item.split("+")
            if main in wanted:
                where.setdefault(main, []).append((position, 1.0))
            for part in parts:
                if part in wanted:
                    where.setdefault(part, []).append((position, PART_MATCH))
        found.append(where)
    return found


def _phrase_at(where: dict[str, list[tuple[int, float]]], stems: tuple[str, ...]) -> list[int]:
    starts = [p for p, _w in where.get(stems[0], [])]
    result = []
    for start in starts:
        if all(
            any(p == start + offset for p, _w in where.get(s, []))
            for offset, s in enumerate(stems[1:], 1)
        ):
            result.append(start)
    return result


def score(
    terms: str,
    plan: Plan,
    frequencies: Mapping[str, int],
    documents: int,
) -> float:
    """BM25F over the weighted fields of a stored row (`index.serialise`), the best way of
    matching per slot, a bonus for slots found close together (a phrase most of all) and a
    penalty for slots not found."""
    fields = (terms or "").split("\n")
    fields += [""] * (len(FIELD_WEIGHTS) - len(fields))
    where = _positions(fields[: len(FIELD_WEIGHTS)], plan.stems())
    lengths = [max(line.count(" ") + 1, 1) for line in fields]
    documents = max(documents, 1)

    def idf(s: str) -> float:
        df = min(frequencies.get(s, 0), documents)
        return math.log(1 + (documents - df + 0.5) / (df + 0.5))

    def stem_score(s: str) -> float:
        weighted = 0.0
        for f, positions in enumerate(where):
            found = positions.get(s)
            if found:
                tf = sum(w for _p, w in found)
                norm = 1 - FIELD_B[f] + FIELD_B[f] * lengths[f] / FIELD_LENGTHS[f]
                weighted += FIELD_WEIGHTS[f] * tf / norm
        return idf(s) * weighted * (K1 + 1) / (weighted + K1) if weighted else 0.0

    total = 0.0
    matched = 0
    slot_positions: list[dict[int, list[int]]] = []
    for slot in plan.slots:
        values = []
        spots: dict[int, list[int]] = {}
        for alt in slot.alternatives:
            if alt.phrase:
                starts = {f: _phrase_at(w, alt.stems) for f, w in enumerate(where)}
                if not any(starts.values()):
                    continue
                value = alt.weight * sum(stem_score(s) for s in alt.stems) * 1.2
                for f, found in starts.items():
                    spots.setdefault(f, []).extend(found)
            else:
                scores = [stem_score(s) for s in alt.stems]
                if not all(scores):
                    continue
                value = alt.weight * sum(scores) / math.sqrt(len(scores))
                for f, w in enumerate(where):
                    spots.setdefault(f, []).extend(p for p, _w in w.get(alt.stems[0], []))
            values.append(value)
        values.sort(reverse=True)
        best = values[0] + TIE_BREAKER * sum(values[1:]) if values else 0.0
        if best:
            matched += 1
        total += best
        slot_positions.append(spots)
    if not plan.slots or not total:
        return 0.0
    coverage = matched / len(plan.slots)
    proximity = 0.0
    pairs = 0
    for first, second in zip(slot_positions, slot_positions[1:], strict=False):
        pairs += 1
        closest = min(
            (
                abs(b - a) + (0 if b > a else 1)
                for f in first
                for a in first[f]
                for b in second.get(f, [])
            ),
            default=None,
        )
        if closest is not None and closest <= 6:
            proximity += 1.0 / closest if closest else 1.0
    bonus = 1 + 0.35 * (proximity / pairs) if pairs else 1.0
    return total * bonus * coverage**2
