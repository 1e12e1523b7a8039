"""The kinds of practice and the synonyms in the admin, grouped under 'Practice library'."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from taxonomy.wagtail_hooks import TaxonomyViewSet

from .models import PracticeKind, Synonym


class PracticeKindViewSet(TaxonomyViewSet):
    model = PracticeKind
    icon = "tag"


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "resubmit"
    list_display = ["terms", "one_way", "note"]
    search_fields = ["terms"]


class PracticeLibraryGroup(SnippetViewSetGroup):
    menu_label = _("Practice library")
    menu_icon = "doc-full-inverse"
    menu_order = 300
    items = (
        PracticeKindViewSet,
        SynonymViewSet,
    )


register_snippet(PracticeLibraryGroup)
