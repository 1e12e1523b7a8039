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
            "municipalities.add_routestep",
            "municipalities.change_routestep",
            "municipalities.delete_routestep",
            "municipalities.view_routestep",
            "municipalities.add_routeprogressentry",
            "municipalities.view_routeprogressentry",
            "municipalities.view_stakeholder",
        ],
    }

    def ready(self) -> None:
        from . import sections, signals  # noqa: F401
