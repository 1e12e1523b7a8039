from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

_VOCABULARIES = ("theme", "lifedomain", "targetgroup")


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = _("Vocabularies")
    default_auto_field = "django.db.models.BigAutoField"
    # The project team keeps the shared vocabularies.
    role_permissions = {
        "project_team": [
            f"taxonomy.{action}_{model}"
            for model in _VOCABULARIES
            for action in ("add", "change", "delete", "view")
        ]
    }
