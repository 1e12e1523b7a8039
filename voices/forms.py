"""Forms of the voices app; all render through the accessible form components."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from municipalities.models import MunicipalityPage

from .models import Organisation, Position, Voice, VoiceModeration

MARKDOWN_HELP = _(
    "You can use Markdown: **bold**, *italic*, lists starting with - and quotes starting with >."
)
TAG_SPLIT = re.compile(r"[\s,]+")


def _municipalities():
    return MunicipalityPage.objects.live().filter(retired_on__isnull=True).order_by("title")


def parse_tags(text: str) -> list[str]:
    """'#2MiljoenStemmen, wonen' -> ['2MiljoenStemmen', 'wonen'] (each once, at most 10)."""
    tags: dict[str, None] = {}
    for part in TAG_SPLIT.split(text or ""):
        tag = part.strip().lstrip("#")[:50]
        if tag:
            tags.setdefault(tag, None)
    return list(tags)[:10]


class VoiceForm(forms.ModelForm):
    """Share or change a voice. Short and plain: most fields are optional."""

    tag_text = forms.CharField(
        label=_("Hashtags (optional)"),
        max_length=300,
        required=False,
        help_text=_("Separate them with commas, e.g. 2MiljoenStemmen."),
    )

    class Meta:
        model = Voice
        fields = [
            "title",
            "body_markdown",
            "easy_read_markdown",
            "municipality",
            "themes",
            "life_domains",
            "name",
            "display",
            "image",
            "image_alt",
            "media",
            "transcript",
            "captions",
            "organisation",
            "consent_publish",
            "consent_contact",
            "contact_details",
        ]
        labels = {
            "title": _("Title (optional)"),
            "body_markdown": _("Your story or demand"),
            "easy_read_markdown": _("Easy-read version (optional)"),
            "municipality": _("Your municipality (optional)"),
            "themes": _("Themes (optional)"),
            "life_domains": _("Parts of life (optional)"),
            "name": _("Your name"),
            "display": _("How may we show your name?"),
            "image": _("Image (optional)"),
            "image_alt": _("Describe the image"),
            "media": _("Sound or video (optional)"),
            "transcript": _("Written version of the sound or video"),
            "captions": _("Captions for the video (.vtt)"),
            "organisation": _("Share in the name of (optional)"),
            "consent_publish": _("I agree that my voice is shown on this site"),
            "consent_contact": _("The project team may contact me about my voice"),
            "contact_details": _("Email or phone for contact (optional)"),
        }
        help_texts = {
            "body_markdown": _(
                "What do you need to take part? What must your municipality really tackle? "
                "At most 5000 characters."
            ),
            "name": _(
                "Needed unless you share anonymously. Only the first word is shown if you choose 'first name'."
            ),
            "image_alt": _("Needed when you add an image: what is in it?"),
            "transcript": _("Needed when you add sound or video: write out what is said."),
            "consent_publish": _("Required. You can withdraw your voice at any time."),
            "contact_details": _("Only the project team sees this; it is never shown on the site."),
        }
        widgets = {
            "body_markdown": forms.Textarea(attrs={"rows": 8}),
            "easy_read_markdown": forms.Textarea(attrs={"rows": 5}),
            "transcript": forms.Textarea(attrs={"rows": 5}),
            "themes": forms.CheckboxSelectMultiple,
            "life_domains": forms.CheckboxSelectMultiple,
            "display": forms.RadioSelect,
            "image": forms.ClearableFileInput(attrs={"accept": ".jpg,.jpeg,.png,.webp"}),
            "media": forms.ClearableFileInput(attrs={"accept": ".mp3,.m4a,.ogg,.mp4,.webm"}),
            "captions": forms.ClearableFileInput(attrs={"accept": ".vtt"}),
        }
        error_messages = {
            "body_markdown": {"required": _("Write your story or demand.")},
        }

    def __init__(self, *args, user, hashtags: list[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = _municipalities()
        self.fields["municipality"].empty_label = _("The whole country")
        self.fields["themes"].queryset = self.fields["themes"].queryset.order_by("article")
        self.fields["consent_publish"].required = True
        self.fields["consent_publish"].error_messages["required"] = _(
            "We can only show your voice if you agree to publication."
        )
        self.fields["display"].choices = Voice.Display.choices
        if not self.instance.pk:
            self.fields["name"].initial = user.get_full_name()
        organisations = Organisation.objects.filter(
            members=user, status=Organisation.Status.APPROVED
        )
        if organisations.exists():
            self.fields["organisation"].queryset = organisations
            self.fields["organisation"].empty_label = _("Myself")
        else:
            del self.fields["organisation"]
        if self.instance.pk:
            self.fields["tag_text"].initial = ", ".join(
                tag.name for tag in self.instance.tags.all()
            )
        if hashtags:
            self.fields["tag_text"].help_text = _(
                "Separate them with commas. Running now: %(tags)s"
            ) % {"tags": ", ".join(f"#{tag}" for tag in hashtags)}

    def clean_body_markdown(self) -> str:
        text = self.cleaned_data["body_markdown"]
        if not text.strip():
            raise forms.ValidationError(_("Write your story or demand."), code="required")
        return text

    def service_fields(self) -> dict:
        """The cleaned data in the shape the services take."""
        data = dict(self.cleaned_data)
        tags = parse_tags(data.pop("tag_text", ""))
        # ClearableFileInput gives False for 'clear'; the model wants an empty value.
        for name in ("image", "media", "captions"):
            if data.get(name) is False:
                data[name] = ""
            elif data.get(name) is None:
                data.pop(name, None)
        return {**data, "tags": tags}


class VoiceFilterForm(forms.Form):
    """The list's filters, all in the URL so a filtered list can be shared."""

    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=MunicipalityPage.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All municipalities"),
    )
    province = forms.ChoiceField(label=_("Province"), required=False)
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Voice.themes.field.related_model.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All themes"),
    )
    life_domain = forms.ModelChoiceField(
        label=_("Part of life"),
        queryset=Voice.life_domains.field.related_model.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All parts of life"),
    )
    tag = forms.CharField(label=_("Hashtag"), required=False, max_length=50)

    def __init__(self, *args, provinces: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = _municipalities()
        self.fields["province"].choices = [("", _("All provinces"))] + [(p, p) for p in provinces]
        self.fields["theme"].queryset = Voice.themes.field.related_model.objects.order_by("article")
        self.fields["life_domain"].queryset = Voice.life_domains.field.related_model.objects.all()


MODERATION_CHOICES = [
    (VoiceModeration.Action.PUBLISH, _("Publish: everyone can read the voice")),
    (VoiceModeration.Action.REQUEST_CHANGES, _("Ask for a change: the author can edit it")),
    (VoiceModeration.Action.DECLINE, _("Decline: the voice is not published")),
]


class VoiceModerationForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Decision"),
        choices=MODERATION_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a decision.")},
    )
    reason = forms.CharField(
        label=_("Reason or message"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Required when you ask for a change or decline. The author receives it by email."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if (
            action
            and action != VoiceModeration.Action.PUBLISH
            and not cleaned.get("reason", "").strip()
        ):
            self.add_error("reason", _("Give a reason; the author will read it."))
        return cleaned


class OrganisationForm(forms.ModelForm):
    """An organisation applies to support the campaign."""

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "website",
            "description",
            "is_national",
            "municipalities",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        labels = {
            "name": _("Name of the organisation"),
            "kind": _("Kind of organisation"),
            "website": _("Website (optional)"),
            "description": _("What does the organisation do? (optional)"),
            "is_national": _("We work in the whole country"),
            "municipalities": _("Municipalities where you work"),
            "contact_name": _("Contact person"),
            "contact_email": _("Email of the contact person"),
            "contact_phone": _("Phone of the contact person (optional)"),
        }
        help_texts = {
            "municipalities": _(
                "Needed unless you work in the whole country. Hold Ctrl (or Cmd) to choose more."
            ),
            "contact_email": _("The project team sends its decision here. Never shown."),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "municipalities": forms.SelectMultiple(attrs={"size": 8}),
        }
        error_messages = {
            "name": {"required": _("Give the name of the organisation.")},
            "kind": {"required": _("Choose the kind of organisation.")},
            "contact_name": {"required": _("Give the name of a contact person.")},
            "contact_email": {"required": _("Give the email address of the contact person.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = _municipalities()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("is_national") and not cleaned.get("municipalities"):
            self.add_error(
                "municipalities", _("Choose at least one municipality, or 'works nationally'.")
            )
        return cleaned

    def _post_clean(self):
        # The slug is made by the service; skip the model's own check of it here.
        self.instance.ensure_slug()
        super()._post_clean()


class OrganisationDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a decision.")},
    )
    reason = forms.CharField(
        label=_("Reason or message"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you decline. The contact person receives it by email."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "decline" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give a reason; the organisation will read it."))
        return cleaned


class PositionForm(forms.ModelForm):
    class Meta:
        model = Position
        fields = ["kind", "title", "body_markdown"]
        labels = {"kind": _("Position or action"), "title": _("Title"), "body_markdown": _("Text")}
        help_texts = {"body_markdown": MARKDOWN_HELP}
        widgets = {"kind": forms.RadioSelect, "body_markdown": forms.Textarea(attrs={"rows": 6})}
        error_messages = {
            "title": {"required": _("Give a title.")},
            "body_markdown": {"required": _("Write the text.")},
        }


class OrganisationFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    province = forms.ChoiceField(label=_("Province"), required=False)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=MunicipalityPage.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All municipalities"),
    )

    def __init__(self, *args, provinces: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *Organisation.Kind.choices]
        self.fields["province"].choices = [("", _("All provinces"))] + [(p, p) for p in provinces]
        self.fields["municipality"].queryset = _municipalities()
