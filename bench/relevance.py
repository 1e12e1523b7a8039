"""Ranking quality of the practice search on the judged set, next to a plain BM25 baseline.

`evaluate()` scores the database engine and the baseline on the demo practices of the current
database. `python -m bench.relevance_run sqlite|postgresql` does so on a fresh database of
its own and prints JSON, so the figures never depend on what other benchmarks built.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections import Counter

from django.db import connection

from bench.relevance_set import JUDGEMENTS
from knowledge import demo as knowledge_demo
from knowledge.demo import demo_practices
from knowledge.models import PracticePage
from knowledge.search import SearchQuery, get_engine
from municipalities import demo as municipalities_demo

TOP = 5
K1, B = 1.2, 0.75


def load_demo() -> None:
    """The municipalities and the demo practices (idempotent)."""
    municipalities_demo.load(scale=1, stdout=io.StringIO())
    knowledge_demo.load(scale=1, stdout=io.StringIO())


def judged() -> list[tuple[str, dict, dict[str, int]]]:
    """The judged set with practice titles instead of numbers."""
    return [
        (
            text,
            filters,
            {demo_practices()[number]["title"]: grade for number, grade in grades.items()},
        )
        for text, filters, grades in JUDGEMENTS
    ]


def ndcg(ranked: list[str], grades: dict[str, int], k: int = TOP) -> float:
    gains = [
        (2 ** grades.get(title, 0) - 1) / math.log2(i + 2) for i, title in enumerate(ranked[:k])
    ]
    ideal = sorted(grades.values(), reverse=True)[:k]
    best = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return sum(gains) / best if best else 0.0


def scores(rankings: list[list[str]], cases) -> dict[str, float]:
    """Share of queries with a grade-3 practice in the top 3, and the mean nDCG@5."""
    pairs = list(zip(rankings, cases, strict=True))
    with_three = [(r, g) for r, (_t, _f, g) in pairs if 3 in g.values()]
    top3 = sum(any(g.get(t) == 3 for t in r[:3]) for r, g in with_three) / len(with_three)
    mean = sum(ndcg(r, g) for r, (_t, _f, g) in pairs) / len(cases)
    return {"top3": top3, "ndcg5": mean, "queries": len(cases)}


def engine_rankings(engine, cases) -> list[list[str]]:
    rankings = []
    for text, filters, _grades in cases:
        results = engine.search(SearchQuery(text=text, filters=filters, page_size=10))
        rankings.append([hit.page.title for hit in results.hits])
    return rankings


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.findall(r"[^\W_]+", folded)


def _allowed(engine, filters) -> set[int]:
    """The live practices a filter leaves, as the database engine resolves it."""
    allowed, page = set(), 1
    while True:
        found = engine.search(SearchQuery(filters=filters, page=page, page_size=50))
        allowed |= {hit.page.pk for hit in found.hits}
        if not found.has_next:
            return allowed
        page += 1


def bm25_rankings(cases) -> list[list[str]]:
    """Plain BM25 (no stemming, synonyms or typo tolerance) over title, summary and the
    page's full text; filters applied as the database engine resolves them."""
    pages = list(
        PracticePage.objects.live().values_list(
            "pk", "title", "summary", "easy_read_summary", "search_document"
        )
    )
    documents = {pk: _words(" ".join(parts)) for pk, *parts in pages}
    titles = {pk: title for pk, title, *_rest in pages}
    frequencies = Counter(w for words in documents.values() for w in set(words))
    average = sum(len(w) for w in documents.values()) / max(len(documents), 1)
    counts = {pk: Counter(words) for pk, words in documents.items()}
    total = len(documents)
    engine = get_engine("database")
    rankings = []
    for text, filters, _grades in cases:
        allowed = _allowed(engine, filters) if filters else None
        terms = _words(text)
        ranked = []
        for pk, counter in counts.items():
            if allowed is not None and pk not in allowed:
                continue
            value = 0.0
            for term in terms:
                tf = counter.get(term, 0)
                if tf:
                    df = frequencies[term]
                    idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
                    norm = K1 * (1 - B + B * len(documents[pk]) / average)
                    value += idf * tf * (K1 + 1) / (tf + norm)
            if value:
                ranked.append((value, pk))
        ranked.sort(reverse=True)
        rankings.append([titles[pk] for _v, pk in ranked[:10]])
    return rankings


def evaluate() -> dict[str, dict[str, float]]:
    """The database engine and the BM25 baseline on the current database."""
    cases = judged()
    return {
        connection.vendor: scores(engine_rankings(get_engine("database"), cases), cases),
        "bm25": scores(bm25_rankings(cases), cases),
    }
