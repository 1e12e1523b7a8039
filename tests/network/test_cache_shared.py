"""The production cache is shared between worker processes: a write in one is seen by all."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import RequestFactory, override_settings

from network import cache as content_cache

ROOT = Path(__file__).resolve().parents[2]

# One "worker": a fresh Python process with the production settings, like a gunicorn worker.
WORKER = """
import django
django.setup()
from network.cache import content_version, content_changed
from municipalities.services import map_cache_invalidate, map_cache_version
before = (map_cache_version(), content_version())
if {write}:
    map_cache_invalidate()
    content_changed()
print(map_cache_version(), content_version())
"""


def _worker(env: dict, *, write: bool) -> str:
    result = subprocess.run(
        [sys.executable, "-c", WORKER.format(write=write)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def production_env(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DATABASE_URL", "CONN_MAX_AGE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="network.settings.production",
        SECRET_KEY="a-long-random-looking-secret-key-for-the-two-worker-test-0123456789",
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        LOG_LEVEL="ERROR",
    )
    setup = subprocess.run(
        [sys.executable, "manage.py", "createcachetable"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert setup.returncode == 0, setup.stderr
    return env


def test_a_write_in_one_worker_is_seen_by_the_next_worker(production_env):
    """An LIA status change answered by worker A must not leave worker B on the old data."""
    written = _worker(production_env, write=True)
    seen = _worker(production_env, write=False)
    assert written.split()[0] != "1", "the write bumped the overview's version"
    assert seen == written


DATABASE_CACHE = {
    "default": {"BACKEND": "network.database_cache.DatabaseCache", "LOCATION": "idm_cache"}
}


@pytest.mark.django_db
def test_two_cache_clients_share_the_content_version():
    """Two clients of the database cache (as two workers hold) see each other's writes."""
    with override_settings(CACHES=DATABASE_CACHE):
        call_command("createcachetable", verbosity=0)
        worker_a = caches.create_connection("default")
        worker_b = caches.create_connection("default")
        assert worker_a is not worker_b
        worker_a.set(content_cache.CONTENT_VERSION_KEY, "from-a", None)
        assert worker_b.get(content_cache.CONTENT_VERSION_KEY) == "from-a"


@pytest.mark.django_db
def test_a_request_reads_the_shared_tokens_in_one_round_trip(django_assert_num_queries):
    """With the database cache every read is a query; a page asks for ten tokens or more."""
    with override_settings(CACHES=DATABASE_CACHE):
        call_command("createcachetable", verbosity=0)
        content_cache.app_token("knowledge", "events")
        content_cache.shared_token()

        def reads(request):
            return [
                content_cache.app_token("knowledge"),
                content_cache.app_token("events", "knowledge"),
                content_cache.content_version(),
                content_cache.app_token("events"),
            ]

        middleware = content_cache.RequestTokensMiddleware(reads)
        with django_assert_num_queries(1):
            knowledge, both, _site_wide, events = middleware(RequestFactory().get("/"))
        assert both == f"{events}-{knowledge}"

        def write_then_read(request):
            before = content_cache.app_token("knowledge")
            content_cache.content_changed(app_label="knowledge")
            return before, content_cache.app_token("knowledge")

        before, after = content_cache.RequestTokensMiddleware(write_then_read)(
            RequestFactory().get("/")
        )
        assert before != after, "a write in the request renews what the request remembers"

        # Between requests nothing is remembered: another worker's write is seen at once.
        other_worker = caches.create_connection("default")
        other_worker.set(content_cache.CONTENT_VERSION_KEY, "from-b", None)
        assert content_cache.shared_token() == "from-b"
        next_request = content_cache.RequestTokensMiddleware(lambda r: content_cache.shared_token())
        assert next_request(RequestFactory().get("/")) == "from-b"
