from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    name = "commitments"
    verbose_name = _("Priorities and commitments")
    default_auto_field = "django.db.models.BigAutoField"
    # The team prepares elections and their parties in the Wagtail admin.
    role_permissions = {
        "project_team": [
            "commitments.add_election",
            "commitments.change_election",
            "commitments.view_election",
            "commitments.add_party",
            "commitments.change_party",
            "commitments.view_party",
        ],
    }

    def ready(self) -> None:
        from . import sections  # noqa: F401
