from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchcentrumConfig(AppConfig):
    name = "matchcentrum"
    verbose_name = _("Matchcentrum")
    default_auto_field = "django.db.models.BigAutoField"
    # The team works in the site's own matchcentrum pages; these let it browse in the admin too.
    role_permissions = {
        "project_team": [
            "matchcentrum.view_matchrequest",
            "matchcentrum.change_matchrequest",
            "matchcentrum.view_match",
            "matchcentrum.view_matchevent",
        ],
    }

    def ready(self) -> None:
        from . import sections  # noqa: F401
