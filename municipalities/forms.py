"""The overview's filter form and the LIA status form on a profile."""

import datetime

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.roles import is_project_team

from .models import LiaStatus, LiaStatusChange, SizeClass
from .reference import load_provinces, load_regions

# Columns the table sorts by; a leading "-" reverses the order.
SORT_COLUMNS = ("name", "province", "status", "date", "manifest", "population")
FILTER_NAMES = ("province", "status", "manifest", "size", "region")
SORT_CHOICES = [(key, key) for key in SORT_COLUMNS] + [
    (f"-{key}", f"-{key}") for key in SORT_COLUMNS
]


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
        choices=[("", _("Either")), ("yes", _("Signed")), ("no", _("Not signed"))],
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
        elif data.get("manifest") == "no":
            queryset = queryset.filter(Q(manifest_signed_on__isnull=True))
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
