"""What the profiles are made of: LIA status, its history, memberships, the route, stakeholders.

The municipality page itself lives in `pages.py`, above the forms and services that build on
these records. Modules below the pages reach the page model through `municipality_model()`.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable


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


class LiaStatusChange(models.Model):
    """One entry in a municipality's LIA history. Append-only: a correction is a new entry."""

    class Source(models.TextChoices):
        SELF_REPORT = "self_report", _("self-report")
        PROJECT_TEAM = "project_team", _("project team")
        SURVEY = "survey", _("survey")

    municipality = models.ForeignKey(
        "municipalities.MunicipalityPage",
        on_delete=models.CASCADE,
        related_name="lia_status_changes",
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
        "municipalities.MunicipalityPage", on_delete=models.CASCADE, related_name="memberships"
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
        "municipalities.MunicipalityPage", on_delete=models.CASCADE, related_name="route_entries"
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
        "municipalities.MunicipalityPage", on_delete=models.CASCADE, related_name="route_states"
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
        "municipalities.MunicipalityPage", on_delete=models.CASCADE, related_name="stakeholders"
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


def municipality_model():
    """The MunicipalityPage class, for the forms, services and overview below the pages.

    They cannot import it, because the pages import them. Every record points at it, so the
    class is known by the time a request or command runs.
    """
    return LiaStatusChange.municipality.field.related_model
