from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and campaigns")
    default_auto_field = "django.db.models.BigAutoField"
    # The team keeps the news categories up to date in the Wagtail admin.
    role_permissions = {
        "project_team": [
            "news.add_newscategory",
            "news.change_newscategory",
            "news.delete_newscategory",
            "news.view_newscategory",
        ],
    }

    def ready(self) -> None:
        from . import sections, signals  # noqa: F401
