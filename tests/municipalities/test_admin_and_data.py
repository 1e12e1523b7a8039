"""Admin (append-only history), role permissions, privacy export, demo data, map helpers."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.permissions import policy_registry

from municipalities import demo
from municipalities.factories import MunicipalityMembershipFactory
from municipalities.map import accessible_name, map_geometry, render_map, simplify
from municipalities.models import (
    LiaStatus,
    LiaStatusChange,
    MunicipalityMembership,
    MunicipalityPage,
    RouteProgressEntry,
    RouteStatus,
    RouteStep,
)
from municipalities.services import lia_status_record
from network.privacy import export_user_data
from network.roles import PROJECT_TEAM

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/municipalities/liastatuschange/"


def test_project_team_gets_the_declared_permissions(team_member):
    codenames = set(
        Group.objects.get(name=PROJECT_TEAM).permissions.values_list("codename", flat=True)
    )
    assert {
        "add_liastatuschange",
        "add_municipalitymembership",
        "change_municipalitymembership",
        "change_municipalitypage",
    } <= codenames
    assert "change_liastatuschange" not in codenames
    assert "delete_liastatuschange" not in codenames


def test_history_cannot_be_edited_or_deleted_by_anyone(superuser, team_member):
    policy = policy_registry.get_by_type(LiaStatusChange)
    for user in (superuser, team_member):
        assert not policy.user_has_permission(user, "change")
        assert not policy.user_has_permission(user, "delete")
    assert policy.user_has_permission(superuser, "add")
    assert policy.user_has_permission(team_member, "add")


def test_admin_lists_history_with_demo_marker_and_refuses_edits(client, superuser, utrecht):
    change = LiaStatusChange.objects.create(
        municipality=utrecht,
        status=LiaStatus.DRAFTING,
        date=datetime.date(2023, 1, 1),
        source="survey",
        is_demo_data=True,
    )
    client.force_login(superuser)

    listing = client.get(ADMIN)

    assert listing.status_code == 200
    assert "Utrecht" in listing.content.decode()
    assert "demogegevens" in listing.content.decode().lower()
    edit = client.get(f"{ADMIN}edit/{change.pk}/")
    assert edit.status_code in (302, 403)
    delete = client.post(f"{ADMIN}delete/{change.pk}/")
    assert delete.status_code in (302, 403)
    assert LiaStatusChange.objects.filter(pk=change.pk).exists()


def test_admin_create_goes_through_the_service(client, superuser, utrecht):
    client.force_login(superuser)
    response = client.post(
        f"{ADMIN}add/",
        {
            "municipality": utrecht.pk,
            "status": LiaStatus.ADOPTED,
            "date": "2024-03-12",
            "source": "project_team",
            "note": "Raadsbesluit",
        },
    )
    assert response.status_code == 302
    change = LiaStatusChange.objects.get()
    assert change.recorded_by == superuser
    utrecht.refresh_from_db()
    assert utrecht.current_lia_status == LiaStatus.ADOPTED


def test_admin_adds_memberships(client, superuser, official, utrecht):
    client.force_login(superuser)
    response = client.post(
        "/admin/snippets/municipalities/municipalitymembership/add/",
        {
            "user": official.pk,
            "municipality": utrecht.pk,
            "job_title": "Adviseur",
            "is_contact": "on",
        },
    )
    assert response.status_code == 302
    assert MunicipalityMembership.objects.get().job_title == "Adviseur"


def test_privacy_export_lists_memberships_and_recorded_changes(official_of_utrecht, utrecht):
    lia_status_record(
        municipality=utrecht,
        status=LiaStatus.EXPLORING,
        date=datetime.date(2022, 2, 2),
        source="self_report",
        note="Start",
        user=official_of_utrecht,
    )
    data = export_user_data(official_of_utrecht)["municipalities"]
    assert data["memberships"][0]["cbs_code"] == "GM0344"
    assert data["memberships"][0]["job_title"] == "Adviseur"
    assert data["lia_status_changes_recorded"] == [
        {
            "municipality": "Utrecht",
            "status": "exploring",
            "date": "2022-02-02",
            "source": "self_report",
            "note": "Start",
            "recorded_at": LiaStatusChange.objects.get().recorded_at.isoformat(),
        }
    ]


@pytest.mark.slow
def test_demo_data_is_plausible_and_idempotent(index_page):
    demo.load(scale=1, stdout=io.StringIO())
    first_count = LiaStatusChange.objects.count()
    demo.load(scale=1, stdout=io.StringIO())

    assert LiaStatusChange.objects.count() == first_count
    assert MunicipalityPage.objects.count() == 342
    assert LiaStatusChange.objects.filter(is_demo_data=False).count() == 0
    amsterdam = MunicipalityPage.objects.get(slug="amsterdam")
    assert amsterdam.lia_status_changes.count() >= 3
    assert amsterdam.current_lia_status == amsterdam.lia_status_changes.first().status
    assert amsterdam.manifest_signed_on is not None
    membership = MunicipalityMembership.objects.get(user__email="ambtenaar@example.org")
    assert membership.municipality == amsterdam and membership.is_contact
    assert MunicipalityMembership.objects.count() >= 4
    # Every municipality's current status agrees with the newest entry of its history.
    for page in MunicipalityPage.objects.exclude(current_lia_status=LiaStatus.NONE)[:50]:
        assert page.current_lia_status == page.lia_status_changes.first().status
    statuses = set(MunicipalityPage.objects.values_list("current_lia_status", flat=True))
    assert len(statuses) >= 5
    # The manifest, truthfully: 58 signatories, 25 of them initiators, none after it lapsed.
    signed = MunicipalityPage.objects.filter(manifest_signed_on__isnull=False)
    assert signed.count() == 58
    assert signed.filter(manifest_initiator=True).count() == 25
    assert not MunicipalityPage.objects.filter(manifest_initiator=True, manifest_signed_on=None)
    assert max(signed.values_list("manifest_signed_on", flat=True)) < datetime.date(2020, 9, 1)
    # The route: nine steps, progress for at least 40 municipalities, eight stakeholder maps.
    assert RouteStep.objects.count() == 9
    assert MunicipalityPage.objects.filter(route_entries__isnull=False).distinct().count() >= 40
    assert RouteProgressEntry.objects.filter(is_demo_data=False).count() == 0
    assert MunicipalityPage.objects.filter(stakeholders__isnull=False).distinct().count() == 8
    assert amsterdam.route_states.filter(status=RouteStatus.DONE).count() == 4
    assert all(problems == [] for problems in Page.find_problems())


@pytest.mark.slow
def test_demo_manifest_repairs_older_demo_data(index_page):
    """A demo database from before had 139 signatories up to 2025: a re-run tells the truth."""
    demo.load(scale=1, stdout=io.StringIO())
    MunicipalityPage.objects.filter(manifest_signed_on=None).update(
        manifest_signed_on=datetime.date(2025, 1, 1)
    )
    demo.load(scale=1, stdout=io.StringIO())
    assert MunicipalityPage.objects.filter(manifest_signed_on__isnull=False).count() == 58


def test_membership_factory(utrecht):
    membership = MunicipalityMembershipFactory(municipality=utrecht)
    assert membership.user.email.endswith("@example.org")
    assert membership.is_contact


def test_simplify_keeps_ends_and_drops_straight_points():
    line = [(0, 0), (1, 0.01), (2, 0), (3, 5), (4, 0)]
    assert simplify(line, 0.5) == [(0, 0), (2, 0), (3, 5), (4, 0)]


def test_accessible_names():
    assert (
        accessible_name(
            name="Almere",
            status="adopted",
            status_label="vastgesteld",
            status_date=datetime.date(2024, 3, 12),
        )
        == "Almere: vastgesteld sinds 12-03-2024"
    )
    assert (
        accessible_name(name="Urk", status="none", status_label="geen", status_date=None)
        == "Urk: geen"
    )


def test_map_geometry_covers_all_municipalities():
    shapes, width, height = map_geometry()
    assert len(shapes) == 342 and all(shape.path for shape in shapes)
    assert width == 600 and 600 < height < 800
    svg = render_map(entries={}, label="Kaart")
    # Nothing matches: every shape is muted, none is a link.
    assert "<a " not in svg and svg.count("<path d=") >= 342


def test_project_team_may_edit_and_publish_profiles(team_member, expert, utrecht):
    assert utrecht.permissions_for_user(team_member).can_edit()
    assert utrecht.permissions_for_user(team_member).can_publish()
    assert not utrecht.permissions_for_user(expert).can_edit()
