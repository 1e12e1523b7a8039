"""Forms of the news: the listing's filters and the reaction form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from forum.models import Post

from .tags import MAX_TAG_LENGTH, TagError, normalise_tag


class NewsFilterForm(forms.Form):
    """Filters of the news list, sent as GET so every filtered list has its own address."""

    category = forms.ChoiceField(label=_("Category"), required=False)
    tag = forms.CharField(
        label=_("Tag"),
        required=False,
        max_length=MAX_TAG_LENGTH * 2,
        help_text=_("One keyword, for example “verkiezingen”."),
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    municipality = forms.TypedChoiceField(
        label=_("Municipality"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, data=None, *, categories, years, municipalities):
        super().__init__(data)
        self.fields["category"].choices = [("", _("All categories")), *categories]
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]
        self.fields["municipality"].choices = [("", _("All municipalities")), *municipalities]

    def clean_tag(self) -> str:
        try:
            return normalise_tag(self.cleaned_data.get("tag", ""))
        except TagError as error:
            raise forms.ValidationError(error.message) from error

    def apply(self, articles):
        data = self.cleaned_data
        if data.get("category"):
            articles = articles.filter(category__slug=data["category"])
        if data.get("tag"):
            articles = articles.filter(tags__name=data["tag"])
        if data.get("year"):
            articles = articles.filter(date__year=data["year"])
        if data.get("municipality"):
            articles = articles.filter(municipalities=data["municipality"])
        return articles.distinct()

    @property
    def active(self) -> bool:
        return self.is_bound and any(self.cleaned_data.get(name) for name in self.fields)


class ReactionForm(forms.Form):
    """A reaction under an article; it becomes a forum post, so the forum's length limit holds."""

    body_markdown = forms.CharField(
        label=_("Your reaction"),
        max_length=Post._meta.get_field("body_markdown").max_length,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "You can use Markdown: **bold**, *italic*, [link text](https://example.org) and "
            "lists starting with -."
        ),
        error_messages={"required": _("Write your reaction.")},
    )

    def clean_body_markdown(self) -> str:
        text = self.cleaned_data["body_markdown"]
        if not text.strip():
            raise forms.ValidationError(_("Write your reaction."), code="required")
        return text
