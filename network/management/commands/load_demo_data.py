"""Builds a believable network from the shipped reference data; safe to run again."""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction


class Command(BaseCommand):
    help = "Load demo data: page tree, accounts per role, and each app's demo content (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Multiply the generated content (practices, events, topics) for benchmarks.",
        )
        parser.add_argument("--only", nargs="*", help="Only these apps (default: DEMO_DATA_APPS).")

    def handle(self, *args, scale: int, only: list[str] | None, **options) -> None:
        if scale < 1:
            self.stderr.write("--scale must be 1 or more.")
            raise SystemExit(2)
        for app_label in only or settings.DEMO_DATA_APPS:
            try:
                module = import_module(f"{app_label}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{app_label}.demo":
                    raise
                continue
            self.stdout.write(f"Demo data: {app_label}")
            with transaction.atomic():
                module.load(scale=scale, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
