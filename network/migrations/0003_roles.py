"""Creates the four roles as groups and gives the project team the Wagtail admin."""

from django.db import migrations

ROLES = ["municipal_official", "expert_by_experience", "moderator", "project_team"]
TEAM_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    team = Group.objects.get(name="project_team")
    admin_ct, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_ct, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    team.permissions.add(access_admin)
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    page_ct, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    for codename in TEAM_PAGE_PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=page_ct, codename=codename, defaults={"name": codename.replace("_", " ")}
        )
        GroupPagePermission.objects.get_or_create(group=team, page=root, permission=permission)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0002_pages"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
