"""Background work of the practice library: keeping Elasticsearch in step with publishing."""

from django.conf import settings
from django_tasks import task

from .search import elastic


@task()
def practice_index_update(page_ids: list[int]) -> None:
    """(Re)index the practices, or remove them when they are no longer live."""
    if not settings.ELASTICSEARCH_URL:
        return
    elastic.index_pages(page_ids)


@task()
def practice_index_remove(page_id: int) -> None:
    if not settings.ELASTICSEARCH_URL:
        return
    elastic.remove_page(page_id)


@task()
def practice_index_rebuild() -> None:
    """A new index with the current synonym list (analysis settings are fixed per index)."""
    if not settings.ELASTICSEARCH_URL:
        return
    elastic.rebuild_index()
