"""The overview's filter form, the LIA status form, route progress and the stakeholder map.

These sit below the pages, which render them; the form that edits a page is in `contact.py`.
"""

import datetime
import os

from django import forms
from django.conf import settings
from django.db.models import Count, F, Func, IntegerField, Q, QuerySet, Subquery
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.roles import is_project_team

from .models.records import (
    LiaStatus,
    LiaStatusChange,
    RouteProgressEntry,
    RouteStatus,
    RouteStep,
    SizeClass,
    Stakeholder,
)
from .reference import load_provinces, load_regions

# Columns the table sorts by; a leading "-" reverses the order.
SORT_COLUMNS = ("name", "province", "status", "date", "manifest", "route", "population")
FILTER_NAMES = ("province", "status", "manifest", "route", "size", "region")
ROUTE_DONE = Count("route_states", filter=Q(route_states__status=RouteStatus.DONE))

SORT_CHOICES = [(key, key) for key in SORT_COLUMNS] + [
    (f"-{key}", f"-{key}") for key in SORT_COLUMNS
]


def route_total() -> Subquery:
    """How many steps the route has, as a subquery: the rows query needs no second query for it.

    Built per call: a queryset at import time would need the models loaded, and the pages
    import this module while they load.
    """
    return Subquery(
        RouteStep.objects.order_by()
        .annotate(total=Func(F("pk"), function="COUNT"))
        .values("total"),
        output_field=IntegerField(),
    )


class MunicipalityFilterForm(forms.Form):
    """Filters of the overview (all optional, combined with AND) and the table's sort order."""

    province = forms.ChoiceField(label=_("Province"), required=False)
    status = forms.ChoiceField(
        label=_("LIA status"),
        required=False,
        choices=[("", _("All statuses")), *LiaStatus.choices],
    )
    manifest = forms.ChoiceField(
        label=_("Manifest signed"),
        required=False,
        choices=[
            ("", _("Either")),
            ("yes", _("Signed")),
            ("initiator", _("Initiator")),
            ("no", _("Not signed")),
        ],
    )
    route = forms.ChoiceField(
        label=_("Route"),
        required=False,
        choices=[
            ("", _("All")),
            ("none", _("No step done yet")),
            ("started", _("On the way")),
            ("complete", _("All steps done")),
        ],
    )
    size = forms.ChoiceField(
        label=_("Size"), required=False, choices=[("", _("All sizes")), *SizeClass.choices]
    )
    region = forms.ChoiceField(label=_("Labour-market region"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=[("", "")] + SORT_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", _("All provinces"))] + [
            (code, name) for code, name in sorted(load_provinces().items(), key=lambda i: i[1])
        ]
        self.fields["region"].choices = [("", _("All regions"))] + [
            (code, name) for code, name in sorted(load_regions().items(), key=lambda i: i[1])
        ]
        # The sort order travels in the table's header links, not as a visible control.
        self.fields["sort"].widget = forms.HiddenInput()

    def filter_key(self) -> str:
        """A stable text of the active filters, for cache keys."""
        data = self.cleaned_data
        return "|".join(f"{name}={data.get(name) or ''}" for name in FILTER_NAMES)

    def apply(self, queryset: QuerySet) -> QuerySet:
        """The queryset narrowed by the valid filters."""
        data = self.cleaned_data
        if data.get("province"):
            queryset = queryset.filter(province_code=data["province"])
        if data.get("status"):
            queryset = queryset.filter(current_lia_status=data["status"])
        if data.get("manifest") == "yes":
            queryset = queryset.filter(manifest_signed_on__isnull=False)
        elif data.get("manifest") == "initiator":
            queryset = queryset.filter(manifest_signed_on__isnull=False, manifest_initiator=True)
        elif data.get("manifest") == "no":
            queryset = queryset.filter(Q(manifest_signed_on__isnull=True))
        if data.get("route"):
            queryset = queryset.annotate(route_done_filter=ROUTE_DONE, route_total=route_total())
            if data["route"] == "none":
                queryset = queryset.filter(route_done_filter=0)
            elif data["route"] == "started":
                queryset = queryset.filter(
                    route_done_filter__gt=0, route_done_filter__lt=F("route_total")
                )
            else:
                queryset = queryset.filter(route_done_filter__gte=F("route_total"))
        if data.get("size"):
            queryset = queryset.filter(size_class=data["size"])
        if data.get("region"):
            queryset = queryset.filter(region_code=data["region"])
        return queryset

    @property
    def sort_key(self) -> str:
        return (
            self.cleaned_data.get("sort") if self.is_bound and self.is_valid() else ""
        ) or "name"


class LiaStatusForm(forms.ModelForm):
    """Record a new LIA status for one municipality (a correction is a new entry too)."""

    class Meta:
        model = LiaStatusChange
        fields = ["status", "date", "source", "note"]
        widgets = {
            "status": forms.RadioSelect,
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "date": _("When the status took effect, for example the date the council adopted it."),
            "note": _("Optional: what happened, or what this entry corrects."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = LiaStatus.choices
        self.fields["date"].initial = timezone.localdate
        source = self.fields["source"]
        # Officials report for their own municipality; the source says so and needs no choice.
        if user is not None and not is_project_team(user):
            source.choices = [
                (value, label)
                for value, label in LiaStatusChange.Source.choices
                if value != LiaStatusChange.Source.PROJECT_TEAM
            ]
            source.initial = LiaStatusChange.Source.SELF_REPORT
        else:
            source.choices = LiaStatusChange.Source.choices
            source.initial = LiaStatusChange.Source.PROJECT_TEAM
        source.widget = forms.RadioSelect(choices=source.choices)

    def clean_date(self) -> datetime.date:
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."), code="future_date")
        if date.year < 2016:
            # The Netherlands ratified the convention in 2016; LIAs did not exist before.
            raise forms.ValidationError(_("The date cannot be before 2016."), code="too_early")
        return date


def clean_document_upload(upload):
    """An uploaded document that will become a Wagtail document: its kind and size as the
    document library allows them (None when nothing was uploaded)."""
    if not upload:
        return None
    extension = os.path.splitext(upload.name)[1].lstrip(".").lower()
    allowed = settings.WAGTAILDOCS_EXTENSIONS
    if extension not in allowed:
        raise forms.ValidationError(
            _("This kind of file is not accepted. Use one of: %(kinds)s.")
            % {"kinds": ", ".join(allowed)},
            code="file_type",
        )
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    if upload.size > limit:
        raise forms.ValidationError(
            _("The file is too large; at most %(size)s.") % {"size": filesizeformat(limit)},
            code="file_size",
        )
    return upload


class RouteProgressForm(forms.ModelForm):
    """Record where a municipality stands on one route step (a correction is a new entry)."""

    evidence_file = forms.FileField(
        label=_("Evidence (document)"),
        required=False,
        help_text=_("Optional: a PDF, Word or OpenDocument file of at most 10 MB."),
    )

    class Meta:
        model = RouteProgressEntry
        fields = ["step", "status", "date", "note", "evidence_url"]
        widgets = {
            "status": forms.RadioSelect,
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "note": _("Optional: what happened, in one or two sentences."),
            "evidence_url": _("Optional: a link that shows it, for example a council decision."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].queryset = RouteStep.objects.all()
        self.fields["step"].empty_label = _("Choose a step")
        self.fields["status"].choices = RouteStatus.choices
        self.fields["date"].initial = timezone.localdate

    def clean_date(self) -> datetime.date:
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."), code="future_date")
        if date.year < 2016:
            raise forms.ValidationError(_("The date cannot be before 2016."), code="too_early")
        return date

    def clean_evidence_file(self):
        return clean_document_upload(self.cleaned_data.get("evidence_file"))


class StakeholderForm(forms.ModelForm):
    """One person, group or organisation on a municipality's stakeholder map."""

    class Meta:
        model = Stakeholder
        fields = ["kind", "name", "role", "contact", "contact_consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Choose a kind"))] + list(
            self.fields["kind"].choices
        )[1:]
