"""Free tags: one spelling per tag (lower case, single spaces) and a sane length."""

import re

from django.utils.translation import gettext as _

MAX_TAG_LENGTH = 50
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class TagError(ValueError):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def normalise_tag(text: str) -> str:
    """'  Toegankelijke   Verkiezingen ' -> 'toegankelijke verkiezingen'; raise if too long."""
    name = _SPACES.sub(" ", _CONTROL.sub(" ", text or "")).strip().lstrip("#").strip().lower()
    if len(name) > MAX_TAG_LENGTH:
        raise TagError(
            _("A tag can be at most %(max)s characters: “%(tag)s…”")
            % {"max": MAX_TAG_LENGTH, "tag": name[:20]}
        )
    return name
