"""Shared fixtures: the page tree once per database, users per role, PostgreSQL-only marker."""

import pytest
from django.core.cache import cache
from django.db import connection

from network import page_cache
from network.cache import renew_all
from network.factories import UserFactory
from network.pages import ensure_home_page
from network.roles import EXPERT_BY_EXPERIENCE, MODERATOR, MUNICIPAL_OFFICIAL, PROJECT_TEAM

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
