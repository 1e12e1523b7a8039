"""Signals only keep the Elasticsearch index in step with publishing, moving and deleting."""

import logging

from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from municipalities.models import MunicipalityPage

from .models import (
    LifeDomain,
    PracticeKind,
    PracticePage,
    Synonym,
    TargetGroup,
    Theme,
    refresh_search_rows,
)
from .search.terms import clear_terms_cache
from .tasks import (
    practice_index_rebuild,
    practice_index_remove,
    practice_index_update,
)

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


@receiver(page_published, sender=PracticePage)
@receiver(page_unpublished, sender=PracticePage)
def practice_changed(sender, instance, **kwargs) -> None:
    # The database engine's narrow search row carries the live flag (an unpublish saves
    # only some fields, so the page's own save does not rewrite it).
    refresh_search_rows([instance.pk])
    _enqueue(practice_index_update, [instance.pk])


@receiver(post_save, sender=MunicipalityPage)
def municipality_changed(sender, instance, created=False, update_fields=None, **kwargs) -> None:
    """A municipality's province or size class is a facet of its practices' search rows
    (a new municipality has no practices yet)."""
    if created or connection.vendor != "postgresql":
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
        refresh_search_rows(ids)


@receiver(post_page_move)
def practice_moved(sender, instance, **kwargs) -> None:
    if isinstance(instance.specific_deferred, PracticePage):
        _enqueue(practice_index_update, [instance.pk])


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
    """Synonyms live in the index's analysis settings, so a change needs a fresh index."""
    _enqueue(practice_index_rebuild)
