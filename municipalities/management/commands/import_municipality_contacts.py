"""Import the inclusion contact of many municipalities from a CSV file (the team's list)."""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from municipalities.services import municipality_contacts_import


class Command(BaseCommand):
    help = (
        "Set each municipality's contact for inclusion questions from a CSV file with the "
        "columns cbs_code, contact_name, contact_email, open_for_questions (ja/nee) and "
        "lia_document_url. --dry-run reports what would change and each refused row."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check only; change nothing.")

    def handle(self, *args, path: Path, dry_run: bool, **options) -> None:
        try:
            with path.open(newline="", encoding="utf-8-sig") as handle:
                rows = list(csv.DictReader(handle))
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        if rows and "cbs_code" not in {key.strip().lower() for key in rows[0] if key}:
            raise CommandError("The file has no cbs_code column.")
        # The report is in English, like the other management commands.
        with transaction.atomic(), translation.override("en"):
            report = municipality_contacts_import(rows=rows, dry_run=dry_run)
        verb = "Would update" if dry_run else "Updated"
        self.stdout.write(f"{verb} {len(report.updated)} municipalities.")
        for line, reason in report.refused:
            self.stdout.write(f"Refused line {line}: {reason}")
        self.stdout.write(f"Refused {len(report.refused)} row(s).")
