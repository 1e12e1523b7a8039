"""Keeps the cached main menu in sync with the page tree."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .templatetags.network_tags import clear_menu_cache


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def page_tree_changed(sender, **kwargs) -> None:
    clear_menu_cache()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        clear_menu_cache()
