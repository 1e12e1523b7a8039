"""Roles: the groups exist, and who may reach the Wagtail admin."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission

from network.apps import grant_role_permissions
from network.roles import ALL_ROLES, PROJECT_TEAM, is_moderator, is_project_team

pytestmark = pytest.mark.django_db


def test_all_roles_exist_as_groups():
    assert set(Group.objects.filter(name__in=ALL_ROLES).values_list("name", flat=True)) == set(
        ALL_ROLES
    )


def test_project_team_may_use_the_admin(client, team_member):
    client.force_login(team_member)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("fixture", ["member", "official", "expert", "moderator"])
def test_others_may_not_use_the_admin(client, request, fixture):
    client.force_login(request.getfixturevalue(fixture))
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or "/admin/login/" in response["Location"]


def test_anonymous_is_sent_to_admin_login(client, home_page):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_role_helpers(member, moderator, team_member, superuser):
    assert not is_moderator(member) and not is_project_team(member)
    assert is_moderator(moderator) and not is_project_team(moderator)
    assert is_moderator(team_member) and is_project_team(team_member)
    assert is_project_team(superuser)


def test_project_team_may_edit_pages_and_settings(team_member, home_page):
    from wagtail.models import Page

    permissions = Page.objects.get(pk=home_page.pk).permissions_for_user(team_member)
    assert permissions.can_edit() and permissions.can_publish()
    assert team_member.has_perm("network.change_networksettings")


def test_member_may_not_edit_pages(member, home_page):
    from wagtail.models import Page

    assert not Page.objects.get(pk=home_page.pk).permissions_for_user(member).can_edit()


def test_every_declared_role_permission_exists_and_is_granted_after_migrate(db):
    """A typo in an app's `role_permissions` would be skipped without a word; not here."""
    for config in apps.get_app_configs():
        for role, perms in getattr(config, "role_permissions", {}).items():
            granted = Group.objects.get(name=role).permissions.all()
            for perm in perms:
                app_label, codename = perm.split(".", 1)
                lookup = {"content_type__app_label": app_label, "codename": codename}
                assert Permission.objects.filter(**lookup).exists(), perm
                assert granted.filter(**lookup).exists(), f"{role} lacks {perm}"


def test_grants_run_once_per_migrate_after_the_last_app(db):
    """Django sends post_migrate per app; the grants wait for the last one (all permissions)."""
    team = Group.objects.get(name=PROJECT_TEAM)
    team.permissions.clear()
    configs = [config for config in apps.get_app_configs() if config.models_module]
    grant_role_permissions(sender=configs[0])
    assert not team.permissions.exists()
    grant_role_permissions(sender=configs[-1])
    assert team.permissions.filter(codename="view_registration").exists()
