"""Background work of the agenda: the emails to registrants, sent through django-tasks."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from network.notifications import absolute_url, page_absolute_url

from .ical import calendar_for
from .models.registrations import Registration

SUBJECTS = {
    "verify": gettext_noop("Please confirm your registration for {title}"),
    "confirmed": gettext_noop("You are registered for {title}"),
    "waitlisted": gettext_noop("You are on the waitlist for {title}"),
    "promoted": gettext_noop("A seat has become free for you at {title}"),
    "reminder": gettext_noop("Reminder: {title} starts soon"),
}
WITH_CALENDAR = {"confirmed", "promoted", "reminder"}


@task()
def send_registration_email(registration_id: int, kind: str) -> bool:
    """Email a registrant: confirm-your-email, confirmed, waitlisted, promoted or reminder."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or kind not in SUBJECTS:
        return False
    event = registration.event
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        token = registration.token
        context = {
            "registration": registration,
            "event": event,
            "kind": kind,
            "event_url": page_absolute_url(event),
            "confirm_url": absolute_url(reverse("events:registration_confirm", args=[token])),
            "cancel_url": absolute_url(reverse("events:registration_cancel", args=[token])),
            "show_online_link": kind in WITH_CALENDAR and event.is_online,
        }
        subject = _(SUBJECTS[kind]).format(title=event.title)
        body = render_to_string("events/email/registration.txt", context)
        message = EmailMessage(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
            body=body,
            to=[registration.email],
        )
        if kind in WITH_CALENDAR:
            message.attach("event.ics", calendar_for([event], name=event.title), "text/calendar")
    message.send()
    if kind != "reminder":
        Registration.objects.filter(pk=registration.pk).update(email_sent_at=timezone.now())
    return True
