"""Dates and times as people in the Netherlands read them."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

LOCAL_TIMEZONE = ZoneInfo("Europe/Amsterdam")
LOCAL_DATETIME_FORMAT = "%d-%m-%Y %H:%M"


def local_datetime(value: datetime) -> datetime:
    """An aware moment in Europe/Amsterdam time (what the site shows), whatever zone it came in."""
    return timezone.localtime(value, LOCAL_TIMEZONE)


def local_datetime_text(value: datetime) -> str:
    """A moment as day-month-year hours:minutes in Europe/Amsterdam time, e.g. 01-12-2026 14:30."""
    return local_datetime(value).strftime(LOCAL_DATETIME_FORMAT)
