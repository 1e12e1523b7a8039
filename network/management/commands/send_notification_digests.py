"""Send each person the daily digest of the notifications they chose to receive that way."""

from django.core.management.base import BaseCommand

from network.notifications import send_digests


class Command(BaseCommand):
    help = "Send the daily digest of notifications (run once a day, for example from cron)."

    def handle(self, *args, **options) -> None:
        sent = send_digests()
        self.stdout.write(f"Sent {sent} digest email(s).")
