"""The registrations in the Wagtail admin, and the project team's permissions."""

import pytest
from django.contrib.auth.models import Group, Permission

from events.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_project_team_may_view_registrations_by_role_permissions(team_member):
    from network.apps import grant_role_permissions

    grant_role_permissions(sender=None)
    group = Group.objects.get(name="project_team")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"view_registration", "change_eventpage"} <= codenames
    assert "delete_registration" not in codenames


def test_admin_listing_leaves_out_the_needs(client, superuser, event, make_event):
    RegistrationFactory(event=event, name="Nina", needs_other="Geheime wens", needs_consent=True)
    client.force_login(superuser)
    client.get("/admin/event_registrations/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/admin/event_registrations/")
    RegistrationFactory.create_batch(5, event=make_event())
    with CaptureQueriesContext(connection) as many:
        response = client.get("/admin/event_registrations/")
    assert len(many) == len(few)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nina" in html
    assert "Geheime wens" not in html


def test_members_cannot_open_the_admin_listing(client, member):
    client.force_login(member)
    response = client.get("/admin/event_registrations/")
    assert response.status_code in (302, 403)
    assert Permission.objects.filter(codename="view_registration").exists()
