"""Erase accessibility needs EVENTS_NEEDS_RETENTION_DAYS after each event; run it daily."""

from django.core.management.base import BaseCommand

from events.services import needs_erase


class Command(BaseCommand):
    help = "Erase the accessibility needs of registrations for events that ended long enough ago."

    def handle(self, *args, **options) -> None:
        erased = needs_erase()
        self.stdout.write(f"Erased the accessibility needs of {erased} registrations.")
