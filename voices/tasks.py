"""Background work of the voices app: every email leaves through django-tasks."""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task


@task()
def send_voices_email(*, to: str, subject: str, body: str) -> None:
    """Send one plain-text email; queued so a slow mail server never slows a page."""
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    send_mail(prefix + subject, body, None, [to])
