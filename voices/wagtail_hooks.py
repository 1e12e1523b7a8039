"""Voices in the Wagtail admin: the team enters voices on someone's behalf and manages organisations."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisation, Position, Voice


class VoiceViewSet(SnippetViewSet):
    """Voices received by mail, phone or at a meeting are entered here, with how consent was given."""

    model = Voice
    icon = "openquote"
    list_display = ["__str__", "municipality", "status", "consent_method", "date"]
    list_filter = ["status", "consent_method", "display"]
    search_fields = ["title", "body_markdown"]
    ordering = ["-created"]


class OrganisationViewSet(SnippetViewSet):
    """Approve organisations and link member accounts to them (so they post in its name)."""

    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "status", "is_national"]
    list_filter = ["status", "kind"]
    search_fields = ["name"]


class PositionViewSet(SnippetViewSet):
    model = Position
    icon = "doc-full"
    list_display = ["title", "organisation", "kind", "created"]
    list_filter = ["kind"]
    search_fields = ["title", "body_markdown"]


class VoicesViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Voices")
    menu_icon = "openquote"
    items = (VoiceViewSet, OrganisationViewSet, PositionViewSet)


register_snippet(VoicesViewSetGroup)


@hooks.register("after_create_snippet")
def record_who_entered_a_voice(request, instance) -> None:
    """A voice created in the admin is entered by the team on someone's behalf: record who."""
    if isinstance(instance, Voice) and instance.entered_by_id is None:
        Voice.objects.filter(pk=instance.pk).update(entered_by=request.user)
