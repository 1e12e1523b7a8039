"""Erase accommodation data INTERNSHIPS_NEEDS_RETENTION_DAYS after each internship; run daily."""

from django.core.management.base import BaseCommand

from internships.services import needs_erase


class Command(BaseCommand):
    help = "Erase the accommodations of applications for internships that ended long enough ago."

    def handle(self, *args, **options) -> None:
        erased = needs_erase()
        self.stdout.write(f"Erased the accommodations of {erased} applications.")
