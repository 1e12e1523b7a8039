"""Send the reminder EVENTS_REMINDER_HOURS before each event, once; run it every hour."""

from django.core.management.base import BaseCommand

from events.services import confirmation_emails_retry, registrations_expire, reminders_send


class Command(BaseCommand):
    help = (
        "Queue event reminders that are due, retry confirmation emails that failed, and expire "
        "unconfirmed registrations."
    )

    def handle(self, *args, **options) -> None:
        sent = reminders_send()
        retried = confirmation_emails_retry()
        expired = registrations_expire()
        self.stdout.write(
            f"Queued {sent} reminders; retried {retried} unsent emails; "
            f"{expired} unconfirmed registrations expired."
        )
