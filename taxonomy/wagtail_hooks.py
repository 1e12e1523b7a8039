"""The shared vocabularies in the admin, grouped under 'Vocabularies'."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import LifeDomain, TargetGroup, Theme


class TaxonomyViewSet(SnippetViewSet):
    """The list and edit views every vocabulary shares."""

    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en", "slug"]
    ordering = ["sort_order", "name"]


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


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "list-ul"
    menu_order = 290
    items = (ThemeViewSet, LifeDomainViewSet, TargetGroupViewSet)


register_snippet(VocabularyGroup)
