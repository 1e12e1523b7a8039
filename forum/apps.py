from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forum")
    default_auto_field = "django.db.models.BigAutoField"
    # The team manages categories and watched words in the Wagtail admin.
    role_permissions = {
        "project_team": [
            "forum.add_category",
            "forum.change_category",
            "forum.delete_category",
            "forum.view_category",
            "forum.add_watchedword",
            "forum.change_watchedword",
            "forum.delete_watchedword",
            "forum.view_watchedword",
        ],
        "moderator": ["forum.view_watchedword", "forum.view_category"],
    }

    def ready(self) -> None:
        from . import sections  # noqa: F401
