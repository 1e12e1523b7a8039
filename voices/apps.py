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
        from network.privacy import register_account_deletion_handler, register_data_exporter

        from . import sections  # noqa: F401
        from .services import export_voices_data, voices_on_account_deletion

        register_data_exporter("voices", export_voices_data)
        register_account_deletion_handler("voices", voices_on_account_deletion)
