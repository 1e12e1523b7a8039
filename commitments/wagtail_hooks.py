"""Elections and parties in the Wagtail admin: the team prepares an election there.

Priorities and commitments are written on the site itself, where their history is kept."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Election, Party


class ElectionViewSet(SnippetViewSet):
    model = Election
    icon = "date"
    list_display = ["title", "date"]
    ordering = ["-year"]


class PartyViewSet(SnippetViewSet):
    model = Party
    icon = "group"
    list_display = ["name", "municipality", "election"]
    list_filter = ["election"]
    search_fields = ["name"]


class ElectionsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Elections")
    menu_icon = "date"
    items = (ElectionViewSet, PartyViewSet)


register_snippet(ElectionsViewSetGroup)
