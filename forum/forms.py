"""Forms of the forum; all of them render through the accessible form components."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from municipalities.models import MunicipalityPage
from network.fields import SafeModelChoiceField, SafeModelMultipleChoiceField

from .models import Flag, ModerationAction, Post, Topic

MARKDOWN_HELP = _(
    "You can use Markdown: **bold**, *italic*, [link text](https://example.org), "
    "lists starting with - and quotes starting with >."
)


class PostForm(forms.Form):
    body_markdown = forms.CharField(
        label=_("Your message"),
        max_length=Post._meta.get_field("body_markdown").max_length,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=MARKDOWN_HELP,
        error_messages={"required": _("Write a message.")},
    )

    def clean_body_markdown(self) -> str:
        text = self.cleaned_data["body_markdown"]
        if not text.strip():
            raise forms.ValidationError(_("Write a message."), code="required")
        return text


class TopicForm(PostForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=Topic._meta.get_field("title").max_length,
        help_text=_(
            "A short question or subject, e.g. 'How do you make polling stations accessible?'"
        ),
        error_messages={"required": _("Give your topic a title.")},
    )
    municipality = SafeModelChoiceField(
        label=_("Municipality (optional)"),
        queryset=MunicipalityPage.objects.none(),
        required=False,
        empty_label=_("No specific municipality"),
        help_text=_("If the topic is about one municipality, it appears on its profile."),
    )
    themes = SafeModelMultipleChoiceField(
        label=_("Themes (optional)"),
        queryset=Topic.themes.field.related_model.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    field_order = ["title", "body_markdown", "municipality", "themes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = (
            MunicipalityPage.objects.live().filter(retired_on__isnull=True).order_by("title")
        )
        self.fields["themes"].queryset = Topic.themes.field.related_model.objects.all()
        if not self.fields["themes"].queryset.exists():
            del self.fields["themes"]

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Give your topic a title."), code="required")
        return title


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this post?"),
        choices=Flag.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a reason.")},
    )
    text = forms.CharField(
        label=_("Explanation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you choose 'Something else'. Only moderators read this."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == Flag.Reason.OTHER and not cleaned.get("text", "").strip():
            self.add_error("text", _("Please explain what is wrong with this post."))
        return cleaned


class ModerationForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a decision.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The author receives this reason by email; it is also kept in the log."),
        error_messages={"required": _("Give a reason; the author will read it.")},
    )

    def __init__(self, *args, actions: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [(action, ACTION_VERBS[action]) for action in actions]


ACTION_VERBS = {
    ModerationAction.Action.APPROVE: _("Approve: the post is visible (flags are dismissed)"),
    ModerationAction.Action.HIDE: _("Hide: only moderators see the post"),
    ModerationAction.Action.RESTORE: _("Restore: the post is visible again"),
    ModerationAction.Action.REMOVE: _("Remove: the post is taken down for good"),
}


class SuspendForm(forms.Form):
    days = forms.IntegerField(
        label=_("Number of days"),
        min_value=1,
        max_value=365,
        initial=7,
        help_text=_("From now; between 1 and 365 days."),
        error_messages={"required": _("Give the number of days.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The member receives this reason by email; it is also kept in the log."),
        error_messages={"required": _("Give a reason; the member will read it.")},
    )

    def until(self):
        return timezone.now() + timedelta(days=self.cleaned_data["days"])


class ForumSearchForm(forms.Form):
    q = forms.CharField(label=_("Search the forum"), max_length=200, required=False)
