"""Keep the news list's cached filter choices in step with the articles and categories."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import NewsArticlePage, NewsCategory, NewsIndexPage, filter_cache_key


@receiver(post_save, sender=NewsArticlePage)
@receiver(post_delete, sender=NewsArticlePage)
@receiver(post_save, sender=NewsCategory)
@receiver(post_delete, sender=NewsCategory)
def clear_filter_choices(sender, **kwargs) -> None:
    cache.delete_many(
        [filter_cache_key(pk) for pk in NewsIndexPage.objects.values_list("pk", flat=True)]
    )
