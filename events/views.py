"""Views outside the page tree: the agenda's calendar feed and the links in the emails.

The agenda and its events answer their own routes (`events/models/pages.py`).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from network.ratelimits import rate_limit_hit, too_many_requests

from .forms import AgendaFilterForm, ConfirmActionForm
from .ical import calendar_for
from .models import LIST_DEFERRED, EventPage, Registration
from .services import registration_cancel, registration_confirm_email

Status = Registration.Status


@require_GET
def agenda_feed(request: HttpRequest) -> HttpResponse:
    """All upcoming events as an iCalendar feed, with the agenda's filters."""
    form = AgendaFilterForm(request.GET)
    if not form.is_valid():
        errors = "; ".join(str(e) for errors in form.errors.values() for e in errors)
        return HttpResponse(
            _("Some filters are not valid: %(errors)s") % {"errors": errors},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    events = (
        form.filter(EventPage.objects.live().defer(*LIST_DEFERRED))
        .filter(end__gt=timezone.now())
        .order_by("start", "pk")
    )
    body = calendar_for(events, name=_("Agenda Iedereen doet mee!"), request=request)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response


# -- links from the emails (no account needed) ---------------------------------------------


def _registration_by_token(token: str) -> Registration:
    registration = (
        Registration.objects.select_related("event").filter(token=token).first()
        if 20 <= len(token) <= 64
        else None
    )
    if registration is None:
        raise Http404(_("This link is not valid (any more)."))
    return registration


@require_http_methods(["GET", "POST"])
def registration_confirm(request: HttpRequest, token: str) -> HttpResponse:
    registration = _registration_by_token(token)
    event = registration.event
    context = {"registration": registration, "event": event, "action": "confirm"}
    if request.method == "POST":
        wait = rate_limit_hit(request, "event_registration_link", key=token)
        if wait:
            return too_many_requests(request, wait)
        form = ConfirmActionForm(request.POST)
        if form.is_valid():
            try:
                registration_confirm_email(registration=registration)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return render(request, "events/registration_action.html", context, status=400)
            messages.success(request, registration.status_message())
            return redirect(event.url)
    return render(request, "events/registration_action.html", context)


@require_http_methods(["GET", "POST"])
def registration_cancel_view(request: HttpRequest, token: str) -> HttpResponse:
    registration = _registration_by_token(token)
    event = registration.event
    context = {"registration": registration, "event": event, "action": "cancel"}
    if request.method == "POST":
        wait = rate_limit_hit(request, "event_registration_link", key=token)
        if wait:
            return too_many_requests(request, wait)
        form = ConfirmActionForm(request.POST)
        if form.is_valid():
            if registration.status == Status.CANCELLED:
                messages.info(request, _("This registration was already cancelled."))
            else:
                registration_cancel(registration=registration)
                messages.success(request, registration.status_message())
            return redirect(event.url)
    return render(request, "events/registration_action.html", context)
