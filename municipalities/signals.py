"""Keeps the cached map, counts and profiles in step with edits made anywhere (admin included)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from network.privacy import register_data_exporter

from .models import MunicipalityMembership, MunicipalityPage
from .privacy import export_user_data
from .services import map_cache_invalidate


def _invalidate_cache(sender, instance=None, **kwargs) -> None:
    # An editor may change the manifest date, unpublish a profile or edit a contact in the
    # admin: the cached map, counts and profiles must follow.
    transaction.on_commit(map_cache_invalidate)


for name, signal, sender in (
    ("published", page_published, MunicipalityPage),
    ("unpublished", page_unpublished, MunicipalityPage),
    ("membership_saved", post_save, MunicipalityMembership),
    ("membership_deleted", post_delete, MunicipalityMembership),
):
    signal.connect(_invalidate_cache, sender=sender, dispatch_uid=f"municipalities.cache.{name}")

register_data_exporter("municipalities", export_user_data)
