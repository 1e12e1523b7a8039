"""Forms of the agenda: the filters, the month picker and the registration form."""

import re
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from municipalities.models import MunicipalityPage
from network.fields import SafeModelChoiceField
from network.roles import EXPERT_BY_EXPERIENCE, MUNICIPAL_OFFICIAL, user_roles
from taxonomy.models import Theme

from .models.registrations import PROVINCES, EventFormat, EventScope, Provision, Registration

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


class AgendaFilterForm(forms.Form):
    """The agenda's filters, sent as GET so every filtered view has its own address."""

    scope = forms.ChoiceField(
        label=_("National or regional"),
        choices=[("", _("All events")), *EventScope.choices],
        required=False,
    )
    province = forms.ChoiceField(
        label=_("Province"), choices=[("", _("All provinces")), *PROVINCES], required=False
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=[("", _("All formats")), *EventFormat.choices], required=False
    )
    theme = SafeModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.order_by("article"),
        required=False,
        to_field_name="slug",
        empty_label=_("All themes"),
        error_messages={"invalid_choice": _("This theme does not exist.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("scope", "province", "format"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "Choose one of the options in the list."
            )

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("scope"):
            queryset = queryset.filter(scope=data["scope"])
        if data.get("province"):
            queryset = queryset.filter(province=data["province"])
        if data.get("format"):
            queryset = queryset.filter(format=data["format"])
        if data.get("theme"):
            queryset = queryset.filter(themes=data["theme"])
        return queryset


class MonthForm(AgendaFilterForm):
    """The filters plus the month to show, as YYYY-MM."""

    month = forms.CharField(
        label=_("Month"),
        required=False,
        max_length=7,
        help_text=_("As year-month, for example 2026-03."),
    )

    def clean_month(self) -> date | None:
        value = self.cleaned_data.get("month", "").strip()
        if not value:
            return None
        match = MONTH_RE.match(value)
        if not match:
            raise forms.ValidationError(
                _("Give the month as year-month, for example 2026-03."), code="invalid_month"
            )
        year, month = int(match.group(1)), int(match.group(2))
        if not (1 <= month <= 12 and 1900 <= year <= 2999):
            raise forms.ValidationError(_("This month does not exist."), code="invalid_month")
        return date(year, month, 1)


class RegistrationForm(forms.Form):
    """Register for an event, with or without an account."""

    name = forms.CharField(
        label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We send the confirmation and a cancellation link to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.ChoiceField(
        label=_("I take part as"), choices=Registration.Role.choices, widget=forms.RadioSelect
    )
    municipality = SafeModelChoiceField(
        label=_("Municipality"),
        queryset=MunicipalityPage.objects.none(),
        required=False,
        empty_label=_("No municipality"),
        help_text=_("Optional: the municipality you work for or live in."),
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )
    needs = forms.MultipleChoiceField(
        label=_("Accessibility needs"),
        choices=Provision.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What do you need to take part? Only the organisers see this."),
        error_messages={"invalid_choice": _("Choose accessibility needs from the list.")},
    )
    needs_other = forms.CharField(
        label=_("Other needs or explanation"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    needs_consent = forms.BooleanField(
        label=_("I agree that my accessibility needs are stored for this event"),
        required=False,
        help_text=_(
            "Only the organisers see them, and they are erased %(days)s days after the event."
        ),
    )

    def __init__(self, *args, user=None, retention_days: int = 7, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = (
            MunicipalityPage.objects.live().order_by("title").only("id", "title")
        )
        self.fields["needs_consent"].help_text = self.fields["needs_consent"].help_text % {
            "days": retention_days
        }
        if user is not None and user.is_authenticated and not self.is_bound:
            roles = user_roles(user)
            self.initial.setdefault("name", user.get_full_name())
            self.initial.setdefault("email", user.email)
            self.initial.setdefault("organisation", user.organisation)
            if MUNICIPAL_OFFICIAL in roles:
                self.initial.setdefault("role", Registration.Role.OFFICIAL)
            elif EXPERT_BY_EXPERIENCE in roles:
                self.initial.setdefault("role", Registration.Role.EXPERT)

    def clean(self):
        data = super().clean()
        has_needs = bool(data.get("needs")) or bool((data.get("needs_other") or "").strip())
        if has_needs and not data.get("needs_consent"):
            self.add_error(
                "needs_consent",
                forms.ValidationError(
                    _(
                        "You gave accessibility needs: tick this box so we may store them, "
                        "or leave them empty."
                    ),
                    code="needs_without_consent",
                ),
            )
        return data


class ConfirmActionForm(forms.Form):
    """An empty form: confirming and cancelling are a POST, so link scanners change nothing."""
