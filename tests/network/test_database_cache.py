"""The production database cache: one statement per write, the same answers as Django's."""

import itertools

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from network import database_cache

pytestmark = [pytest.mark.django_db, pytest.mark.engine]


def _cache(monkeypatch, *, check_every=database_cache.CULL_CHECK_EVERY, **options):
    settings = {
        "default": {
            "BACKEND": "network.database_cache.DatabaseCache",
            "LOCATION": "idm_cache",
            "OPTIONS": options,
        }
    }
    override = override_settings(CACHES=settings)
    override.enable()
    call_command("createcachetable", verbosity=0)
    # Counted from 1, so the first write is not a count-and-cull one.
    monkeypatch.setattr(database_cache, "_writes", itertools.count(1))
    monkeypatch.setattr(database_cache, "CULL_CHECK_EVERY", check_every)
    return override, caches.create_connection("default")


def _rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM idm_cache")
        return cursor.fetchone()[0]


def _statements(queries) -> list[str]:
    # The test runs in a transaction, where a write gets a savepoint (as in Django); a request
    # runs in autocommit mode, where it does not.
    return [
        query["sql"].split()[0]
        for query in queries.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]


def test_a_write_is_one_statement_and_reads_back_like_djangos(monkeypatch):
    override, cache = _cache(monkeypatch)
    try:
        with CaptureQueriesContext(connection) as first:
            cache.set("page", {"body": "eerste"}, 60)
        with CaptureQueriesContext(connection) as second:
            cache.set("page", {"body": "tweede"}, 60)
        assert _statements(first) == _statements(second) == ["INSERT"]
        assert cache.get("page") == {"body": "tweede"}
        assert _rows() == 1

        cache.set("forever", "blijft", None)
        cache.set_many({"a": 1, "b": 2})
        assert cache.get_many(["forever", "a", "b"]) == {"forever": "blijft", "a": 1, "b": 2}
        assert cache.add("a", 99) is False, "add keeps Django's own rules"
        cache.set("gone", "weg", -1)
        assert cache.get("gone", "verlopen") == "verlopen"
    finally:
        override.disable()


def test_a_write_in_a_transaction_is_rolled_back_with_it(monkeypatch):
    override, cache = _cache(monkeypatch)
    try:
        with pytest.raises(RuntimeError), transaction.atomic():
            cache.set("page", "binnen", 60)
            assert cache.get("page") == "binnen"
            raise RuntimeError
        assert cache.get("page") is None
    finally:
        override.disable()


def test_the_table_is_culled_when_a_count_finds_it_full(monkeypatch):
    override, cache = _cache(monkeypatch, check_every=4, MAX_ENTRIES=5, CULL_FREQUENCY=2)
    try:
        for number in range(1, 4):
            cache.set(f"page-{number}", number, 60)
        assert _rows() == 3, "no count before the fourth write"
        for number in range(4, 12):
            cache.set(f"page-{number}", number, 60)
        # Counted at writes 4 and 8 (4 and 8 rows: the second finds the table full and
        # culls half), so 11 writes leave fewer rows than keys written.
        assert _rows() < 11
        assert cache.get("page-11") == 11, "the newest entry survives the cull"
    finally:
        override.disable()
