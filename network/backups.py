"""Backups that restore: the PostgreSQL database (pg_dump custom format) and MEDIA_ROOT (tar).

`manage.py backup DIR` writes DIR/<stamp>/database.dump and DIR/<stamp>/media.tar.gz;
`manage.py restore DIR/<stamp>` puts both back (the database's tables are replaced).
"""

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone


class BackupError(RuntimeError):
    pass


def _pg_args(alias: str) -> tuple[list[str], dict]:
    db = settings.DATABASES[alias]
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError("Backups need PostgreSQL; SQLite files can simply be copied.")
    args = ["--no-owner", "--no-privileges", "--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _run(command: list[str], env: dict) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client).")
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup_create(*, target: Path, alias: str = "default") -> Path:
    """Write a new backup folder under `target` and return it."""
    folder = Path(target) / timezone.now().strftime("%Y%m%dT%H%M%SZ")
    folder.mkdir(parents=True, exist_ok=False)
    args, env = _pg_args(alias)
    _run(["pg_dump", "--format=custom", "--file", str(folder / "database.dump"), *args], env)
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname="media")
    return folder


def backup_restore(*, source: Path, alias: str = "default") -> None:
    """Replace the database and MEDIA_ROOT with the backup in `source`."""
    source = Path(source)
    dump, media_tar = source / "database.dump", source / "media.tar.gz"
    if not dump.exists() or not media_tar.exists():
        raise BackupError(f"{source} holds no database.dump and media.tar.gz.")
    connections[alias].close()
    args, env = _pg_args(alias)
    _run(["pg_restore", "--clean", "--if-exists", "--single-transaction", *args, str(dump)], env)
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.rmtree(media)
    media.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(media_tar, "r:gz") as archive:
        archive.extractall(media.parent / ".restore", filter="data")
    restored = media.parent / ".restore" / "media"
    if restored.exists():
        restored.rename(media)
    else:
        media.mkdir()
    shutil.rmtree(media.parent / ".restore", ignore_errors=True)
