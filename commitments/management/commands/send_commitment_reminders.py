"""Remind officials and followers of stalled commitments; send the summary before elections.

Run it once a day (for example from cron: `15 7 * * * .venv/bin/python manage.py
send_commitment_reminders`). Each reminder goes out once; a new status change resets it.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from commitments.services import STALE_AFTER_MONTHS, send_reminders


class Command(BaseCommand):
    help = "Send reminders about commitments without progress and the pre-election summary."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=STALE_AFTER_MONTHS,
            help="After how many months without a status change to remind (default 12).",
        )
        parser.add_argument("--today", help="Act as if today is this date (YYYY-MM-DD).")

    def handle(self, *args, months: int, today: str | None = None, **options):
        if months < 1 or months > 120:
            raise CommandError("--months must be between 1 and 120.")
        day = None
        if today:
            try:
                day = datetime.date.fromisoformat(today)
            except ValueError as error:
                raise CommandError("--today must be a date like 2026-12-01.") from error
        sent = send_reminders(today=day, months=months)
        self.stdout.write(
            f"Reminders about stalled commitments: {sent['stale']}; "
            f"election summaries: {sent['election']}."
        )
