from django.apps import AppConfig


class MatchcentrumConfig(AppConfig):
    name = "matchcentrum"
    default_auto_field = "django.db.models.BigAutoField"
