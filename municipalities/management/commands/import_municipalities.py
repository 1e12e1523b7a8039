"""Imports (or updates) all municipalities from the shipped CBS file; safe to run again."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from municipalities.importer import (
    DEFAULT_CSV,
    DEFAULT_GEOJSON,
    DEFAULT_POPULATION_YEAR,
    MunicipalityImportError,
    import_municipalities,
)


class Command(BaseCommand):
    help = (
        "Create or update one MunicipalityPage per municipality in the CSV; retire codes that "
        "are no longer in it. Validates the whole file first; writes nothing if a row is bad."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", type=Path, default=DEFAULT_CSV, help="The CBS CSV file.")
        parser.add_argument(
            "--geojson", type=Path, default=DEFAULT_GEOJSON, help="Boundaries for the centroids."
        )
        parser.add_argument(
            "--population-year",
            type=int,
            default=DEFAULT_POPULATION_YEAR,
            help="The year (1 January) of the population figures.",
        )
        parser.add_argument(
            "--retired-on",
            type=datetime.date.fromisoformat,
            default=None,
            help="Date recorded for codes that disappeared (YYYY-MM-DD; default today).",
        )

    def handle(
        self,
        *args,
        file: Path,
        geojson: Path,
        population_year: int,
        retired_on: datetime.date | None,
        **options,
    ) -> None:
        try:
            result = import_municipalities(
                csv_path=file,
                geojson_path=geojson,
                population_year=population_year,
                retired_on=retired_on,
            )
        except MunicipalityImportError as error:
            for line, message in error.problems:
                self.stderr.write(f"{file}:{line}: {message}")
            raise CommandError(
                f"{len(error.problems)} problem(s) in {file}; nothing was imported."
            ) from error
        for line in result.summary_lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Municipalities imported."))
