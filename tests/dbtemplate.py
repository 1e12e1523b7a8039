"""One migrated database per engine, copied by every test process instead of migrating again.

Migrating from scratch replays about 260 migrations and takes a minute. The SQLite suite's
workers, the browser suite's servers and the PostgreSQL suite's workers each need the same
empty, migrated database, so it is built once (under a lock, so parallel workers wait for one
build) and copied: a file on SQLite, a template database on PostgreSQL (`CREATE DATABASE ...
TEMPLATE`). Its name holds a hash of every migration file in the project and of the installed
packages' versions: a new migration or another Wagtail version builds a new one.

`python -m tests.dbtemplate` builds it ahead of the tests (`make test` does, beside the lint);
with DATABASE_URL set to PostgreSQL it builds the PostgreSQL template.
"""

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parents[1]
CACHE_DIR = ROOT / "var" / "test-db"


def _migrate(database_url: str) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "network.settings.test",
        "DATABASE_URL": database_url,
    }
    subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(ROOT / "manage.py"), "migrate", "--run-syncdb", "-v0"],
        env=env,
        cwd=ROOT,
        check=True,
    )


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    digest.update("\n".join(packages).encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()[:16]


@contextmanager
def locked(path: Path):
    """Hold an exclusive lock on `path`.lock: one process builds, the others wait for it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(path.suffix + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def migrated_template() -> Path:
    """The migrated database for this code, built now if it does not exist yet."""
    target = CACHE_DIR / f"migrated-{_fingerprint()}.sqlite3"
    with locked(target):
        if not target.exists():
            for old in CACHE_DIR.glob("migrated-*.sqlite3"):
                old.unlink()
            building = target.with_suffix(".building")
            building.unlink(missing_ok=True)
            _migrate(f"sqlite:///{building}")
            building.rename(target)
    return target


def copy_template(destination: Path) -> Path:
    """A private copy of the migrated database at `destination`."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated_template(), destination)
    return destination


def _maintenance(database_url: str):
    """A connection to the server's `postgres` database, outside any transaction."""
    parts = urlsplit(database_url)
    return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)


def postgres_template(database_url: str) -> str:
    """The name of the migrated PostgreSQL template database, built now if it does not exist."""
    name = f"idm_template_{_fingerprint()}"
    with locked(CACHE_DIR / f"{name}.postgres"), _maintenance(database_url) as connection:
        rows = connection.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE 'idm_template_%'"
        ).fetchall()
        existing = {row[0] for row in rows}
        if name not in existing:
            for old in existing:
                connection.execute(f'DROP DATABASE IF EXISTS "{old}"')
            building = f"{name}_building"
            connection.execute(f'CREATE DATABASE "{building}"')
            _migrate(urlunsplit(urlsplit(database_url)._replace(path=f"/{building}")))
            connection.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
    return name


def create_from_postgres_template(database_url: str, test_name: str) -> None:
    """A fresh test database `test_name`, copied from the migrated template."""
    template = postgres_template(database_url)
    with _maintenance(database_url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{test_name}"')
        connection.execute(f'CREATE DATABASE "{test_name}" TEMPLATE "{template}"')


def drop_postgres_database(database_url: str, test_name: str) -> None:
    with _maintenance(database_url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{test_name}" WITH (FORCE)')


def is_postgres(database_url: str) -> bool:
    return database_url.startswith(("postgres://", "postgresql://"))


if __name__ == "__main__":
    url = os.environ.get("DATABASE_URL", "")
    print(postgres_template(url) if is_postgres(url) else migrated_template())
