from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


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
        from . import signals  # noqa: F401
