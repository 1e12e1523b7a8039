"""Forms of the cycle. Every choice of a related object is limited to what this person may pick,
and keys the database cannot look up are refused with a message (network.fields)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import EventKind, EventPage
from municipalities.forms import clean_document_upload
from municipalities.reference import load_provinces
from network.fields import SafeModelChoiceField, SafeModelMultipleChoiceField
from taxonomy.models import LifeDomain, Theme
from voices.models import Organisation, Voice

from .models import Commitment, CommitmentStatus, Position, Priority, StatusChange

EARLIEST = datetime.date(2000, 1, 1)


def _check_date(value: datetime.date | None) -> datetime.date | None:
    if value is None:
        return value
    if value > timezone.localdate():
        raise forms.ValidationError(
            _("This date is in the future. Fill in a date up to today."), code="future_date"
        )
    if value < EARLIEST:
        raise forms.ValidationError(_("The date cannot be before 2000."), code="too_early")
    return value


DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PriorityForm(forms.ModelForm):
    themes = SafeModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    life_domains = SafeModelMultipleChoiceField(
        label=_("Life domains"),
        queryset=LifeDomain.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organisation = SafeModelChoiceField(
        label=_("On behalf of"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Myself"),
        help_text=_("Choose your organisation when you file this in its name."),
    )
    dialogue = SafeModelChoiceField(
        label=_("Dialogue moment"),
        queryset=EventPage.objects.none(),
        required=False,
        empty_label=_("Not from a dialogue moment"),
        help_text=_("The dialogue moment where this priority came up, if any."),
    )
    voices = SafeModelMultipleChoiceField(
        label=_("Supporting voices"),
        queryset=Voice.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Stories of people from this municipality that show why it matters."),
    )

    class Meta:
        model = Priority
        fields = [
            "title",
            "explanation",
            "source",
            "organisation",
            "dialogue",
            "themes",
            "life_domains",
            "voices",
        ]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 6}), "source": forms.RadioSelect}

    def __init__(self, *args, municipality, organisations, dialogues=None, **kwargs):
        super().__init__(*args, **kwargs)
        # An organiser without another role records only what came out of their dialogue.
        self.dialogues_only = dialogues is not None
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["life_domains"].queryset = LifeDomain.objects.all()
        self.fields["organisation"].queryset = organisations
        if not organisations.exists():
            del self.fields["organisation"]
        self.fields["dialogue"].queryset = (
            dialogues
            if dialogues is not None
            else EventPage.objects.live().filter(kind=EventKind.DIALOGUE, start__lte=timezone.now())
        ).order_by("-start")
        if self.dialogues_only:
            self.fields["dialogue"].required = True
            self.fields["source"].choices = [
                (value, label)
                for value, label in Priority.Source.choices
                if value == Priority.Source.DIALOGUE
            ]
            self.fields["source"].initial = Priority.Source.DIALOGUE
        self.fields["voices"].queryset = (
            Voice.objects.published().filter(municipality=municipality).order_by("-date")
        )

    def clean(self):
        data = super().clean()
        if data.get("source") == Priority.Source.DIALOGUE and not data.get("dialogue"):
            self.add_error("dialogue", _("Choose the dialogue moment this priority came from."))
        return data


class EndorseForm(forms.Form):
    organisation = SafeModelChoiceField(
        label=_("Support as"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Myself"),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class CommitmentForm(forms.ModelForm):
    source_file = forms.FileField(
        label=_("Source (document)"),
        required=False,
        help_text=_("Optional: the agreement or decision as a PDF, Word or OpenDocument file."),
    )
    priorities = SafeModelMultipleChoiceField(
        label=_("Priorities it answers"),
        queryset=Priority.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Commitment
        fields = [
            "title",
            "description",
            "made_by",
            "party_name",
            "term",
            "source_title",
            "source_url",
            "promised_on",
            "priorities",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "made_by": forms.RadioSelect,
            "promised_on": DATE_WIDGET,
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priorities"].queryset = Priority.objects.filter(
            municipality=municipality
        ).order_by("title")

    def clean_promised_on(self):
        return _check_date(self.cleaned_data.get("promised_on"))

    def clean_source_file(self):
        return clean_document_upload(self.cleaned_data.get("source_file"))

    def clean(self):
        data = super().clean()
        if (
            data.get("made_by") == Commitment.MadeBy.PARTY
            and not data.get("party_name", "").strip()
        ):
            self.add_error("party_name", _("Fill in which party made the promise."))
        return data

    def _post_clean(self):
        # The model's own clean() runs in the service, with the same rules.
        pass


class StatusChangeForm(forms.ModelForm):
    class Meta:
        model = StatusChange
        fields = ["status", "date", "note", "evidence_url"]
        widgets = {
            "status": forms.RadioSelect,
            "date": DATE_WIDGET,
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, commitment, **kwargs):
        super().__init__(*args, **kwargs)
        self.commitment = commitment
        self.fields["date"].initial = timezone.localdate
        self.fields["status"].choices = CommitmentStatus.choices

    def clean_date(self):
        value = _check_date(self.cleaned_data.get("date"))
        if value and value < self.commitment.promised_on:
            raise forms.ValidationError(
                _("This date is before the promise was made (%(date)s).")
                % {"date": self.commitment.promised_on.strftime("%d-%m-%Y")},
                code="before_promise",
            )
        return value

    def _post_clean(self):
        pass


class CommitmentFilterForm(forms.Form):
    """Filters of the national overview and its exports (all optional, combined with AND)."""

    province = forms.ChoiceField(label=_("Province"), required=False)
    theme = SafeModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.none(),
        required=False,
        empty_label=_("All themes"),
        to_field_name="slug",
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *CommitmentStatus.choices],
    )
    party = forms.CharField(label=_("Party"), required=False, max_length=120)
    term = forms.ChoiceField(label=_("Term"), required=False)
    page = forms.IntegerField(
        required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput
    )

    def __init__(self, *args, terms=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", _("All provinces"))] + [
            (code, name) for code, name in sorted(load_provinces().items(), key=lambda i: i[1])
        ]
        self.fields["theme"].queryset = Theme.objects.all()
        self.fields["term"].choices = [("", _("All terms"))] + [(term, term) for term in terms]

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("province"):
            queryset = queryset.filter(municipality__province_code=data["province"])
        if data.get("theme"):
            queryset = queryset.filter(priorities__themes=data["theme"]).distinct()
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("party"):
            queryset = queryset.filter(party_name__icontains=data["party"].strip())
        if data.get("term"):
            queryset = queryset.filter(term=data["term"])
        return queryset


class PartyAnswerForm(forms.Form):
    """One position and explanation per priority of the party's municipality."""

    def __init__(self, *args, priorities, answers, **kwargs):
        super().__init__(*args, **kwargs)
        self.priorities = list(priorities)
        for priority in self.priorities:
            answer = answers.get(priority.pk)
            self.fields[f"position_{priority.pk}"] = forms.ChoiceField(
                label=_("Your position"),
                choices=Position.choices,
                widget=forms.RadioSelect,
                initial=answer.position if answer else Position.NO_ANSWER,
            )
            self.fields[f"explanation_{priority.pk}"] = forms.CharField(
                label=_("Explanation"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=answer.explanation if answer else "",
                help_text=_("What your party will do, in a few sentences."),
            )

    def rows(self):
        for priority in self.priorities:
            yield priority, self[f"position_{priority.pk}"], self[f"explanation_{priority.pk}"]

    def answers(self):
        for priority in self.priorities:
            yield (
                priority,
                self.cleaned_data[f"position_{priority.pk}"],
                self.cleaned_data[f"explanation_{priority.pk}"].strip(),
            )
