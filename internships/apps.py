from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InternshipsConfig(AppConfig):
    name = "internships"
    verbose_name = _("Inclusion internships")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from network.privacy import register_data_exporter

        from . import sections  # noqa: F401
        from .sections import export_applications

        register_data_exporter("internships", export_applications)
