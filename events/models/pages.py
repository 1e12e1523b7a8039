"""The agenda's pages: the agenda with its list, month and archive, and each event.

Their routes are the views: forms validate, services write, and the page renders itself with
`self.render`. The forms, services and calendar export build on `registrations.py`, never on
this module, so the pages can import them.
"""

import calendar
from collections import Counter
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from network.audit import sensitive_access_record
from network.blocks import BodyBlock
from network.forms import add_validation_errors
from network.models import BasePage, EasyReadAndSignLanguage
from network.pagination import page_number_is_valid, paginate
from network.ratelimits import rate_limit_hit, rate_limit_message, with_retry_after
from network.roles import expert_flag, is_project_team
from network.spreadsheets import SafeCsvWriter, csv_response
from network.views import forbidden

from ..forms import AgendaFilterForm, MonthForm, RegistrationForm
from ..ical import calendar_for
from ..services import registration_create
from .registrations import (
    PROVINCES,
    PROVISION_HELP,
    PROVISION_ICONS,
    PROVISION_SHORT,
    RESERVED_SLUGS,
    EventFormat,
    EventKind,
    EventScope,
    Provision,
    Registration,
    settings_needs_retention_days,
    with_confirmed_count,
)

PAGE_SIZE = 20
# Lists show no programme, report or video: their StreamFields stay in the database.
LIST_DEFERRED = ("body", "body_en", "report", "report_en", "sign_language_video")
MONTH_FIELDS = (
    "id",
    "title",
    "title_en",
    "slug",
    "url_path",
    "path",
    "depth",
    "start",
    "end",
    "format",
)
Status = Registration.Status


def add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_grid(first: date, events: list) -> list[list[dict | None]]:
    """Weeks (Monday first) of days with their events; None for days outside the month."""
    days_in_month = calendar.monthrange(first.year, first.month)[1]
    by_day: dict[date, list] = {}
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


def render_with_status(page, request, context, *, status, template=None):
    """The page rendered as its routes render it (`self.render`), with another status code."""
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


def needs_summary(registrations: list[Registration]) -> list[dict]:
    """How many people asked for each provision, e.g. '2 × NGT interpreter', most asked first."""
    counts = Counter(value for r in registrations for value in r.needs if value in Provision.values)
    return [
        {"count": count, "label": str(PROVISION_SHORT[Provision(value)])}
        for value, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


class EventIndexPage(RoutablePageMixin, BasePage):
    """The agenda at /agenda/: upcoming events as a list and a month grid, and past events."""

    template = "events/event_index_page.html"
    parent_page_types = ["network.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = _("agenda")

    def route(self, request, path_components):
        """Find an event with its confirmed seats in one query, instead of Wagtail's two."""
        if path_components and path_components[0] not in RESERVED_SLUGS:
            event = (
                with_confirmed_count(EventPage.objects.child_of(self))
                .filter(slug=path_components[0])
                .first()
            )
            if event is None:
                raise Http404
            event.agenda_index = self
            return event.route(request, path_components[1:])
        return super().route(request, path_components)

    @path("")
    def index_route(self, request, *args, **kwargs):
        """Upcoming events, filtered, a page at a time."""
        form = AgendaFilterForm(request.GET)
        context = {"form": form, "view": "list", "page_obj": None}
        if not form.is_valid():
            return self._bad_request(
                request, context, _("Some filters are not valid; see the form.")
            )
        events = form.filter(self.listed_events()).filter(end__gt=timezone.now())
        context["page_obj"] = paginate(request, events.order_by("start", "pk"), PAGE_SIZE)
        if not page_number_is_valid(request):
            return self._bad_request(request, context, _("The page number is not valid."))
        return self.render(request, context_overrides=context)

    @path("maand/")
    def month_route(self, request):
        """One month as a calendar grid, Monday first."""
        form = MonthForm(request.GET)
        context = {"form": form, "view": "month", "weeks": None}
        template = "events/event_month.html"
        if not form.is_valid():
            return self._bad_request(
                request, context, _("Some filters are not valid; see the form."), template
            )
        first = form.cleaned_data.get("month") or timezone.localdate().replace(day=1)
        tz = timezone.get_current_timezone()
        start = datetime.combine(first, time.min, tzinfo=tz)
        end = datetime.combine(add_months(first, 1), time.min, tzinfo=tz)
        events = list(
            form.filter(self.listed_events())
            .filter(start__lt=end, end__gt=start)
            .order_by("start", "pk")
            .only(*MONTH_FIELDS)
        )
        context.update(
            {
                "month": first,
                "month_value": first.strftime("%Y-%m"),
                "previous_month": add_months(first, -1).strftime("%Y-%m"),
                "next_month": add_months(first, 1).strftime("%Y-%m"),
                "weeks": month_grid(first, events),
                "day_names": [
                    date_format(date(2024, 1, 1) + timedelta(days=i), "l") for i in range(7)
                ],
                "event_count": len(events),
            }
        )
        return self.render(request, template=template, context_overrides=context)

    @path("archief/")
    def past_route(self, request):
        """Events that took place, newest first, with their reports."""
        form = AgendaFilterForm(request.GET)
        context = {"form": form, "view": "past", "page_obj": None}
        template = "events/event_past.html"
        if not form.is_valid():
            return self._bad_request(
                request, context, _("Some filters are not valid; see the form."), template
            )
        events = form.filter(self.listed_events()).filter(end__lte=timezone.now())
        context["page_obj"] = paginate(request, events.order_by("-start", "-pk"), PAGE_SIZE)
        if not page_number_is_valid(request):
            return self._bad_request(request, context, _("The page number is not valid."), template)
        return self.render(request, template=template, context_overrides=context)

    def listed_events(self):
        """This agenda's live events for lists: no StreamFields, confirmed seats annotated."""
        return with_confirmed_count(EventPage.objects.live().child_of(self).defer(*LIST_DEFERRED))

    def _bad_request(self, request, context, message, template=None):
        messages.error(request, message)
        return render_with_status(self, request, context, status=400, template=template)


class EventPage(RoutablePageMixin, EasyReadAndSignLanguage, BasePage):
    """One meeting of the network: when, where, for whom, how accessible, and its report."""

    template = "events/event_page.html"
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    start = models.DateTimeField(_("start"), help_text=_("Date and time the event starts."))
    end = models.DateTimeField(
        _("end"), help_text=_("Date and time it ends; may be on a later day.")
    )
    format = models.CharField(
        _("format"),
        max_length=20,
        choices=EventFormat.choices,
        default=EventFormat.PHYSICAL,
        help_text=_("In person, online or both."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=EventKind.choices,
        default=EventKind.MEETING,
        help_text=_(
            "A dialogue moment is where people with a disability set priorities for their "
            "municipality."
        ),
    )
    experts_wanted = models.TextField(
        _("what we ask of experts by experience"),
        blank=True,
        max_length=600,
        help_text=_(
            "Fill this in when the event asks experts by experience to take part, for example "
            "to speak, join a panel or test something. Experts see the event on their start page."
        ),
    )
    venue_name = models.CharField(
        _("venue"), max_length=200, blank=True, help_text=_("Name of the venue, if in person.")
    )
    venue_address = models.TextField(
        _("address"), blank=True, max_length=500, help_text=_("Street, number, postcode, town.")
    )
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("The meeting link; only confirmed participants and organisers see it."),
    )
    scope = models.CharField(
        _("national or regional"),
        max_length=20,
        choices=EventScope.choices,
        default=EventScope.NATIONAL,
        help_text=_("Regional events belong to a province."),
    )
    province = models.CharField(
        _("province"),
        max_length=4,
        choices=PROVINCES,
        blank=True,
        help_text=_("Required for regional events."),
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
        help_text=_("This person sees the registrations and accessibility needs."),
    )
    organiser_name = models.CharField(
        _("organiser name"),
        max_length=200,
        blank=True,
        help_text=_("Shown on the page, for example 'VNG and the municipality of Zwolle'."),
    )
    audience = models.CharField(
        _("audience"),
        max_length=300,
        blank=True,
        help_text=_("Who the event is for, for example 'officials and experts by experience'."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Number of seats; empty for no limit. When full, people join the waitlist."),
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: open right away.")
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: until the start.")
    )
    offers_wheelchair = models.BooleanField(
        Provision.WHEELCHAIR.label, default=False, help_text=PROVISION_HELP
    )
    offers_ngt = models.BooleanField(Provision.NGT.label, default=False, help_text=PROVISION_HELP)
    offers_speech_to_text = models.BooleanField(
        Provision.SPEECH_TO_TEXT.label, default=False, help_text=PROVISION_HELP
    )
    offers_hearing_loop = models.BooleanField(
        Provision.HEARING_LOOP.label, default=False, help_text=PROVISION_HELP
    )
    offers_quiet_room = models.BooleanField(
        Provision.QUIET_ROOM.label, default=False, help_text=PROVISION_HELP
    )
    offers_easy_read = models.BooleanField(
        Provision.EASY_READ.label, default=False, help_text=PROVISION_HELP
    )
    offers_assistance_animals = models.BooleanField(
        Provision.ASSISTANCE_ANIMALS.label, default=False, help_text=PROVISION_HELP
    )
    offers_parking = models.BooleanField(
        Provision.PARKING.label, default=False, help_text=PROVISION_HELP
    )
    themes = ParentalManyToManyField(
        "taxonomy.Theme",
        blank=True,
        related_name="events",
        help_text=_("The CRPD articles this event is about."),
    )
    municipalities = ParentalManyToManyField(
        "municipalities.MunicipalityPage",
        blank=True,
        related_name="events",
        help_text=_("Municipalities hosting or presenting; the event shows on their profiles."),
    )
    body = StreamField(BodyBlock(), blank=True, help_text=_("Programme and practical details."))
    report_summary = models.TextField(
        _("report summary"),
        blank=True,
        max_length=1000,
        help_text=_("After the event: what it yielded, in two or three sentences."),
    )
    report = StreamField(
        BodyBlock(),
        blank=True,
        help_text=_("After the event: the report ('opbrengsten'), with documents and slides."),
    )
    body_en = StreamField(BodyBlock(), blank=True, verbose_name=_("programme (English)"))
    report_summary_en = models.TextField(_("report summary (English)"), blank=True, max_length=1000)
    report_en = StreamField(BodyBlock(), blank=True, verbose_name=_("report (English)"))
    needs_erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        *EasyReadAndSignLanguage.easy_read_panels,
        MultiFieldPanel(
            [FieldPanel("start"), FieldPanel("end"), FieldPanel("format")], heading=_("When")
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("online_link"),
                FieldPanel("kind"),
                FieldPanel("scope"),
                FieldPanel("province"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("organiser_name"),
                FieldPanel("audience"),
                FieldPanel("experts_wanted"),
                FieldPanel("capacity"),
                FieldPanel("registration_opens_at"),
                FieldPanel("registration_closes_at"),
            ],
            heading=_("Organiser and registration"),
        ),
        MultiFieldPanel(
            [FieldPanel(f"offers_{value}") for value in Provision.values],
            heading=_("Accessibility provisions offered"),
        ),
        InlinePanel("speakers", label=_("Speakers")),
        FieldPanel("themes"),
        FieldPanel("municipalities"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("report_summary"), FieldPanel("report")], heading=_("After the event")
        ),
    ]
    english_panels = [
        *BasePage.english_panels,
        FieldPanel("body_en"),
        FieldPanel("report_summary_en"),
        FieldPanel("report_en"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("venue_name"),
        index.SearchField("audience"),
        index.SearchField("organiser_name"),
        index.SearchField("body"),
        index.SearchField("report_summary"),
        index.SearchField("easy_read_summary"),
        index.FilterField("start"),
        index.FilterField("scope"),
        index.FilterField("province"),
        index.FilterField("format"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    @path("")
    def index_route(self, request, *args, **kwargs):
        own = self.own_registration(request.user)
        can_manage = self.can_manage(request.user)
        url = self.get_url(request)
        return self.render(
            request,
            context_overrides={
                "own_registration": own,
                "can_manage": can_manage,
                "show_online_link": self.is_online
                and (can_manage or (own is not None and own.status == Status.CONFIRMED)),
                "speakers": list(self.speakers.all()),
                "themes": list(self.themes.all()),
                "register_url": url + self.reverse_subpage("register_route"),
                "ical_url": url + self.reverse_subpage("ical_route"),
                "participants_url": url + self.reverse_subpage("participants_route"),
            },
        )

    @path("aanmelden/")
    def register_route(self, request):
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        form = RegistrationForm(
            request.POST if request.method == "POST" else None,
            user=request.user,
            retention_days=settings_needs_retention_days(),
        )
        state = self.registration_window_state()
        context = {"form": form, "state": state, "event_url": self.url}
        template = "events/event_register.html"
        if request.method == "GET":
            return self.render(request, template=template, context_overrides=context)
        if state != "open":
            messages.error(request, self.status_label())
            return render_with_status(
                self, request, {**context, "form": None}, status=400, template=template
            )
        if not form.is_valid():
            return render_with_status(self, request, context, status=400, template=template)
        data = form.cleaned_data
        wait = rate_limit_hit(request, "event_register", key=data["email"])
        if wait:
            form.add_error(None, rate_limit_message(wait))
            return with_retry_after(
                self.render(request, template=template, context_overrides=context), wait
            )
        try:
            registration = registration_create(
                event=self,
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
            add_validation_errors(form, error)
            return render_with_status(self, request, context, status=400, template=template)
        messages.success(request, registration.status_message())
        return redirect(self.url)

    @path("ical/")
    def ical_route(self, request):
        body = calendar_for([self], name=self.title, request=request)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response

    @path("deelnemers/")
    def participants_route(self, request):
        denied = self._organiser_guard(request)
        if denied is not None:
            return denied
        registrations = list(
            self.registrations.select_related("municipality")
            # The badge the team granted, beside the role people chose themselves.
            .annotate(user_is_expert=expert_flag("user"))
            .order_by("status", "created_at", "pk")
        )
        active = [r for r in registrations if r.status != Status.CANCELLED]
        sensitive_access_record(
            request=request,
            action="participants_page",
            subject=f"{self.title} ({self.pk})",
            record_count=sum(1 for r in active if r.needs or r.needs_other),
        )
        role_counts = Counter(r.role for r in active)
        status_counts = Counter(r.status for r in registrations)
        context = {
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
            "csv_url": self.get_url(request) + self.reverse_subpage("participants_csv_route"),
        }
        return self.render(
            request, template="events/event_participants.html", context_overrides=context
        )

    @path("deelnemers/csv/")
    def participants_csv_route(self, request):
        denied = self._organiser_guard(request)
        if denied is not None:
            return denied
        response = csv_response(f"{self.slug}-deelnemers.csv")
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
            self.registrations.exclude(status=Status.CANCELLED)
            .select_related("municipality")
            .order_by("created_at", "pk")
        )
        sensitive_access_record(
            request=request,
            action="participants_csv",
            subject=f"{self.title} ({self.pk})",
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

    def own_registration(self, user) -> Registration | None:
        """The visitor's own active registration for this event, if any."""
        if not user.is_authenticated:
            return None
        return (
            self.registrations.filter(Q(user=user) | Q(email__iexact=user.email))
            .exclude(status=Status.CANCELLED)
            .order_by("-created_at")
            .first()
        )

    def _organiser_guard(self, request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not self.can_manage(request.user):
            return forbidden(
                request,
                reason=_(
                    "Only the organiser of this event and the project team can see its "
                    "registrations."
                ),
                next_url=self.get_url(request),
                next_label=_("Back to the event"),
            )
        return None

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is used by the agenda itself; choose another.")
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if self.scope == EventScope.REGIONAL and not self.province:
            errors["province"] = _("Choose the province of a regional event.")
        if self.scope == EventScope.NATIONAL:
            self.province = ""
        if self.format in (EventFormat.ONLINE, EventFormat.HYBRID) and not self.online_link:
            errors["online_link"] = _("An online or hybrid event needs a meeting link.")
        if self.format in (EventFormat.PHYSICAL, EventFormat.HYBRID) and not self.venue_name:
            errors["venue_name"] = _("An event in person needs a venue.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        if errors:
            raise ValidationError(errors)

    # -- reading helpers ---------------------------------------------------------------

    @property
    def provisions(self) -> list[dict]:
        """The provisions offered, as label and icon, in a fixed order."""
        return [
            {"value": p.value, "label": p.label, "icon": PROVISION_ICONS[p]}
            for p in Provision
            if getattr(self, f"offers_{p.value}")
        ]

    @property
    def is_past(self) -> bool:
        return self.end <= timezone.now()

    @property
    def is_multi_day(self) -> bool:
        return timezone.localdate(self.start) != timezone.localdate(self.end)

    @property
    def has_venue(self) -> bool:
        return self.format in (EventFormat.PHYSICAL, EventFormat.HYBRID)

    @property
    def is_online(self) -> bool:
        return self.format in (EventFormat.ONLINE, EventFormat.HYBRID)

    def registration_window_state(self, now: datetime | None = None) -> str:
        """'past', 'started', 'not_open', 'closed' or 'open' (capacity aside)."""
        now = now or timezone.now()
        if self.end <= now:
            return "past"
        if self.start <= now:
            return "started"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_open"
        if self.registration_closes_at and now >= self.registration_closes_at:
            return "closed"
        return "open"

    @cached_property
    def confirmed_count(self) -> int:
        # The agenda annotates this; a single page counts it once.
        if hasattr(self, "confirmed_total"):
            return self.confirmed_total
        return self.registrations.filter(status=Registration.Status.CONFIRMED).count()

    @property
    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.confirmed_count >= self.capacity

    def status_label(self) -> str:
        """What a visitor needs to know at a glance, in words (never colour alone)."""
        state = self.registration_window_state()
        if state == "past":
            return str(_("This event has taken place."))
        if state == "started":
            return str(_("This event is under way; registration is closed."))
        if state == "not_open":
            return str(_("Registration has not opened yet."))
        if state == "closed":
            return str(_("Registration is closed."))
        if self.is_full:
            return str(_("Full: you can join the waitlist."))
        return str(_("Registration is open."))

    def can_manage(self, user) -> bool:
        """Organisers: the event's organiser and the project team."""
        if not getattr(user, "is_authenticated", False):
            return False
        return is_project_team(user) or (
            self.organiser_id is not None and self.organiser_id == user.pk
        )

    @cached_property
    def agenda_index(self) -> EventIndexPage:
        """The agenda this event sits in (set by the agenda's route, so usually free)."""
        return self.get_parent().specific
