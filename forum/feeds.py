"""An Atom feed of the newest visible posts in public categories."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from network.feeds import SafeAtom1Feed

from .models import Post
from .templatetags.forum_tags import forum_author


class LatestPostsFeed(Feed):
    feed_type = SafeAtom1Feed
    title = _("Iedereen doet mee! forum: newest posts")
    subtitle = _("The newest posts in the public categories of the forum.")

    def link(self) -> str:
        return reverse("forum:index")

    def items(self):
        # Same rule as every list: only visible posts, and only where anonymous readers may read.
        return (
            Post.objects.visible()
            .filter(topic__category__is_public=True)
            .select_related("topic", "author")
            .order_by("-created", "-pk")[:30]
        )

    def item_title(self, item: Post) -> str:
        return item.topic.title

    def item_description(self, item: Post) -> str:
        return item.body_html

    def item_link(self, item: Post) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Post):
        return item.created

    def item_author_name(self, item: Post) -> str:
        return forum_author(item.author)
