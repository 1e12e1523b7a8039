"""Services: who may record a LIA status, append-only history, current status, memberships."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from municipalities.factories import MunicipalityMembershipFactory
from municipalities.models import LiaStatus, LiaStatusChange, MunicipalityMembership
from municipalities.services import (
    can_record_lia_status,
    is_official_of,
    lia_status_record,
    map_cache_version,
    membership_add,
    membership_remove,
    municipalities_for_user,
)

pytestmark = pytest.mark.django_db


def _record(user, municipality, status=LiaStatus.ADOPTED, date=datetime.date(2024, 3, 12)):
    return lia_status_record(
        municipality=municipality,
        status=status,
        date=date,
        source=LiaStatusChange.Source.SELF_REPORT,
        note="Raadsbesluit",
        user=user,
    )


def test_project_team_records_for_any_municipality(team_member, utrecht, zeist):
    for municipality in (utrecht, zeist):
        change = _record(team_member, municipality)
        assert change.recorded_by == team_member
        municipality.refresh_from_db()
        assert municipality.current_lia_status == LiaStatus.ADOPTED
        assert municipality.current_lia_status_date == datetime.date(2024, 3, 12)


def test_superuser_counts_as_project_team(superuser, zeist):
    assert can_record_lia_status(superuser, zeist)


def test_official_records_for_own_municipality_only(official_of_utrecht, utrecht, zeist):
    _record(official_of_utrecht, utrecht)
    assert utrecht.lia_status_changes.count() == 1

    with pytest.raises(PermissionDenied):
        _record(official_of_utrecht, zeist)
    assert zeist.lia_status_changes.count() == 0
    zeist.refresh_from_db()
    assert zeist.current_lia_status == LiaStatus.NONE


@pytest.mark.parametrize("who", ["expert", "member", "moderator", "anonymous", "official"])
def test_nobody_else_may_record(request, utrecht, who):
    # "official" here has the role but no membership of Utrecht.
    user = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    assert not can_record_lia_status(user, utrecht)
    with pytest.raises(PermissionDenied):
        _record(user, utrecht)
    assert utrecht.lia_status_changes.count() == 0


def test_membership_without_the_official_role_is_not_enough(member, utrecht):
    MunicipalityMembershipFactory(user=member, municipality=utrecht)
    assert not is_official_of(member, utrecht)
    with pytest.raises(PermissionDenied):
        _record(member, utrecht)


def test_history_is_append_only_and_current_is_newest_by_date(team_member, utrecht):
    _record(team_member, utrecht, LiaStatus.DRAFTING, datetime.date(2023, 1, 10))
    _record(team_member, utrecht, LiaStatus.ADOPTED, datetime.date(2024, 3, 12))
    # A late report about the past is history, not the present.
    _record(team_member, utrecht, LiaStatus.EXPLORING, datetime.date(2021, 6, 1))

    assert list(utrecht.lia_status_changes.values_list("status", flat=True)) == [
        LiaStatus.ADOPTED,
        LiaStatus.DRAFTING,
        LiaStatus.EXPLORING,
    ]
    utrecht.refresh_from_db()
    assert utrecht.current_lia_status == LiaStatus.ADOPTED
    assert utrecht.current_lia_status_date == datetime.date(2024, 3, 12)

    # A correction on the same date is a new entry and wins.
    _record(team_member, utrecht, LiaStatus.DRAFTING, datetime.date(2024, 3, 12))
    utrecht.refresh_from_db()
    assert utrecht.current_lia_status == LiaStatus.DRAFTING
    assert utrecht.lia_status_changes.count() == 4


def test_invalid_entries_are_rejected_and_nothing_changes(team_member, utrecht):
    with pytest.raises(ValidationError):
        _record(team_member, utrecht, status="finished")
    assert utrecht.lia_status_changes.count() == 0


def test_recording_invalidates_the_map_cache(
    team_member, utrecht, django_capture_on_commit_callbacks
):
    before = map_cache_version()
    with django_capture_on_commit_callbacks(execute=True):
        _record(team_member, utrecht)
    assert map_cache_version() == before + 1


def test_membership_add_and_remove(team_member, official, utrecht, zeist):
    membership_add(user=official, municipality=utrecht, job_title="Adviseur", added_by=team_member)
    membership_add(
        user=official, municipality=utrecht, job_title="Senior adviseur", is_contact=False
    )
    assert MunicipalityMembership.objects.get(user=official).job_title == "Senior adviseur"
    assert is_official_of(official, utrecht)
    assert not is_official_of(official, zeist)
    assert list(municipalities_for_user(official)) == [utrecht]

    assert membership_remove(user=official, municipality=utrecht, removed_by=team_member)
    assert not is_official_of(official, utrecht)
    assert not membership_remove(user=official, municipality=utrecht)


def test_only_the_team_links_officials(official, expert, utrecht):
    with pytest.raises(PermissionDenied):
        membership_add(user=expert, municipality=utrecht, added_by=official)
    with pytest.raises(PermissionDenied):
        membership_remove(user=expert, municipality=utrecht, removed_by=official)
    assert not MunicipalityMembership.objects.exists()


def test_municipalities_for_anonymous_is_empty(utrecht):
    assert list(municipalities_for_user(AnonymousUser())) == []
    assert not is_official_of(AnonymousUser(), utrecht)
