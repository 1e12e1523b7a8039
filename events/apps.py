from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda")
    default_auto_field = "django.db.models.BigAutoField"
    role_permissions = {
        "project_team": [
            "events.view_registration",
            "events.add_eventpage",
            "events.change_eventpage",
        ],
    }

    def ready(self) -> None:
        from . import sections  # noqa: F401
