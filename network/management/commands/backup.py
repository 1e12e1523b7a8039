from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from network.backups import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the PostgreSQL database and MEDIA_ROOT into a new folder under TARGET."

    def add_arguments(self, parser) -> None:
        parser.add_argument("target", type=Path, help="folder that collects the backups")

    def handle(self, *args, target: Path, **options) -> None:
        try:
            folder = backup_create(target=target)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(folder))
