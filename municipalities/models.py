"""Municipality profiles and their Local Inclusion Agenda (LIA) status history."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from network.models import BasePage
from network.roles import is_project_team


class LiaStatus(models.TextChoices):
    """Where a municipality stands with its Local Inclusion Agenda, in order of progress."""

    NONE = "none", _("none")
    EXPLORING = "exploring", _("exploring")
    DRAFTING = "drafting", _("drafting")
    ADOPTED = "adopted", _("adopted")
    IN_EXECUTION = "in_execution", _("in execution")
    EVALUATED = "evaluated", _("evaluated/renewed")

    @classmethod
    def rank(cls, value: str) -> int:
        """0 for none up to 5 for evaluated: how far along a municipality is."""
        return list(cls.values).index(value) if value in cls.values else 0


# The manifest 'Iedereen doet mee!' lapsed when the VNG network began; nobody signed after that.
MANIFEST_LAPSED_ON = datetime.date(2020, 9, 1)


class SizeClass(models.TextChoices):
    """Population size classes, as the VNG groups municipalities."""

    SMALL = "small", _("under 20,000 inhabitants")
    MEDIUM = "medium", _("20,000 to 50,000 inhabitants")
    LARGE = "large", _("50,000 to 100,000 inhabitants")
    VERY_LARGE = "very_large", _("100,000 inhabitants or more")

    @classmethod
    def for_population(cls, population: int | None) -> str:
        if population is None or population < 20_000:
            return cls.SMALL
        if population < 50_000:
            return cls.MEDIUM
        if population < 100_000:
            return cls.LARGE
        return cls.VERY_LARGE


class MunicipalityIndexPage(BasePage):
    """The overview of all municipalities at /gemeenten/: filters, table, map and open data."""

    template = "municipalities/municipality_index_page.html"
    parent_page_types = ["network.HomePage"]
    subpage_types = ["municipalities.MunicipalityPage"]
    max_count = 1

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = _("municipality overview")

    def get_context(self, request, *args, **kwargs):
        # Imported here: forms, services and overview import these models (a circle at module level).
        from .forms import MunicipalityFilterForm
        from .overview import results_html

        context = super().get_context(request, *args, **kwargs)
        form = MunicipalityFilterForm(request.GET or None)
        context["filter_form"] = form
        if form.is_bound and not form.is_valid():
            return context
        if not form.is_bound:
            form = MunicipalityFilterForm({})
            form.is_valid()
        context["results_html"] = results_html(
            request=request, form=form, base_url=self.get_url(request)
        )
        return context

    def serve(self, request, *args, **kwargs):
        context = self.get_context(request, *args, **kwargs)
        # Bad filter values are the visitor's mistake: say so with a 400, not a 500.
        status = 400 if context["filter_form"].errors else 200
        return TemplateResponse(
            request, self.get_template(request, *args, **kwargs), context, status=status
        )


class MunicipalityPage(BasePage):
    """One municipality's profile: LIA status and history, manifest, contacts, practices."""

    template = "municipalities/municipality_page.html"
    parent_page_types = ["municipalities.MunicipalityIndexPage"]
    subpage_types = []

    cbs_code = models.CharField(
        _("CBS code"),
        max_length=6,
        unique=True,
        help_text=_("The CBS municipality code, for example GM0363."),
    )
    official_name = models.CharField(
        _("official name"),
        max_length=100,
        help_text=_(
            "The CBS spelling, for example 's-Gravenhage. The page title is the display name."
        ),
    )
    province = models.CharField(_("province"), max_length=50, help_text=_("From the CBS import."))
    province_code = models.CharField(_("province code"), max_length=4, help_text=_("PV20 to PV31."))
    region_code = models.CharField(
        _("labour-market region code"), max_length=4, blank=True, help_text=_("AM01 to AM35.")
    )
    region = models.CharField(
        _("labour-market region"), max_length=100, blank=True, help_text=_("From the CBS import.")
    )
    population = models.PositiveIntegerField(
        _("population"), null=True, blank=True, help_text=_("Inhabitants on 1 January (CBS).")
    )
    population_year = models.PositiveSmallIntegerField(
        _("population year"),
        null=True,
        blank=True,
        help_text=_("The year of the population figure."),
    )
    size_class = models.CharField(
        _("size class"),
        max_length=20,
        choices=SizeClass.choices,
        default=SizeClass.SMALL,
        editable=False,
        help_text=_("Derived from the population."),
    )
    centroid_lat = models.FloatField(null=True, blank=True, editable=False)
    centroid_lon = models.FloatField(null=True, blank=True, editable=False)
    manifest_signed_on = models.DateField(
        _("manifest signed on"),
        null=True,
        blank=True,
        help_text=_(
            "The date the municipality signed the manifest 'Iedereen doet mee!'; empty if not."
        ),
    )
    manifest_initiator = models.BooleanField(
        _("manifest initiator"),
        default=False,
        help_text=_("One of the 25 municipalities that drew up the manifest and signed it first."),
    )
    expert_panel = models.BooleanField(
        _("expert-by-experience panel takes part"),
        default=False,
        help_text=_("Whether a panel of experts by experience is involved in the LIA."),
    )
    lia_document_url = models.URLField(
        _("LIA document"), blank=True, help_text=_("Link to the published Local Inclusion Agenda.")
    )
    lia_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("LIA document (file)"),
        help_text=_("The Local Inclusion Agenda as a file, when it is not published elsewhere."),
    )
    inclusion_contact_name = models.CharField(
        _("contact for inclusion questions"),
        max_length=120,
        blank=True,
        help_text=_("A person or team other municipalities and residents can ask about inclusion."),
    )
    inclusion_contact_email = models.EmailField(
        _("email address for inclusion questions"),
        blank=True,
        help_text=_("Shown on the profile; the matchcentrum sends proposals here."),
    )
    willing_to_be_asked = models.BooleanField(
        _("open to questions from other municipalities"),
        default=True,
        help_text=_("The matchcentrum suggests this municipality to others who ask for help."),
    )
    lia_summary = models.TextField(
        _("what the LIA is about"),
        blank=True,
        max_length=1500,
        help_text=_("In a few sentences: the main goals of the Local Inclusion Agenda."),
    )
    lia_summary_easy_read = models.TextField(
        _("what the LIA is about, in easy language"),
        blank=True,
        max_length=1500,
        help_text=_("The same in easy Dutch: short sentences, everyday words (B1 or simpler)."),
    )
    # Denormalised from the newest LiaStatusChange so lists and filters need no subquery.
    current_lia_status = models.CharField(
        _("current LIA status"),
        max_length=20,
        choices=LiaStatus.choices,
        default=LiaStatus.NONE,
        editable=False,
    )
    current_lia_status_date = models.DateField(null=True, blank=True, editable=False)
    retired_on = models.DateField(
        _("retired on"),
        null=True,
        blank=True,
        help_text=_(
            "Set by the import when the CBS code stops existing, for example after a merger."
        ),
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        help_text=_("The municipality this one merged into."),
    )
    is_demo_data = models.BooleanField(
        _("demo data"), default=False, help_text=_("Made up for the demo; not real.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("manifest_signed_on"),
                FieldPanel("manifest_initiator"),
                FieldPanel("expert_panel"),
                FieldPanel("lia_document_url"),
                FieldPanel("lia_document"),
                FieldPanel("lia_summary"),
                FieldPanel("lia_summary_easy_read"),
                FieldPanel("inclusion_contact_name"),
                FieldPanel("inclusion_contact_email"),
                FieldPanel("willing_to_be_asked"),
            ],
            heading=_("Inclusion"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("cbs_code", read_only=True),
                FieldPanel("official_name", read_only=True),
                FieldPanel("province", read_only=True),
                FieldPanel("region", read_only=True),
                FieldPanel("population", read_only=True),
                FieldPanel("retired_on", read_only=True),
            ],
            heading=_("CBS data (from the import)"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("official_name"),
        index.AutocompleteField("title"),
        index.FilterField("province_code"),
        index.FilterField("current_lia_status"),
        index.FilterField("size_class"),
    ]

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def clean(self):
        super().clean()
        signed = self.manifest_signed_on
        if signed and signed > min(timezone.localdate(), MANIFEST_LAPSED_ON):
            raise ValidationError(
                {
                    "manifest_signed_on": _(
                        "The manifest lapsed on 1 September 2020: a later date is not possible."
                    )
                }
            )
        if self.manifest_initiator and not signed:
            raise ValidationError(
                {"manifest_signed_on": _("An initiator signed the manifest: give the date.")}
            )

    def save(self, *args, **kwargs):
        self.size_class = SizeClass.for_population(self.population)
        super().save(*args, **kwargs)

    @cached_property
    def _profile_data(self) -> dict:
        """History and contacts, cached until any status or membership changes (two queries)."""
        # Imported here: forms, services and overview import these models (a circle at module level).
        from .services import map_cache_version

        key = f"municipalities:profile:{map_cache_version()}:{self.pk}"
        data = cache.get(key)
        if data is None:
            data = {
                "history": list(
                    self.lia_status_changes.select_related("recorded_by").order_by(
                        "-date", "-recorded_at", "-pk"
                    )
                ),
                "contacts": list(
                    self.memberships.filter(is_contact=True, user__is_active=True)
                    .select_related("user")
                    .order_by("user__display_name", "user__email")
                ),
            }
            # Short timeout: a contact's changed display name shows within minutes.
            cache.set(key, data, 60 * 10)
        return data

    @property
    def lia_history(self) -> list["LiaStatusChange"]:
        """The whole history, newest first, with who recorded each entry."""
        return self._profile_data["history"]

    @property
    def current_lia_change(self) -> "LiaStatusChange | None":
        return self.lia_history[0] if self.lia_history else None

    @property
    def contacts(self) -> list["MunicipalityMembership"]:
        return self._profile_data["contacts"]

    def get_context(self, request, *args, **kwargs):
        # Imported here: forms, services and overview import these models (a circle at module level).
        from .forms import LiaStatusForm
        from .services import can_record_lia_status

        context = super().get_context(request, *args, **kwargs)
        user = request.user
        can_record = can_record_lia_status(user, self)
        context["can_record_status"] = can_record
        context["show_recorded_by"] = is_project_team(user)
        if can_record and "status_form" not in kwargs:
            context["status_form"] = LiaStatusForm(user=user, prefix="lia")
        elif can_record:
            context["status_form"] = kwargs["status_form"]
        return context

    def serve(self, request, *args, **kwargs):
        # Imported here: forms, services and overview import these models (a circle at module level).
        from .forms import LiaStatusForm
        from .services import can_record_lia_status, lia_status_record

        status = 200
        if request.method == "POST":
            if not can_record_lia_status(request.user, self):
                raise PermissionDenied
            form = LiaStatusForm(request.POST, user=request.user, prefix="lia")
            if form.is_valid():
                lia_status_record(
                    municipality=self,
                    status=form.cleaned_data["status"],
                    date=form.cleaned_data["date"],
                    source=form.cleaned_data["source"],
                    note=form.cleaned_data["note"],
                    user=request.user,
                )
                messages.success(request, gettext("The new LIA status has been recorded."))
                return redirect(self.get_url(request) + "#lia-history")
            kwargs["status_form"] = form
            status = 400
        context = self.get_context(request, *args, **kwargs)
        return TemplateResponse(
            request, self.get_template(request, *args, **kwargs), context, status=status
        )


class LiaStatusChange(models.Model):
    """One entry in a municipality's LIA history. Append-only: a correction is a new entry."""

    class Source(models.TextChoices):
        SELF_REPORT = "self_report", _("self-report")
        PROJECT_TEAM = "project_team", _("project team")
        SURVEY = "survey", _("survey")

    municipality = models.ForeignKey(
        MunicipalityPage, on_delete=models.CASCADE, related_name="lia_status_changes"
    )
    status = models.CharField(_("status"), max_length=20, choices=LiaStatus.choices)
    date = models.DateField(_("date"), help_text=_("When the status took effect."))
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    is_demo_data = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-date", "-recorded_at", "-pk"]
        get_latest_by = ["date", "recorded_at", "pk"]
        indexes = [models.Index(fields=["municipality", "-date"])]
        verbose_name = _("LIA status change")
        verbose_name_plural = _("LIA status changes")

    def __str__(self) -> str:
        # No municipality name here: that would cost a query per row in admin lists.
        return f"{self.get_status_display()} ({self.date:%d-%m-%Y})"


class MunicipalityMembership(models.Model):
    """Links a municipal official to the municipality they work for (given by the project team)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="municipality_memberships"
    )
    municipality = models.ForeignKey(
        MunicipalityPage, on_delete=models.CASCADE, related_name="memberships"
    )
    job_title = models.CharField(_("job title"), max_length=100, blank=True)
    is_contact = models.BooleanField(
        _("shown as contact"),
        default=True,
        help_text=_("Show this person as a contact on the municipality's profile."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality"], name="unique_membership")
        ]
        verbose_name = _("municipality membership")
        verbose_name_plural = _("municipality memberships")

    def __str__(self) -> str:
        return f"{self.user} – {self.municipality}"


class RouteStep(ClusterableModel):
    """One step on the route to an inclusive municipality (a snippet the project team manages)."""

    title = models.CharField(
        _("title"), max_length=120, help_text=_("Short, for example 'LIA vastgesteld'.")
    )
    slug = models.SlugField(
        _("slug"), max_length=60, unique=True, help_text=_("Used in the exports; do not change it.")
    )
    explanation = models.TextField(
        _("explanation"), help_text=_("What this step is about, in plain language (B1).")
    )
    done_when = models.TextField(
        _("what counts as done"), help_text=_("When a municipality may mark this step as done.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Steps are shown from low to high.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("explanation"),
        FieldPanel("done_when"),
        FieldPanel("sort_order"),
        InlinePanel("links", heading=_("Links that help with this step"), label=_("link")),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("route step")
        verbose_name_plural = _("route steps")

    def __str__(self) -> str:
        return self.title


class RouteStepLink(Orderable):
    """A practice, guide or other page that helps a municipality with a route step."""

    step = ParentalKey(RouteStep, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("title"), max_length=200, help_text=_("The text of the link."))
    url = models.URLField(
        _("address"), help_text=_("For example a practice or guide in the library.")
    )

    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("route step link")


class RouteStatus(models.TextChoices):
    """Where a municipality stands on one step."""

    NOT_STARTED = "not_started", _("not started")
    BUSY = "busy", _("busy")
    DONE = "done", _("done")


class RouteProgressEntry(models.Model):
    """One entry in a municipality's route history. Append-only: a correction is a new entry."""

    municipality = models.ForeignKey(
        MunicipalityPage, on_delete=models.CASCADE, related_name="route_entries"
    )
    step = models.ForeignKey(
        RouteStep, verbose_name=_("step"), on_delete=models.CASCADE, related_name="entries"
    )
    status = models.CharField(_("status"), max_length=20, choices=RouteStatus.choices)
    date = models.DateField(_("date"), help_text=_("When the step reached this status."))
    note = models.CharField(_("short note"), max_length=500, blank=True)
    evidence_url = models.URLField(
        _("evidence (link)"), blank=True, help_text=_("For example a council decision online.")
    )
    evidence_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("evidence (document)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    is_demo_data = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-date", "-recorded_at", "-pk"]
        indexes = [models.Index(fields=["municipality", "step", "-date"])]
        verbose_name = _("route progress entry")
        verbose_name_plural = _("route progress entries")

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.date:%d-%m-%Y})"

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": _("The date cannot be in the future.")})
        if self.date and self.date.year < 2016:
            raise ValidationError({"date": _("The date cannot be before 2016.")})


class RouteStepState(models.Model):
    """The current status of one step for one municipality: its newest history entry, copied
    here so lists, filters and counts need no subquery over the history."""

    municipality = models.ForeignKey(
        MunicipalityPage, on_delete=models.CASCADE, related_name="route_states"
    )
    step = models.ForeignKey(RouteStep, on_delete=models.CASCADE, related_name="states")
    entry = models.ForeignKey(RouteProgressEntry, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=RouteStatus.choices)
    date = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "step"], name="unique_route_state")
        ]
        verbose_name = _("route step state")

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.date:%d-%m-%Y})"


class StakeholderKind(models.TextChoices):
    """The kinds of people and groups on a stakeholder map, in the order the map shows them."""

    COUNCIL = "council", _("council members")
    ALDERMAN = "alderman", _("alderman")
    OFFICIALS = "officials", _("officials")
    ADVISORY_COUNCIL = "advisory_council", _("adviesraad sociaal domein")
    EXPERT_PANEL = "expert_panel", _("panel of experts by experience")
    ORGANISATIONS = "organisations", _("organisations")
    EMPLOYERS = "employers", _("employers")
    SCHOOLS = "schools", _("schools")


class Stakeholder(models.Model):
    """Someone who works on inclusion in a municipality, on its stakeholder map."""

    municipality = models.ForeignKey(
        MunicipalityPage, on_delete=models.CASCADE, related_name="stakeholders"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=StakeholderKind.choices)
    name = models.CharField(
        _("name"), max_length=150, help_text=_("A person, a group or an organisation.")
    )
    role = models.CharField(
        _("role"), max_length=200, help_text=_("What they do for inclusion, in a few words.")
    )
    contact = models.CharField(
        _("public contact"),
        max_length=200,
        blank=True,
        help_text=_("An email address, phone number or website. Shown to everyone."),
    )
    contact_consent = models.BooleanField(
        _("they agreed to show this contact"),
        default=False,
        help_text=_("Only with their permission do we show the contact on the site."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo_data = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["kind", "name", "pk"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if self.contact and not self.contact_consent:
            raise ValidationError(
                {"contact_consent": _("Tick this box if they agreed, or leave the contact empty.")}
            )

    @property
    def public_contact(self) -> str:
        return self.contact if self.contact_consent else ""
