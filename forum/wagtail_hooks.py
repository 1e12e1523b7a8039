"""The forum in the Wagtail admin: the team manages categories and watched words as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Category, WatchedWord


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    list_display = ["name", "slug", "order", "is_public", "requires_approval"]
    ordering = ["order", "name"]
    search_fields = ["name", "description"]


class WatchedWordViewSet(SnippetViewSet):
    model = WatchedWord
    icon = "warning"
    list_display = ["word", "action"]
    list_filter = ["action"]
    search_fields = ["word"]


class ForumViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Forum")
    menu_icon = "group"
    items = (CategoryViewSet, WatchedWordViewSet)


register_snippet(ForumViewSetGroup)
