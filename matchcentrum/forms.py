"""Forms of the matchcentrum: the request, the proposal, the moves of a match."""

from django import forms
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from knowledge.models import PracticePage
from municipalities.models import MunicipalityPage
from network.fields import SafeModelChoiceField, SafeModelMultipleChoiceField
from taxonomy.models import LifeDomain, Theme

from .models import MatchRequest, MatchState


class TermChoiceField(SafeModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.label


class MatchRequestForm(forms.Form):
    """A municipality asks for help: which themes, what question, how to reach them."""

    municipality = SafeModelChoiceField(
        label=_("For which municipality?"),
        queryset=MunicipalityPage.objects.none(),
        empty_label=_("Choose a municipality"),
    )
    themes = TermChoiceField(
        label=_("Themes (CRPD articles)"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose at least one theme or life domain."),
    )
    life_domains = TermChoiceField(
        label=_("Life domains"),
        queryset=LifeDomain.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    question = forms.CharField(
        label=_("Your question"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What would you like to learn from another municipality? In your own words."),
    )
    preferred_contact = forms.ChoiceField(
        label=_("How would you like to be contacted?"),
        choices=MatchRequest.Contact.choices,
        initial=MatchRequest.Contact.EMAIL,
        widget=forms.RadioSelect,
    )
    contact_name = forms.CharField(
        label=_("Contact name"), max_length=120, widget=forms.TextInput({"autocomplete": "name"})
    )
    contact_email = forms.EmailField(
        label=_("Contact email"), widget=forms.EmailInput({"autocomplete": "email"})
    )
    contact_phone = forms.CharField(
        label=_("Contact phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput({"type": "tel", "autocomplete": "tel"}),
        help_text=_("Needed if you prefer to be called."),
    )
    practice = SafeModelChoiceField(
        queryset=PracticePage.objects.live(), required=False, widget=forms.HiddenInput
    )
    target_municipality = SafeModelChoiceField(
        queryset=MunicipalityPage.objects.live(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.fields["practice"].error_messages["invalid_choice"] = _(
            "The practice this request came from is no longer published."
        )
        self.fields["target_municipality"].error_messages["invalid_choice"] = _(
            "The municipality this request was meant for could not be found."
        )

    def clean(self):
        data = super().clean()
        if not data.get("themes") and not data.get("life_domains"):
            self.add_error("themes", _("Choose at least one theme or life domain."))
        if data.get("preferred_contact") == MatchRequest.Contact.PHONE and not data.get(
            "contact_phone"
        ):
            self.add_error("contact_phone", _("Give a phone number if you prefer to be called."))
        target = data.get("target_municipality")
        if target is not None and target == data.get("municipality"):
            data["target_municipality"] = None
        return data


class ProposeForm(forms.Form):
    """The team picks one of the suggested municipalities and says why it fits."""

    offering_municipality = forms.TypedChoiceField(
        label=_("Propose a match with"), coerce=int, widget=forms.RadioSelect
    )
    offering_contact_email = forms.EmailField(
        label=_("Contact email at that municipality"),
        required=False,
        help_text=_("Leave empty to write to the officials listed as its contacts."),
    )
    notes = forms.CharField(
        label=_("Why this match"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to both municipalities with the proposal."),
    )

    def __init__(self, *args, suggestions, **kwargs):
        super().__init__(*args, prefix="propose", **kwargs)
        self.fields["offering_municipality"].choices = [
            (
                s.municipality_id,
                gettext("%(municipality)s (score %(score)s)")
                % {"municipality": s.title, "score": number_format(s.score)},
            )
            for s in suggestions
        ]
        self.fields["offering_municipality"].error_messages["invalid_choice"] = _(
            "Choose one of the suggested municipalities."
        )


class TransitionForm(forms.Form):
    """Move a match on: to which state, with a note, and an evaluation when completing."""

    to_state = forms.ChoiceField(
        label=_("New state"), choices=MatchState.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: what happened, for the history."),
    )
    evaluation_useful = forms.TypedChoiceField(
        label=_("Was the match useful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Only when completing the match."),
    )
    evaluation_outcome = forms.CharField(
        label=_("What came of it?"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only when completing the match."),
    )

    def __init__(self, *args, states, **kwargs):
        super().__init__(*args, prefix="move", **kwargs)
        self.fields["to_state"].choices = [(s, capfirst(MatchState(s).label)) for s in states]
        self.fields["to_state"].error_messages["invalid_choice"] = _(
            "This match cannot be moved to that state."
        )

    def clean(self):
        data = super().clean()
        if data.get("to_state") == MatchState.COMPLETED and data.get("evaluation_useful") is None:
            self.add_error(
                "evaluation_useful", _("Say whether the match was useful before completing it.")
            )
        return data


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Add a note"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="note", **kwargs)


class ConsentForm(forms.Form):
    show = forms.BooleanField(
        label=_("Show this completed match on both municipalities' profiles"),
        required=False,
        help_text=_("It appears, with what came of it, only when both municipalities agree."),
    )

    def __init__(self, *args, side: str, **kwargs):
        super().__init__(*args, prefix=f"consent-{side}", **kwargs)


class RespondForm(forms.Form):
    note = forms.CharField(
        label=_("Message (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Show requests"),
        choices=MatchRequest.Status.choices,
        required=False,
    )
