"""Forms of the account pages, and the renderer that makes every form accessible."""

from django import forms
from django.contrib.auth.models import Group
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from .models import User
from .roles import ROLE_LABELS, SELF_CHOSEN_ROLES


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

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.organisation = self.cleaned_data.get("organisation", "")
        user.save(update_fields=["display_name", "organisation"])
        role = self.cleaned_data.get("role")
        if role in SELF_CHOSEN_ROLES:
            group, _created = Group.objects.get_or_create(name=role)
            user.groups.add(group)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "organisation", "notification_preference"]
        widgets = {"notification_preference": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Others see this name on the forum and in the matchcentrum, so it may not be empty.
        self.fields["display_name"].required = True


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
