"""The agenda: events of the network, their speakers and the registrations for them."""

import secrets
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Lower
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from municipalities.reference import load_provinces
from network.blocks import BodyBlock
from network.models import BasePage, EasyReadAndSignLanguage
from network.roles import is_project_team


class Provision(models.TextChoices):
    """Accessibility provisions an event can offer and a participant can ask for."""

    WHEELCHAIR = "wheelchair", _("Wheelchair-accessible venue and toilet")
    NGT = "ngt", _("Sign language interpreter (NGT)")
    SPEECH_TO_TEXT = "speech_to_text", _("Speech-to-text interpreter")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")
    QUIET_ROOM = "quiet_room", _("Quiet room")
    EASY_READ = "easy_read", _("Easy-read material")
    ASSISTANCE_ANIMALS = "assistance_animals", _("Assistance animals welcome")
    PARKING = "parking", _("Reserved parking")


# Short labels for counts ('2 × NGT interpreter') and the icon shown beside each provision.
PROVISION_SHORT = {
    Provision.WHEELCHAIR: _("wheelchair access"),
    Provision.NGT: _("NGT interpreter"),
    Provision.SPEECH_TO_TEXT: _("speech-to-text interpreter"),
    Provision.HEARING_LOOP: _("hearing loop"),
    Provision.QUIET_ROOM: _("quiet room"),
    Provision.EASY_READ: _("easy-read material"),
    Provision.ASSISTANCE_ANIMALS: _("assistance animal"),
    Provision.PARKING: _("reserved parking"),
}
# Line icons (24 x 24, drawn with the text colour) next to each provision's name. Inline SVG,
# not emoji: emoji need a font many systems lack, and then show as empty boxes. The name is
# always written out; the icon is decoration (aria-hidden in the template).
PROVISION_ICONS = {
    Provision.WHEELCHAIR: (
        "M10.5 4a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0 M12 7v6h5l2 5 M12 10h4 "
        "M9 10.5a5.5 5.5 0 1 0 7.5 7.5"
    ),
    Provision.NGT: (
        "M8 13V6a1 1 0 0 1 2 0v5 M10 11V4a1 1 0 0 1 2 0v7 M12 11V5a1 1 0 0 1 2 0v6 "
        "M14 11V7a1 1 0 0 1 2 0v7a6 6 0 0 1-6 6h-1a5 5 0 0 1-4-2l-3-4a1.3 1.3 0 0 1 2-1.6L8 15"
    ),
    Provision.SPEECH_TO_TEXT: "M4 5h16v11H9l-4 4v-4H4z M8 9h8 M8 12h5",
    Provision.HEARING_LOOP: (
        "M7 9a5 5 0 0 1 10 0c0 3-3 4-3 7a3 3 0 0 1-5.5 1.5 M10 10a2 2 0 0 1 4 0 M3 21l4-4"
    ),
    Provision.QUIET_ROOM: "M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z",
    Provision.EASY_READ: (
        "M3 5h6a3 3 0 0 1 3 3v12a2.5 2.5 0 0 0-2.5-2.5H3z "
        "M21 5h-6a3 3 0 0 0-3 3v12a2.5 2.5 0 0 1 2.5-2.5H21z"
    ),
    Provision.ASSISTANCE_ANIMALS: (
        "M8 16c0-2.5 2-4.5 4-4.5s4 2 4 4.5-2 3.5-4 3.5-4-1-4-3.5z "
        "M4.5 11a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0 M8.5 6.5a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0 "
        "M12.5 6.5a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0 M16.5 11a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0"
    ),
    Provision.PARKING: (
        "M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z "
        "M10 17V7h3a3 3 0 0 1 0 6h-3"
    ),
}

# The twelve provinces, by CBS code as MunicipalityPage.province_code stores them.
PROVINCES = list(load_provinces().items())


PROVISION_HELP = _("Tick if this event offers it; the page shows it in words and with an icon.")

# The agenda's own routes (month view, archive); an event may not take these slugs.
RESERVED_SLUGS = {"maand", "archief"}


class EventFormat(models.TextChoices):
    PHYSICAL = "physical", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (in person and online)")


class EventKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    # People in vulnerable positions look back on local policy and set priorities for the next
    # term; the organiser records those priorities afterwards (commitments app).
    DIALOGUE = "dialogue", _("Dialogue moment")


class EventScope(models.TextChoices):
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")


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

    # The routes hand over to views.py, which keeps the pages readable and the views thin.
    @path("")
    def index_route(self, request, *args, **kwargs):
        # Imported here: views import these models (a circle at module level).
        from .views import agenda_list

        return agenda_list(request, index=self)

    @path("maand/")
    def month_route(self, request):
        # Imported here: views import these models (a circle at module level).
        from .views import agenda_month

        return agenda_month(request, index=self)

    @path("archief/")
    def past_route(self, request):
        # Imported here: views import these models (a circle at module level).
        from .views import agenda_past

        return agenda_past(request, index=self)


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
        # Imported here: views import these models (a circle at module level).
        from .views import event_detail

        return event_detail(request, event=self)

    @path("aanmelden/")
    def register_route(self, request):
        # Imported here: views import these models (a circle at module level).
        from .views import event_register

        return event_register(request, event=self)

    @path("ical/")
    def ical_route(self, request):
        # Imported here: views import these models (a circle at module level).
        from .views import event_ical

        return event_ical(request, event=self)

    @path("deelnemers/")
    def participants_route(self, request):
        # Imported here: views import these models (a circle at module level).
        from .views import event_participants

        return event_participants(request, event=self)

    @path("deelnemers/csv/")
    def participants_csv_route(self, request):
        # Imported here: views import these models (a circle at module level).
        from .views import event_participants_csv

        return event_participants_csv(request, event=self)

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


def with_confirmed_count(queryset):
    """Annotate the number of confirmed seats with one subquery instead of a query per event."""
    confirmed = (
        Registration.objects.filter(event=OuterRef("pk"), status=Registration.Status.CONFIRMED)
        .order_by()
        .values("event")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return queryset.annotate(
        confirmed_total=Coalesce(Subquery(confirmed, output_field=IntegerField()), Value(0))
    )


def settings_needs_retention_days() -> int:
    return int(getattr(settings, "EVENTS_NEEDS_RETENTION_DAYS", 7))


class EventSpeaker(Orderable):
    """A speaker at an event; experts by experience are marked so the programme shows them."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=200, help_text=_("The speaker's name."))
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("For example 'alderman of Zwolle'.")
    )
    is_expert_by_experience = models.BooleanField(
        _("expert by experience"),
        default=False,
        help_text=_("Speaks from lived experience of disability."),
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("is_expert_by_experience")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self) -> str:
        return self.name


def validate_needs(value) -> None:
    if not isinstance(value, list) or any(item not in Provision.values for item in value):
        raise ValidationError(_("Choose accessibility needs from the list."), code="invalid_needs")


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Registration(models.Model):
    """A person's place at an event (or on its waitlist), with or without an account."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for email confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waitlist")
        CANCELLED = "cancelled", _("cancelled")

    class Role(models.TextChoices):
        OFFICIAL = "official", _("Municipal official")
        EXPERT = "expert", _("Expert by experience")
        ORGANISATION = "organisation", _("Civil society or care organisation")
        ADMINISTRATOR = "administrator", _("Alderman or council member")
        OTHER = "other", _("Other")

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email address"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    municipality = models.ForeignKey(
        "municipalities.MunicipalityPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    needs = models.JSONField(
        _("accessibility needs"), default=list, blank=True, validators=[validate_needs]
    )
    needs_other = models.TextField(_("other needs"), blank=True, max_length=1000)
    needs_consent = models.BooleanField(_("consent to store needs"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    language = models.CharField(max_length=10, default="nl")
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    email_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~models.Q(status="cancelled"),
                name="events_registration_unique_active_email",
                violation_error_message=_("This email address is already registered."),
            )
        ]
        indexes = [models.Index(fields=["event", "status", "waitlisted_at"])]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self) -> str:
        return f"{self.name} – {self.event_id} ({self.status})"

    def clean(self) -> None:
        super().clean()
        if (self.needs or self.needs_other.strip()) and not self.needs_consent:
            raise ValidationError(
                {"needs_consent": _("Give consent, or leave the accessibility needs empty.")}
            )

    @property
    def needs_labels(self) -> list[str]:
        return [str(Provision(value).label) for value in self.needs if value in Provision.values]


class LiaPresentation(models.Model):
    """A municipality presented its Local Inclusion Agenda at this event: a celebration."""

    event = models.ForeignKey(
        EventPage,
        on_delete=models.CASCADE,
        related_name="lia_presentations",
        verbose_name=_("event"),
    )
    status_change = models.OneToOneField(
        "municipalities.LiaStatusChange",
        on_delete=models.CASCADE,
        related_name="presentation",
        verbose_name=_("LIA status entry"),
        help_text=_("The entry in the municipality's LIA history that was presented."),
    )
    is_demo_data = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["-event__start", "pk"]
        verbose_name = _("LIA presentation")
        verbose_name_plural = _("LIA presentations")

    def __str__(self) -> str:
        return f"{self.status_change.municipality} @ {self.event}"
