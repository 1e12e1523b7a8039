"""Signals only keep the search store, the Elasticsearch index and caches in step."""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from municipalities.models import MunicipalityPage
from taxonomy.models import LifeDomain, TargetGroup, Theme

from .models import PracticeKind, PracticePage, Synonym, practice_saved
from .search.index import search_rows_refresh, search_rows_remove
from .search.query import clear_synonyms_cache
from .search.terms import clear_terms_cache
from .tasks import practice_index_rebuild, practice_index_remove, practice_index_update

logger = logging.getLogger(__name__)


def _enqueue(function, *args) -> None:
    if not settings.ELASTICSEARCH_URL:
        return

    def run() -> None:
        try:
            function.enqueue(*args)
        except Exception:  # the site keeps working; `index_practices` repairs the index
            logger.warning("Could not update the practice index", exc_info=True)

    transaction.on_commit(run)


@receiver(practice_saved, sender=PracticePage)
def practice_saved_in_full(sender, instance, **kwargs) -> None:
    search_rows_refresh([instance.pk])


@receiver(page_published, sender=PracticePage)
@receiver(page_unpublished, sender=PracticePage)
def practice_changed(sender, instance, **kwargs) -> None:
    # The search row carries the live flag (an unpublish saves only some fields, so the
    # page's own save does not rewrite it).
    search_rows_refresh([instance.pk])
    _enqueue(practice_index_update, [instance.pk])


@receiver(post_save, sender=MunicipalityPage)
def municipality_changed(sender, instance, created=False, update_fields=None, **kwargs) -> None:
    """A municipality is a facet value, and its province and size class are facets of its
    practices' search rows (a new municipality has no practices yet)."""
    clear_terms_cache()
    if created:
        return
    if update_fields is not None and not {"province", "population", "size_class"} & set(
        update_fields
    ):
        return
    through = PracticePage.municipalities.through
    ids = list(
        through.objects.filter(municipalitypage_id=instance.pk).values_list(
            "practicepage_id", flat=True
        )
    )
    if ids:
        search_rows_refresh(ids)


@receiver(post_page_move)
def practice_moved(sender, instance, **kwargs) -> None:
    if isinstance(instance.specific_deferred, PracticePage):
        _enqueue(practice_index_update, [instance.pk])


@receiver(pre_delete, sender=PracticePage)
def practice_deleting(sender, instance, **kwargs) -> None:
    search_rows_remove([instance.pk])


@receiver(post_delete, sender=PracticePage)
def practice_deleted(sender, instance, **kwargs) -> None:
    _enqueue(practice_index_remove, instance.pk)


def vocabulary_changed(sender, **kwargs) -> None:
    """The search caches the vocabularies; a saved or deleted term invalidates that."""
    clear_terms_cache()


for _model in (PracticeKind, Theme, LifeDomain, TargetGroup):
    post_save.connect(
        vocabulary_changed, sender=_model, dispatch_uid=f"terms-save-{_model.__name__}"
    )
    post_delete.connect(
        vocabulary_changed, sender=_model, dispatch_uid=f"terms-del-{_model.__name__}"
    )


@receiver(post_save, sender=Synonym)
@receiver(post_delete, sender=Synonym)
def synonyms_changed(sender, **kwargs) -> None:
    """The database engine reads the list through a cache; Elasticsearch keeps it in the
    index's analysis settings, so a change there needs a fresh index."""
    clear_synonyms_cache()
    _enqueue(practice_index_rebuild)
