"""Reactions under news articles: forum posts in one topic per article, under the forum's rules.

The forum's services do the checking (suspensions, rate limits for new members, watched words,
pre-moderation) and the sanitising of Markdown; this module only decides where the post goes.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from forum.models import Category, Post
from forum.services import ForumError, post_create, topic_create

from .models import NewsArticlePage

REACTIONS_CATEGORY_SLUG = "reacties-op-nieuws"


class ReactionsClosed(ForumError):
    status = 403


def reactions_category() -> Category:
    """The forum category that holds the reactions to news articles (made on first use)."""
    category, _created = Category.objects.get_or_create(
        slug=REACTIONS_CATEGORY_SLUG,
        defaults={
            "name": "Reacties op nieuws",
            "description": "Reacties van leden onder de nieuwsberichten van het netwerk.",
            "order": 900,
        },
    )
    return category


@transaction.atomic
def reaction_create(*, article: NewsArticlePage, author, body_markdown: str) -> Post:
    """Add a reaction under an article; the first one opens the article's forum topic."""
    # Locking the article row makes two first reactions share one topic.
    article = NewsArticlePage.objects.select_for_update().get(pk=article.pk)
    if article.reactions_closed:
        raise ReactionsClosed(_("Reactions to this article are closed. Your text is kept below."))
    if article.reactions_topic_id is None:
        topic = topic_create(
            category=reactions_category(),
            author=author,
            title=article.title[:200],
            body_markdown=body_markdown,
        )
        NewsArticlePage.objects.filter(pk=article.pk).update(reactions_topic=topic)
        return topic.posts.get()
    return post_create(topic=article.reactions_topic, author=author, body_markdown=body_markdown)
