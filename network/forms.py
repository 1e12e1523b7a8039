"""Forms of the account pages, and the renderer that makes every form accessible."""

import re

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from .models import User
from .notifications import DIGEST, IMMEDIATE, NONE, notification_kinds, preference_of
from .roles import ROLE_LABELS, SELF_CHOSEN_ROLES, is_moderator


def add_validation_errors(form: forms.Form, error: ValidationError) -> None:
    """A model's or service's ValidationError shown on the form that caused it: each message
    at its field, or above the form for fields the form does not have."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class AccessibleFormRenderer(TemplatesSetting):
    """Renders every form with an error summary and fields linked to their errors and help."""

    form_template_name = "components/form.html"
    field_template_name = "components/field.html"


class SignupProfileForm(forms.Form):
    """Extra sign-up fields for allauth: how you want to appear and what brings you here."""

    ROLE_CHOICES = [
        *((role, ROLE_LABELS[role]) for role in SELF_CHOSEN_ROLES),
        ("", _("Other / no specific role")),
    ]

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=100,
        help_text=_("The name others see, for example on the forum."),
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    role = forms.ChoiceField(
        label=_("I take part as"),
        choices=ROLE_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("The project team links municipal officials to their municipality."),
    )

    def clean_display_name(self) -> str:
        return clean_display_name_value(self.cleaned_data["display_name"], user=None)

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.organisation = self.cleaned_data.get("organisation", "")
        user.save(update_fields=["display_name", "organisation"])
        role = self.cleaned_data.get("role")
        if role in SELF_CHOSEN_ROLES:
            group, _created = Group.objects.get_or_create(name=role)
            user.groups.add(group)


NOTIFY_CHOICES = [
    (IMMEDIATE, _("Immediately")),
    (DIGEST, _("Daily digest")),
    (NONE, _("No email")),
]


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "organisation", "language", "notification_preference"]
        widgets = {"notification_preference": forms.RadioSelect, "language": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Others see this name on the forum and in the matchcentrum, so it may not be empty.
        self.fields["display_name"].required = True
        # Left out (an older form, a script): the current language stays.
        self.fields["language"].required = False
        # One choice per kind of notification this person receives (apps declare the kinds).
        self.notification_fields = {}
        for kind in notification_kinds.for_user(self.instance):
            name = "notify_" + kind.key.replace(".", "_")
            self.fields[name] = forms.ChoiceField(
                label=kind.label,
                choices=NOTIFY_CHOICES,
                widget=forms.RadioSelect,
                initial=preference_of(self.instance, kind.key),
                required=False,  # left out: the current choice stays
            )
            self.notification_fields[name] = kind.key

    def clean_display_name(self) -> str:
        return clean_display_name_value(self.cleaned_data["display_name"], user=self.instance)

    def clean_language(self) -> str:
        return self.cleaned_data.get("language") or self.instance.language or "nl"

    def save(self, commit: bool = True) -> User:
        settings = dict(self.instance.notification_settings or {})
        for name, key in self.notification_fields.items():
            if self.cleaned_data.get(name):
                settings[key] = self.cleaned_data[name]
        self.instance.notification_settings = settings
        return super().save(commit=commit)


class DeleteAccountForm(forms.Form):
    """Deleting an account asks for the password, so nobody does it by accident or for you."""

    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct."), code="wrong_password")
        return password


class SiteSearchForm(forms.Form):
    q = forms.CharField(label=_("Search the site"), max_length=200, required=False)


# Words that would make a name look like someone who speaks for the site (both languages).
RESERVED_NAME_WORDS = (
    "admin",
    "administrator",
    "beheer",
    "beheerder",
    "moderator",
    "moderatie",
    "projectteam",
    "team",
    "vng",
    "redactie",
    "helpdesk",
    "iedereendoetmee",
)


def _name_key(name: str) -> str:
    """A display name reduced to its letters and digits, to catch look-alikes ("J. Jansen")."""
    return re.sub(r"[\W_]+", "", name.casefold())


def clean_display_name_value(name: str, *, user: User | None) -> str:
    """Refuse a display name that imitates a role, the team, or another person on the site."""
    name = " ".join(name.split())
    words = {re.sub(r"[\W_]+", "", word) for word in name.casefold().split()}
    key = _name_key(name)
    # People who hold such a role (moderators, the team) may say so in their name.
    may_use_role_words = user is not None and user.pk is not None and is_moderator(user)
    if not may_use_role_words and (
        words & set(RESERVED_NAME_WORDS)
        or any(
            key.startswith(word) or key.endswith(word)
            for word in RESERVED_NAME_WORDS
            if len(word) > 6
        )
    ):
        raise forms.ValidationError(
            _(
                "This name looks like a role or the project team (for example 'moderator', "
                "'admin' or 'team'). Choose a name that is your own."
            ),
            code="reserved_name",
        )
    others = User.objects.filter(display_name__iexact=name)
    if user is not None and user.pk:
        others = others.exclude(pk=user.pk)
    if others.exists():
        raise forms.ValidationError(
            _("Someone else on the site already uses this name. Choose another name."),
            code="name_taken",
        )
    return name
