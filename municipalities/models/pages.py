"""The municipality overview and profile pages; they render with the forms and services below."""

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
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from network.models import BasePage
from network.roles import is_project_team

from ..forms import LiaStatusForm, MunicipalityFilterForm
from ..overview import results_html
from ..services import can_record_lia_status, lia_status_record, map_cache_version
from .records import (
    MANIFEST_LAPSED_ON,
    LiaStatus,
    LiaStatusChange,
    MunicipalityMembership,
    SizeClass,
)


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
    def lia_history(self) -> list[LiaStatusChange]:
        """The whole history, newest first, with who recorded each entry."""
        return self._profile_data["history"]

    @property
    def current_lia_change(self) -> LiaStatusChange | None:
        return self.lia_history[0] if self.lia_history else None

    @property
    def contacts(self) -> list[MunicipalityMembership]:
        return self._profile_data["contacts"]

    def get_context(self, request, *args, **kwargs):
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
