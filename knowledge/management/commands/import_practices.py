"""Import an existing collection of practices from a JSON file; safe to run again."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from knowledge.services import ensure_index_page, practices_import


class Command(BaseCommand):
    help = "Import practices from a JSON list (title, summary, body, kind, municipalities, ...)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        try:
            records = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        if not isinstance(records, list):
            raise CommandError("The file must hold a JSON list of objects.")
        report = practices_import(records=records, index=ensure_index_page())
        for number, errors in report.errors.items():
            title = (
                records[number - 1].get("title", "?")
                if isinstance(records[number - 1], dict)
                else "?"
            )
            self.stderr.write(f"Record {number} ({title}) not imported:")
            for error in errors:
                self.stderr.write(f"  - {error}")
        self.stdout.write(
            f"{len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.errors)} refused."
        )
        if report.errors:
            raise SystemExit(1)
