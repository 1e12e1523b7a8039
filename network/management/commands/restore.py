from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from network.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = "Replace the database and MEDIA_ROOT with a backup folder made by `backup`."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "source", type=Path, help="one backup folder, e.g. backups/20260101T0300Z"
        )
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, source: Path, yes: bool, **options) -> None:
        if not yes and input(f"Replace the database and media with {source}? [y/N] ") != "y":
            raise CommandError("Nothing restored.")
        try:
            backup_restore(source=source)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {source}"))
