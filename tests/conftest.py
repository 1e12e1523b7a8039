"""Shared fixtures: the page tree once per database, users per role, PostgreSQL-only marker."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections

from network import page_cache
from network.cache import renew_all
from network.factories import UserFactory
from network.pages import ensure_home_page
from network.roles import EXPERT_BY_EXPERIENCE, MODERATOR, MUNICIPAL_OFFICIAL, PROJECT_TEAM
from tests.dbtemplate import (
    copy_template,
    create_from_postgres_template,
    drop_postgres_database,
    is_postgres,
)

# What behaves differently per database engine. `make test` runs the whole suite on SQLite (the
# default of `make run`) and, on PostgreSQL (production), what carries this marker: search,
# locking and concurrency, migrations, bulk writes, the bad-input runs (PostgreSQL refuses NUL
# bytes that SQLite stores), committed transactions and every query budget.
ENGINE_SENSITIVE_PATHS = (
    "tests/knowledge/test_postgres.py",
    "tests/knowledge/test_search_",
    "tests/knowledge/test_site_search.py",
    "tests/knowledge/test_views.py",
    "tests/knowledge/test_import.py",
    "tests/network/test_fuzz.py",
    "tests/network/test_input_safety.py",
    "tests/network/test_backups.py",
    "tests/network/test_cache_shared.py",
    "tests/network/test_page_cache.py",
    "tests/municipalities/test_importer.py",
    "tests/municipalities/test_overview.py",
    "tests/taxonomy/",
)
QUERY_BUDGET_FIXTURES = {"django_assert_num_queries", "django_assert_max_num_queries"}


def _engine_sensitive(item: pytest.Item) -> bool:
    path = str(item.path.relative_to(item.config.rootpath))
    if path.startswith(ENGINE_SENSITIVE_PATHS) or item.get_closest_marker("postgres"):
        return True
    if QUERY_BUDGET_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    db = item.get_closest_marker("django_db")
    return bool(db and db.kwargs.get("transaction"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _engine_sensitive(item):
            item.add_marker(pytest.mark.engine)
    # The longest tests start first: the two workers then finish at about the same time,
    # instead of one running a minute-long test alone at the end.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://... (make test does)")


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Dutch: a request to /en/ leaves English active in the thread."""
    from django.utils import translation

    translation.activate("nl")
    yield
    translation.activate("nl")


@pytest.fixture(autouse=True)
def fresh_content_tokens():
    """Nothing cached by an earlier test is served: pages, fragments, the overview's rows.

    Some caches are renewed on commit, which a rolled-back test never reaches.
    """
    cache.clear()
    page_cache.LOCAL.clear()
    renew_all()


SHARED_MEMORY = Path("/dev/shm")  # noqa: S108 - only a private folder (mkdtemp) is made in it


def _on_sqlite() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Each test process starts from a copy of one migrated database (tests/dbtemplate.py).

    On SQLite the copy lives in shared memory where there is one, as fast as an in-memory
    database; on PostgreSQL it is a database created from the migrated template.
    """
    database = settings.DATABASES["default"]
    url = os.environ.get("DATABASE_URL", "")
    if _on_sqlite():
        memory = SHARED_MEMORY if SHARED_MEMORY.is_dir() else None
        folder = Path(tempfile.mkdtemp(prefix="idm-test-", dir=memory))
        database.setdefault("TEST", {})["NAME"] = str(copy_template(folder / "test.sqlite3"))
        yield
        shutil.rmtree(folder, ignore_errors=True)
    elif is_postgres(url):
        name = database.get("TEST", {}).get("NAME") or f"test_{database['NAME']}"
        database.setdefault("TEST", {})["NAME"] = name
        create_from_postgres_template(url, name)
        yield
        connections.close_all()
        drop_postgres_database(url, name)
    else:
        yield


@pytest.fixture(scope="session")
def django_db_keepdb() -> bool:
    # The copy is already migrated: Django uses it instead of creating a new one.
    return _on_sqlite() or is_postgres(os.environ.get("DATABASE_URL", ""))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The home page and site exist in every test database from the start."""
    with django_db_blocker.unblock():
        ensure_home_page()


@pytest.fixture
def home_page(db):
    # get-or-create, so it also works after a transactional test flushed the tables
    return ensure_home_page()


@pytest.fixture
def member(db):
    return UserFactory(email="member@example.org", display_name="Member")


@pytest.fixture
def official(db):
    return UserFactory(
        email="official@example.org", display_name="Official", roles=[MUNICIPAL_OFFICIAL]
    )


@pytest.fixture
def expert(db):
    return UserFactory(
        email="expert@example.org", display_name="Expert", roles=[EXPERT_BY_EXPERIENCE]
    )


@pytest.fixture
def moderator(db):
    return UserFactory(email="moderator@example.org", display_name="Moderator", roles=[MODERATOR])


@pytest.fixture
def team_member(db):
    return UserFactory(email="team@example.org", display_name="Team", roles=[PROJECT_TEAM])


@pytest.fixture
def superuser(db):
    user = UserFactory(email="admin@example.org", display_name="Admin")
    user.is_superuser = user.is_staff = True
    user.save()
    return user
