"""Ranking quality of the practice search on the judged set: per engine, next to BM25.

Each database engine is scored on a fresh database holding only the demo data (SQLite and
PostgreSQL, each in a process of its own); Elasticsearch too when ELASTICSEARCH_URL is set.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection

from bench.relevance import engine_rankings, judged, load_demo, scores
from bench.utils import Report
from knowledge.search import get_engine
from knowledge.search.elastic import rebuild_index

TARGET_TOP3, TARGET_NDCG, SQLITE_MARGIN = 0.95, 0.85, 0.05


def run(report: Report) -> None:
    figures: dict[str, dict] = {}
    for vendor in ("postgresql", "sqlite"):
        if vendor == "postgresql" and connection.vendor != "postgresql":
            continue
        found = _figures(vendor)
        figures[vendor] = found[vendor]
        figures[f"bm25 ({vendor})"] = found["bm25"]
    if getattr(settings, "ELASTICSEARCH_URL", ""):
        load_demo()
        rebuild_index()
        cases = judged()
        figures["elasticsearch"] = scores(
            engine_rankings(get_engine("elasticsearch"), cases), cases
        )
    postgres = figures.get("postgresql")
    for name, values in figures.items():
        top3, ndcg5 = values["top3"], values["ndcg5"]
        target_top3 = target_ndcg = ""
        ok = None
        if name == "postgresql":
            target_top3, target_ndcg = f">= {TARGET_TOP3:.0%}", f">= {TARGET_NDCG}"
            ok = top3 >= TARGET_TOP3 and ndcg5 >= TARGET_NDCG
        elif name == "sqlite" and postgres:
            target_ndcg = f"within {SQLITE_MARGIN} of PostgreSQL"
            ok = postgres["ndcg5"] - ndcg5 <= SQLITE_MARGIN
        label = name.replace("bm25", "BM25 baseline")
        report.add(
            "relevance",
            f"{label}: grade 3 in top 3 ({values['queries']} queries)",
            f"{top3:.0%}",
            target_top3,
            ok if name == "postgresql" else None,
        )
        report.add("relevance", f"{label}: nDCG@5", f"{ndcg5:.3f}", target_ndcg, ok)


def _figures(vendor: str) -> dict:
    """The evaluation on a fresh database of this kind, in a process of its own."""
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(  # noqa: S603 - our own module, no shell
        [sys.executable, "-m", "bench.relevance_run", vendor],
        cwd=root,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])
