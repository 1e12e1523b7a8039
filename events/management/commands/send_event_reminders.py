"""Send the reminder EVENTS_REMINDER_HOURS before each event, once; run it every hour."""

from django.core.management.base import BaseCommand

from events.services import confirmation_emails_retry, reminders_send


class Command(BaseCommand):
    help = "Queue event reminders that are due, and retry confirmation emails that failed."

    def handle(self, *args, **options) -> None:
        sent = reminders_send()
        retried = confirmation_emails_retry()
        self.stdout.write(f"Queued {sent} reminders; retried {retried} unsent emails.")
