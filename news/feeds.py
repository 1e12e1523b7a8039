"""Atom feeds of the news: everything, one category, one tag."""

import re

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

# XML 1.0 cannot carry these; an editor's pasted text must never break the feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text) -> str:
    return _NOT_XML.sub("", str(text or ""))


class NewsFeed(Feed):
    """The newest 20 articles of a list (all news, a category or a tag) as Atom."""

    feed_type = Atom1Feed

    def __init__(self, *, index, articles, subject: str = ""):
        super().__init__()
        self.index = index
        self.articles = articles
        self.subject = subject

    def title(self) -> str:
        if self.subject:
            return xml_safe(_("Iedereen doet mee! – news: %(subject)s") % {"subject": self.subject})
        return _("Iedereen doet mee! – news")

    def subtitle(self) -> str:
        return xml_safe(self.index.introduction) or _("News from the network, newest first.")

    def link(self) -> str:
        return self.index.url

    def items(self):
        return self.articles[:20]

    def item_title(self, item) -> str:
        return xml_safe(item.title)

    def item_description(self, item) -> str:
        return xml_safe(item.introduction)

    def item_link(self, item) -> str:
        return item.url

    def item_author_name(self, item) -> str:
        return xml_safe(item.author_label)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [xml_safe(tag.name) for tag in item.tag_list]
