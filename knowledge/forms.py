"""The search form of the practice library (the facets are read next to it, see views)."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class PracticeSearchForm(forms.Form):
    """Words and sort order; an absurd length is refused with a message, not searched."""

    q = forms.CharField(
        label=_("Search words"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=_("For example: toegankelijk stembureau, gebarentolk, prikkelarm."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("relevance", _("Relevance")), ("newest", _("Newest first"))],
        widget=forms.RadioSelect,
    )

    def __init__(self, data=None, *args, **kwargs):
        # Show which order applies even when the URL doesn't say (shared links, the header search).
        if data is not None and not data.get("sort"):
            data = data.copy()
            data["sort"] = "relevance"
        super().__init__(data, *args, initial={"sort": "relevance"}, **kwargs)

    def clean_sort(self) -> str:
        return self.cleaned_data.get("sort") or "relevance"
