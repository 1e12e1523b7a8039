"""The library's Atom feed; the search page itself is the library page (models/library.py)."""

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext_lazy

from network.feeds import SafeAtom1Feed

from .models import PracticeIndexPage, PracticePage


class PracticeFeed(Feed):
    """Atom feed of the newest published practices."""

    feed_type = SafeAtom1Feed
    title = gettext_lazy("Iedereen doet mee! – new practices")
    subtitle = gettext_lazy("Practices from municipalities, newest first.")

    def link(self) -> str:
        index = PracticeIndexPage.objects.live().first()
        return index.url if index else "/"

    def items(self):
        return PracticePage.objects.live().order_by("-first_published_at", "-pk")[:20]

    def item_title(self, item: PracticePage) -> str:
        return item.title

    def item_description(self, item: PracticePage) -> str:
        return item.summary

    def item_link(self, item: PracticePage) -> str:
        return item.url

    def item_pubdate(self, item: PracticePage):
        return item.first_published_at

    def item_updateddate(self, item: PracticePage):
        return item.last_published_at
