from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def export_user_data(user) -> dict:
    """What this app holds about a person: their memberships and the statuses they recorded."""
    from .models import LiaStatusChange, MunicipalityMembership

    memberships = MunicipalityMembership.objects.filter(user=user).select_related("municipality")
    changes = LiaStatusChange.objects.filter(recorded_by=user).select_related("municipality")
    return {
        "memberships": [
            {
                "municipality": membership.municipality.title,
                "cbs_code": membership.municipality.cbs_code,
                "job_title": membership.job_title,
                "shown_as_contact": membership.is_contact,
                "since": membership.created_at.isoformat(),
            }
            for membership in memberships
        ],
        "lia_status_changes_recorded": [
            {
                "municipality": change.municipality.title,
                "status": change.status,
                "date": change.date.isoformat(),
                "source": change.source,
                "note": change.note,
                "recorded_at": change.recorded_at.isoformat(),
            }
            for change in changes
        ],
    }


def _invalidate_cache(sender, instance=None, **kwargs) -> None:
    # An editor may change the manifest date, unpublish a profile or edit a contact in the
    # admin: the cached map, counts and profiles must follow.
    from django.db import transaction

    from .services import map_cache_invalidate

    transaction.on_commit(map_cache_invalidate)


class MunicipalitiesConfig(AppConfig):
    name = "municipalities"
    verbose_name = _("Municipalities")
    default_auto_field = "django.db.models.BigAutoField"
    role_permissions = {
        "project_team": [
            "municipalities.add_liastatuschange",
            "municipalities.view_liastatuschange",
            "municipalities.add_municipalitymembership",
            "municipalities.change_municipalitymembership",
            "municipalities.delete_municipalitymembership",
            "municipalities.view_municipalitymembership",
            "municipalities.change_municipalitypage",
        ],
    }

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        from network.privacy import register_data_exporter

        from . import sections  # noqa: F401
        from .models import MunicipalityMembership, MunicipalityPage

        register_data_exporter("municipalities", export_user_data)
        for name, signal, sender in (
            ("published", page_published, MunicipalityPage),
            ("unpublished", page_unpublished, MunicipalityPage),
            ("membership_saved", post_save, MunicipalityMembership),
            ("membership_deleted", post_delete, MunicipalityMembership),
        ):
            signal.connect(
                _invalidate_cache, sender=sender, dispatch_uid=f"municipalities.cache.{name}"
            )
