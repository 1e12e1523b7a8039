"""The vocabularies and synonyms in the admin, grouped under 'Practice library'."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import LifeDomain, PracticeKind, Synonym, TargetGroup, Theme


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en", "slug"]
    ordering = ["sort_order", "name"]


class PracticeKindViewSet(TaxonomyViewSet):
    model = PracticeKind
    icon = "tag"


class ThemeViewSet(TaxonomyViewSet):
    model = Theme
    icon = "list-ol"
    list_display = ["article", "name", "name_en", "slug"]
    ordering = ["article"]


class LifeDomainViewSet(TaxonomyViewSet):
    model = LifeDomain
    icon = "tag"


class TargetGroupViewSet(TaxonomyViewSet):
    model = TargetGroup
    icon = "group"


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
        ThemeViewSet,
        LifeDomainViewSet,
        TargetGroupViewSet,
        SynonymViewSet,
    )


register_snippet(PracticeLibraryGroup)
