"""Faceted search of the practice library behind one interface, on two engines."""

from __future__ import annotations

import logging

from django.conf import settings

from .base import FACETS, SORTS, Hit, SearchEngine, SearchQuery, SearchResults, highlight
from .database import DatabaseEngine
from .elastic import ElasticsearchEngine, ElasticUnavailable

logger = logging.getLogger(__name__)

__all__ = [
    "FACETS",
    "SORTS",
    "DatabaseEngine",
    "FallbackEngine",
    "Hit",
    "SearchEngine",
    "SearchQuery",
    "SearchResults",
    "get_engine",
    "highlight",
]


class FallbackEngine:
    """Asks Elasticsearch and, when the cluster cannot answer, the database instead."""

    def __init__(self, primary: SearchEngine, fallback: SearchEngine) -> None:
        self.primary = primary
        self.fallback = fallback
        self.name = primary.name

    def search(self, query: SearchQuery) -> SearchResults:
        try:
            return self.primary.search(query)
        except ElasticUnavailable as error:
            logger.warning("Elasticsearch unavailable, searching the database: %s", error)
            return self.fallback.search(query)


def get_engine(name: str | None = None) -> SearchEngine:
    """The engine for `name`, or Elasticsearch when ELASTICSEARCH_URL is set, else the database."""
    if name is None:
        name = "elasticsearch" if getattr(settings, "ELASTICSEARCH_URL", "") else "database"
    if name == "database":
        return DatabaseEngine()
    if name == "elasticsearch":
        return FallbackEngine(ElasticsearchEngine(), DatabaseEngine())
    raise ValueError(f"unknown search engine {name!r}")
