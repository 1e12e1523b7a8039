"""Backups restore: back up a PostgreSQL database with media, wipe both, restore, compare."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from network.backups import backup_create, backup_restore
from network.factories import UserFactory
from network.models import User


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_backup_wipe_and_restore_brings_back_rows_and_media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "lia.pdf").write_bytes(b"%PDF-1.7 LIA")
    UserFactory(email="bewaard@example.org", display_name="Bewaard")

    folder = backup_create(target=tmp_path / "backups")
    assert {p.name for p in folder.iterdir()} == {"database.dump", "media.tar.gz"}

    User.objects.all().delete()
    (settings.MEDIA_ROOT / "documents" / "lia.pdf").unlink()
    (settings.MEDIA_ROOT / "documents" / "new.pdf").write_bytes(b"after the backup")

    call_command("restore", str(folder), "--yes")

    assert User.objects.get(email="bewaard@example.org").display_name == "Bewaard"
    assert (settings.MEDIA_ROOT / "documents" / "lia.pdf").read_bytes() == b"%PDF-1.7 LIA"
    assert not (settings.MEDIA_ROOT / "documents" / "new.pdf").exists()


def test_restore_refuses_a_folder_without_a_backup(tmp_path, db):
    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path), "--yes")


def test_backup_on_sqlite_says_what_to_do_instead(tmp_path, db, settings):
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        pytest.skip("the SQLite message only")
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("backup", str(tmp_path))


def test_restore_function_checks_its_folder(tmp_path):
    with pytest.raises(RuntimeError):
        backup_restore(source=tmp_path)
