"""Feed generators that survive any stored text.

XML 1.0 forbids most control characters; text pasted from PDF or Word often carries a form
feed (U+000C), and Django's feed writer then fails for every reader of the feed. Every feed
of the site uses these generators, which strip such characters from all values.
"""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from .params import clean_text


def clean_value(value):
    """`value` with control characters removed from its text, recursively for lists."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, (list, tuple)):
        return type(value)(clean_value(item) for item in value)
    return value


class XmlSafeMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*map(clean_value, args), **{k: clean_value(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*map(clean_value, args), **{k: clean_value(v) for k, v in kwargs.items()})


class SafeAtom1Feed(XmlSafeMixin, Atom1Feed):
    """Atom 1.0 that strips XML-invalid characters from every value."""


class SafeRss201rev2Feed(XmlSafeMixin, Rss201rev2Feed):
    """RSS 2.0 that strips XML-invalid characters from every value."""
