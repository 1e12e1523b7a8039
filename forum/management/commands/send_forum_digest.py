"""Send the daily forum digest; run once a day from cron or the task scheduler."""

from django.core.management.base import BaseCommand

from forum.services import digest_send


class Command(BaseCommand):
    help = "Email each member who chose a daily digest the new posts they follow."

    def handle(self, *args, **options) -> None:
        sent = digest_send()
        self.stdout.write(f"Forum digest: {sent} email(s) queued.")
