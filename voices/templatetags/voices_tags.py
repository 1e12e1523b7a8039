"""Template helpers of the voices app."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def voice_name(voice) -> str:
    """The name a voice shows; anonymous voices show nothing that identifies the person."""
    return voice.public_name or _("Anonymous")
