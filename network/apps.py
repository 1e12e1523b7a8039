from django.apps import AppConfig, apps
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _last_app_with_models() -> str:
    return [config.label for config in apps.get_app_configs() if config.models_module][-1]


def grant_role_permissions(sender, using="default", **kwargs) -> None:
    """Give each role the model permissions its apps declare in `role_permissions`.

    Runs after every migrate, when Django has created the permissions of new models,
    so a domain app only declares what its roles may do and `network` imports none of them.
    Django sends post_migrate once per app; the grants run once, after the last app, when the
    permissions of every app exist (each test database flush sends the signals again).
    Without a sender (a shell, a test) the grants run at once.
    """
    if sender is not None and sender.label != _last_app_with_models():
        return
    # Inside: this module is imported while the app registry loads, before models may be.
    from django.contrib.auth.models import Group, Permission

    wanted: dict[str, list[tuple[str, str]]] = {}
    for config in apps.get_app_configs():
        for role, perms in getattr(config, "role_permissions", {}).items():
            wanted.setdefault(role, []).extend(tuple(perm.split(".", 1)) for perm in perms)
    labels = {label for perms in wanted.values() for label, _codename in perms}
    permissions = {
        (permission.content_type.app_label, permission.codename): permission
        for permission in Permission.objects.using(using)
        .filter(content_type__app_label__in=labels)
        .select_related("content_type")
    }
    for role, perms in wanted.items():
        group, _created = Group.objects.using(using).get_or_create(name=role)
        group.permissions.add(*(permissions[perm] for perm in perms if perm in permissions))


def create_cache_table(sender, using="default", verbosity=1, **kwargs) -> None:
    """Create the database cache's table (if that cache is configured), so `migrate` sets it up."""
    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")
    default_auto_field = "django.db.models.BigAutoField"
    role_permissions = {
        "project_team": [
            "wagtailimages.add_image",
            "wagtailimages.change_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.change_document",
            "wagtaildocs.choose_document",
            "network.change_networksettings",
        ],
    }

    def ready(self) -> None:
        from django.urls import register_converter

        from . import cache, privacy, security, signals  # noqa: F401
        from .converters import TokenConverter

        register_converter(TokenConverter, "token")

        post_migrate.connect(grant_role_permissions, dispatch_uid="network.grant_role_permissions")
        post_migrate.connect(
            create_cache_table, sender=self, dispatch_uid="network.create_cache_table"
        )
