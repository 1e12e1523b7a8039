from django.apps import AppConfig, apps
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def grant_role_permissions(sender, using="default", **kwargs) -> None:
    """Give each role the model permissions its apps declare in `role_permissions`.

    Runs after every migrate, when Django has created the permissions of new models,
    so a domain app only declares what its roles may do and `network` imports none of them.
    """
    # Inside: this module is imported while the app registry loads, before models may be.
    from django.contrib.auth.models import Group, Permission

    for config in apps.get_app_configs():
        for role, perms in getattr(config, "role_permissions", {}).items():
            group, _created = Group.objects.using(using).get_or_create(name=role)
            for perm in perms:
                app_label, codename = perm.split(".", 1)
                permission = (
                    Permission.objects.using(using)
                    .filter(content_type__app_label=app_label, codename=codename)
                    .first()
                )
                if permission is not None:
                    group.permissions.add(permission)


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
