from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoicesConfig(AppConfig):
    name = "voices"
    verbose_name = _("Voices")
    default_auto_field = "django.db.models.BigAutoField"
    # The team enters voices on someone's behalf and manages organisations in the Wagtail admin.
    role_permissions = {
        "project_team": [
            "voices.add_voice",
            "voices.change_voice",
            "voices.view_voice",
            "voices.add_organisation",
            "voices.change_organisation",
            "voices.view_organisation",
            "voices.add_position",
            "voices.change_position",
            "voices.delete_position",
            "voices.view_position",
        ],
        "moderator": ["voices.view_voice"],
    }

    def ready(self) -> None:
        from . import sections  # noqa: F401
