from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

_VOCABULARIES = ("practicekind", "synonym")


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Practice library")
    default_auto_field = "django.db.models.BigAutoField"
    # The project team keeps the kinds of practice and the synonym list.
    role_permissions = {
        "project_team": [
            f"knowledge.{action}_{model}"
            for model in _VOCABULARIES
            for action in ("add", "change", "delete", "view")
        ]
    }

    def ready(self) -> None:
        from . import sections, signals  # noqa: F401
