"""Views of the agenda. Thin: forms validate, services write, pages and queries read."""

import calendar
from collections import Counter
from datetime import date, datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from network.audit import sensitive_access_record
from network.pagination import page_number_is_valid, paginate
from network.ratelimits import (
    rate_limit_hit,
    rate_limit_message,
    too_many_requests,
    with_retry_after,
)
from network.roles import expert_flag
from network.spreadsheets import SafeCsvWriter, csv_response
from network.views import forbidden

from .forms import AgendaFilterForm, ConfirmActionForm, MonthForm, RegistrationForm
from .ical import calendar_for
from .models import (
    PROVISION_SHORT,
    EventIndexPage,
    EventPage,
    Provision,
    Registration,
    settings_needs_retention_days,
    with_confirmed_count,
)
from .services import registration_cancel, registration_confirm_email, registration_create

PAGE_SIZE = 20
# Lists show no programme, report or video: their StreamFields stay in the database.
LIST_DEFERRED = ("body", "body_en", "report", "report_en", "sign_language_video")
Status = Registration.Status


# -- queries -------------------------------------------------------------------------------


def listed_events(index: EventIndexPage | None = None):
    """Live events for lists: no StreamFields, confirmed seats annotated."""
    queryset = EventPage.objects.live().defer(*LIST_DEFERRED)
    if index is not None:
        queryset = queryset.child_of(index)
    return with_confirmed_count(queryset)


def _bad_request(request, template: str, context: dict, message: str) -> TemplateResponse:
    messages.error(request, message)
    return TemplateResponse(request, template, context, status=400)


# -- the agenda ----------------------------------------------------------------------------


def agenda_list(request: HttpRequest, *, index: EventIndexPage) -> HttpResponse:
    form = AgendaFilterForm(request.GET)
    context = index.get_context(request)
    context.update({"form": form, "view": "list", "page_obj": None})
    template = "events/event_index_page.html"
    if not form.is_valid():
        return _bad_request(
            request, template, context, _("Some filters are not valid; see the form.")
        )
    now = timezone.now()
    events = form.filter(listed_events(index)).filter(end__gt=now).order_by("start", "pk")
    context["page_obj"] = paginate(request, events, PAGE_SIZE)
    if not page_number_is_valid(request):
        return _bad_request(request, template, context, _("The page number is not valid."))
    return TemplateResponse(request, template, context)


def _month_grid(first: date, events: list[EventPage]) -> list[list[dict | None]]:
    """Weeks (Monday first) of days with their events; None for days outside the month."""
    days_in_month = calendar.monthrange(first.year, first.month)[1]
    by_day: dict[date, list[EventPage]] = {}
    for event in events:
        day = max(timezone.localdate(event.start), first)
        last = min(timezone.localdate(event.end), first.replace(day=days_in_month))
        while day <= last:
            by_day.setdefault(day, []).append(event)
            day += timedelta(days=1)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
        weeks.append(
            [
                {"date": day, "events": by_day.get(day, []), "today": day == timezone.localdate()}
                if day.month == first.month
                else None
                for day in week
            ]
        )
    return weeks


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def agenda_month(request: HttpRequest, *, index: EventIndexPage) -> HttpResponse:
    form = MonthForm(request.GET)
    context = index.get_context(request)
    context.update({"form": form, "view": "month", "weeks": None})
    template = "events/event_month.html"
    if not form.is_valid():
        return _bad_request(
            request, template, context, _("Some filters are not valid; see the form.")
        )
    first = form.cleaned_data.get("month") or timezone.localdate().replace(day=1)
    tz = timezone.get_current_timezone()
    start = datetime.combine(first, time.min, tzinfo=tz)
    end = datetime.combine(_add_months(first, 1), time.min, tzinfo=tz)
    events = list(
        form.filter(listed_events(index))
        .filter(start__lt=end, end__gt=start)
        .order_by("start", "pk")
        .only(
            "id", "title", "title_en", "slug", "url_path", "path", "depth", "start", "end", "format"
        )
    )
    context.update(
        {
            "month": first,
            "month_value": first.strftime("%Y-%m"),
            "previous_month": _add_months(first, -1).strftime("%Y-%m"),
            "next_month": _add_months(first, 1).strftime("%Y-%m"),
            "weeks": _month_grid(first, events),
            "day_names": [date_format(date(2024, 1, 1) + timedelta(days=i), "l") for i in range(7)],
            "event_count": len(events),
        }
    )
    return TemplateResponse(request, template, context)


def agenda_past(request: HttpRequest, *, index: EventIndexPage) -> HttpResponse:
    form = AgendaFilterForm(request.GET)
    context = index.get_context(request)
    context.update({"form": form, "view": "past", "page_obj": None})
    template = "events/event_past.html"
    if not form.is_valid():
        return _bad_request(
            request, template, context, _("Some filters are not valid; see the form.")
        )
    events = (
        form.filter(listed_events(index)).filter(end__lte=timezone.now()).order_by("-start", "-pk")
    )
    context["page_obj"] = paginate(request, events, PAGE_SIZE)
    if not page_number_is_valid(request):
        return _bad_request(request, template, context, _("The page number is not valid."))
    return TemplateResponse(request, template, context)


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


# -- one event -----------------------------------------------------------------------------


def _own_registration(request: HttpRequest, event: EventPage) -> Registration | None:
    user = request.user
    if not user.is_authenticated:
        return None
    return (
        event.registrations.filter(Q(user=user) | Q(email__iexact=user.email))
        .exclude(status=Status.CANCELLED)
        .order_by("-created_at")
        .first()
    )


def event_detail(request: HttpRequest, *, event: EventPage) -> HttpResponse:
    context = event.get_context(request)
    own = _own_registration(request, event)
    can_manage = event.can_manage(request.user)
    context.update(
        {
            "own_registration": own,
            "can_manage": can_manage,
            "show_online_link": event.is_online
            and (can_manage or (own is not None and own.status == Status.CONFIRMED)),
            "speakers": list(event.speakers.all()),
            "themes": list(event.themes.all()),
            "register_url": event.url + event.reverse_subpage("register_route"),
            "ical_url": event.url + event.reverse_subpage("ical_route"),
            "participants_url": event.url + event.reverse_subpage("participants_route"),
        }
    )
    return TemplateResponse(request, event.get_template(request), context)


@require_http_methods(["GET", "POST"])
def event_register(request: HttpRequest, *, event: EventPage) -> HttpResponse:
    retention = settings_needs_retention_days()
    form = RegistrationForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        retention_days=retention,
    )
    state = event.registration_window_state()
    context = event.get_context(request)
    context.update({"form": form, "state": state, "event_url": event.url})
    template = "events/event_register.html"
    if request.method == "GET":
        return TemplateResponse(request, template, context)
    if state != "open":
        context["form"] = None
        return _bad_request(request, template, context, event.status_label())
    if not form.is_valid():
        return TemplateResponse(request, template, context, status=400)
    data = form.cleaned_data
    wait = rate_limit_hit(request, "event_register", key=data["email"])
    if wait:
        form.add_error(None, rate_limit_message(wait))
        return with_retry_after(TemplateResponse(request, template, context), wait)
    try:
        registration = registration_create(
            event=event,
            name=data["name"],
            email=data["email"],
            role=data["role"],
            organisation=data["organisation"],
            municipality=data["municipality"],
            needs=data["needs"],
            needs_other=data["needs_other"],
            needs_consent=data["needs_consent"],
            user=request.user,
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error.messages)
        return TemplateResponse(request, template, context, status=400)
    messages.success(request, _status_message(registration))
    return redirect(event.url)


def _status_message(registration: Registration) -> str:
    return {
        Status.PENDING: _(
            "Almost done: we sent you an email. Click the link in it to confirm your registration."
        ),
        Status.CONFIRMED: _("You are registered. We sent a confirmation by email."),
        Status.WAITLISTED: _(
            "The event is full, so you are on the waitlist. We email you when a seat becomes free."
        ),
        Status.CANCELLED: _("Your registration has been cancelled."),
    }[registration.status]


def event_ical(request: HttpRequest, *, event: EventPage) -> HttpResponse:
    body = calendar_for([event], name=event.title, request=request)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


# -- organisers ----------------------------------------------------------------------------


def _organiser_guard(request: HttpRequest, event: EventPage) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not event.can_manage(request.user):
        return forbidden(
            request,
            reason=_(
                "Only the organiser of this event and the project team can see its registrations."
            ),
            next_url=event.get_url(request),
            next_label=_("Back to the event"),
        )
    return None


def needs_summary(registrations: list[Registration]) -> list[dict]:
    """How many people asked for each provision, e.g. '2 × NGT interpreter', most asked first."""
    counts = Counter(value for r in registrations for value in r.needs if value in Provision.values)
    return [
        {"count": count, "label": str(PROVISION_SHORT[Provision(value)])}
        for value, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def event_participants(request: HttpRequest, *, event: EventPage) -> HttpResponse:
    denied = _organiser_guard(request, event)
    if denied is not None:
        return denied
    registrations = list(
        event.registrations.select_related("municipality")
        # The badge the team granted, beside the role people chose themselves when registering.
        .annotate(user_is_expert=expert_flag("user"))
        .order_by("status", "created_at", "pk")
    )
    active = [r for r in registrations if r.status != Status.CANCELLED]
    sensitive_access_record(
        request=request,
        action="participants_page",
        subject=f"{event.title} ({event.pk})",
        record_count=sum(1 for r in active if r.needs or r.needs_other),
    )
    role_counts = Counter(r.role for r in active)
    status_counts = Counter(r.status for r in registrations)
    context = event.get_context(request)
    context.update(
        {
            "registrations": registrations,
            "role_counts": [
                {"label": label, "count": role_counts.get(value, 0)}
                for value, label in Registration.Role.choices
            ],
            "status_counts": [
                {"label": label, "count": status_counts.get(value, 0)}
                for value, label in Status.choices
            ],
            "needs_summary": needs_summary(active),
            "other_needs": [r for r in active if r.needs_other],
            "csv_url": event.url + event.reverse_subpage("participants_csv_route"),
        }
    )
    return TemplateResponse(request, "events/event_participants.html", context)


def event_participants_csv(request: HttpRequest, *, event: EventPage) -> HttpResponse:
    denied = _organiser_guard(request, event)
    if denied is not None:
        return denied
    response = csv_response(f"{event.slug}-deelnemers.csv")
    writer = SafeCsvWriter(response)
    writer.writerow(
        [
            _("Name"),
            _("Email address"),
            _("Organisation"),
            _("Role"),
            _("Municipality"),
            _("Status"),
            _("Registered at"),
            _("Accessibility needs"),
            _("Other needs"),
        ]
    )
    registrations = (
        event.registrations.exclude(status=Registration.Status.CANCELLED)
        .select_related("municipality")
        .order_by("created_at", "pk")
    )
    sensitive_access_record(
        request=request,
        action="participants_csv",
        subject=f"{event.title} ({event.pk})",
        record_count=sum(1 for r in registrations if r.needs or r.needs_other),
    )
    for r in registrations:
        writer.writerow(
            [
                r.name,
                r.email,
                r.organisation,
                r.get_role_display(),
                r.municipality.title if r.municipality else "",
                r.get_status_display(),
                timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
                "; ".join(r.needs_labels),
                r.needs_other,
            ]
        )
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
            messages.success(request, _status_message(registration))
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
                messages.success(request, _status_message(registration))
            return redirect(event.url)
    return render(request, "events/registration_action.html", context)
