"""Forms of the internships: filters, the offer, the application and the team's status step."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from municipalities.models import MunicipalityPage

from .models import Accommodation, ApplicationStatus, InternshipOffer


class OfferFilterForm(forms.Form):
    province = forms.ChoiceField(label=_("Province"), required=False)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=MunicipalityPage.objects.none(),
        required=False,
        empty_label=_("All municipalities"),
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        live = MunicipalityPage.objects.live()
        provinces = sorted(set(live.values_list("province", flat=True)) - {""})
        self.fields["province"].choices = [("", _("All provinces"))] + [(p, p) for p in provinces]
        self.fields["municipality"].queryset = live.order_by("title").only("id", "title")


class OfferForm(forms.ModelForm):
    accommodations = forms.MultipleChoiceField(
        label=_("Accommodations offered"),
        choices=Accommodation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What the municipality arranges for the intern."),
        error_messages={"invalid_choice": _("Choose accommodations from the list.")},
    )

    class Meta:
        model = InternshipOffer
        fields = [
            "municipality",
            "kind",
            "title",
            "department",
            "start",
            "end",
            "hours_per_week",
            "location",
            "tasks",
            "accommodations",
            "places",
            "is_open",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "tasks": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "tasks": _("Describe in plain words what the intern does on a normal day."),
            "places": _("The offer closes when this many people are placed."),
        }

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["municipality"]
        field.queryset = (
            municipalities if municipalities is not None else MunicipalityPage.objects.none()
        )
        field.error_messages["invalid_choice"] = _("Choose a municipality you work for.")


class ApplicationForm(forms.Form):
    motivation = forms.CharField(
        label=_("Why do you want this internship?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("A few sentences are enough."),
    )
    needs = forms.MultipleChoiceField(
        label=_("Accommodations you need"),
        choices=Accommodation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only the municipality's officials and the project team see this."),
        error_messages={"invalid_choice": _("Choose accommodations from the list.")},
    )
    needs_other = forms.CharField(
        label=_("Other accommodations or explanation"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    needs_consent = forms.BooleanField(
        label=_("I agree that my accommodations are stored for this internship"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        days = int(getattr(settings, "INTERNSHIPS_NEEDS_RETENTION_DAYS", 30))
        self.fields["needs_consent"].help_text = _(
            "They are erased %(days)s days after the internship ends."
        ) % {"days": days}

    def clean(self):
        data = super().clean()
        has_needs = bool(data.get("needs")) or bool((data.get("needs_other") or "").strip())
        if has_needs and not data.get("needs_consent"):
            self.add_error(
                "needs_consent",
                forms.ValidationError(
                    _(
                        "You gave accommodations: tick this box so we may store them, "
                        "or leave them empty."
                    ),
                    code="needs_without_consent",
                ),
            )
        return data


class TransitionForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ApplicationStatus.choices)
