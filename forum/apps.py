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
        from network.moderation import register_text_check
        from network.privacy import register_data_exporter

        from . import sections  # noqa: F401
        from .checks import watched_words_in
        from .privacy import export_forum_data

        register_data_exporter("forum", export_forum_data)
        # Other apps (voices) check members' text against the same watched words.
        register_text_check("forum.watched_words", watched_words_in)
