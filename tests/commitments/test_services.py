"""The rules of the cycle: permissions, the append-only history, endorsements, reminders."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from commitments import services
from commitments.models import (
    Commitment,
    CommitmentStatus,
    Follow,
    PartyToken,
    Priority,
    PriorityRevision,
    StatusChange,
)

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def _record(commitment, user, status, date, note="Stand van zaken"):
    return services.status_change_record(
        commitment=commitment, user=user, status=status, date=date, note=note
    )


# --- who may ----------------------------------------------------------------------------------


def test_who_may_add_a_priority(
    utrecht, member, expert, official_of_utrecht, official_of_zeist, team_member, organisation
):
    from django.contrib.auth.models import AnonymousUser

    assert services.can_add_priority(expert, utrecht)
    assert services.can_add_priority(official_of_utrecht, utrecht)
    assert services.can_add_priority(team_member, utrecht)
    assert services.can_add_priority(member, utrecht)  # member of an approved organisation
    assert not services.can_add_priority(official_of_zeist, utrecht)
    assert not services.can_add_priority(AnonymousUser(), utrecht)
    organisation.members.remove(member)
    assert not services.can_add_priority(member, utrecht)


def test_who_may_edit_a_priority(
    priority, expert, official_of_utrecht, official_of_zeist, team_member, member
):
    assert services.can_edit_priority(expert, priority)  # who filed it
    assert services.can_edit_priority(official_of_utrecht, priority)
    assert services.can_edit_priority(team_member, priority)
    assert not services.can_edit_priority(official_of_zeist, priority)
    assert not services.can_edit_priority(member, priority)
    with pytest.raises(PermissionDenied):
        services.priority_save(
            municipality=priority.municipality,
            user=member,
            priority=priority,
            title="Anders",
            explanation="Anders",
        )


def test_an_organisation_files_only_in_its_own_name(utrecht, member, expert, organisation):
    with pytest.raises(PermissionDenied):
        services.priority_save(
            municipality=utrecht,
            user=expert,
            title="Werk",
            explanation="Meer banen.",
            organisation=organisation,
        )
    priority = services.priority_save(
        municipality=utrecht,
        user=member,
        title="Werk",
        explanation="Meer banen.",
        organisation=organisation,
    )
    assert priority.source == Priority.Source.ORGANISATION
    # Another member of the same organisation may change it.
    from network.factories import UserFactory

    colleague = UserFactory()
    organisation.members.add(colleague)
    assert services.can_edit_priority(colleague, priority)


def test_only_officials_of_the_municipality_and_the_team_record_commitments(
    commitment, official_of_zeist, expert, member, team_member
):
    for user in (official_of_zeist, expert, member):
        with pytest.raises(PermissionDenied):
            _record(commitment, user, CommitmentStatus.IN_PROGRESS, datetime.date(2023, 1, 1))
    _record(commitment, team_member, CommitmentStatus.IN_PROGRESS, datetime.date(2023, 1, 1))
    assert Commitment.objects.get(pk=commitment.pk).status == CommitmentStatus.IN_PROGRESS


# --- history ----------------------------------------------------------------------------------


def test_editing_a_priority_keeps_the_earlier_text(priority, expert):
    services.priority_save(
        municipality=priority.municipality,
        user=expert,
        priority=priority,
        title="Toegankelijke bushaltes en perrons",
        explanation=priority.explanation,
    )
    revision = PriorityRevision.objects.get(priority=priority)
    assert revision.title == "Toegankelijke bushaltes"
    assert ModelLogEntry.objects.filter(object_id=str(priority.pk), action="wagtail.edit").exists()


def test_markdown_is_sanitised(utrecht, expert):
    priority = services.priority_save(
        municipality=utrecht,
        user=expert,
        title="Veilig",
        explanation="<script>alert(1)</script>[klik](javascript:alert(1)) **vet**",
    )
    assert "<script" not in priority.explanation_html
    assert 'href="javascript' not in priority.explanation_html
    assert "<strong>vet</strong>" in priority.explanation_html


def test_the_first_status_is_promised_and_changes_append(commitment, official_of_utrecht):
    assert commitment.status == CommitmentStatus.PROMISED
    assert commitment.status_date == datetime.date(2022, 6, 1)
    _record(
        commitment, official_of_utrecht, CommitmentStatus.IN_PROGRESS, datetime.date(2023, 3, 1)
    )
    _record(commitment, official_of_utrecht, CommitmentStatus.REALISED, datetime.date(2025, 9, 1))
    # A late entry with an older date does not overtake the newest state.
    _record(commitment, official_of_utrecht, CommitmentStatus.PREPARING, datetime.date(2022, 9, 1))
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.REALISED
    assert commitment.status_date == datetime.date(2025, 9, 1)
    assert [c.status for c in StatusChange.objects.filter(commitment=commitment)] == [
        "realised",
        "in_progress",
        "preparing",
        "promised",
    ]


def test_dates_in_the_future_or_before_the_promise_are_refused(commitment, official_of_utrecht):
    with pytest.raises(ValidationError):
        _record(
            commitment,
            official_of_utrecht,
            CommitmentStatus.REALISED,
            datetime.date.today() + datetime.timedelta(days=1),
        )
    with pytest.raises(ValidationError):
        _record(
            commitment, official_of_utrecht, CommitmentStatus.REALISED, datetime.date(2021, 1, 1)
        )
    assert StatusChange.objects.filter(commitment=commitment).count() == 1


def test_a_party_commitment_needs_the_party(utrecht, official_of_utrecht):
    with pytest.raises(ValidationError):
        services.commitment_save(
            municipality=utrecht,
            user=official_of_utrecht,
            title="Gebarentolk in de raad",
            made_by=Commitment.MadeBy.PARTY,
            party_name=" ",
            term="2026-2030",
            source_title="Verkiezingsprogramma",
            promised_on=datetime.date(2026, 2, 1),
        )
    assert not Commitment.objects.exists()


def test_scoreboard_counts(commitment, official_of_utrecht):
    statuses = ["realised", "realised", "not_realised", "partly_realised", "in_progress"]
    for status in statuses:
        other = Commitment.objects.get(pk=commitment.pk)
        other.pk = None
        other.save()
        _record(other, official_of_utrecht, status, datetime.date(2024, 1, 1))
    # and the fixture's commitment, still promised
    assert services.scoreboard_of(
        Commitment.objects.filter(municipality=commitment.municipality)
    ) == {
        "total": 6,
        "realised": 2,
        "partly": 1,
        "not_realised": 1,
        "open": 2,
    }


# --- endorsements -----------------------------------------------------------------------------


def test_endorse_once_per_person_and_per_organisation(priority, member, organisation, expert):
    assert services.priority_endorse(priority=priority, user=member)
    assert not services.priority_endorse(priority=priority, user=member)
    assert services.priority_endorse(priority=priority, user=member, organisation=organisation)
    with pytest.raises(PermissionDenied):
        services.priority_endorse(priority=priority, user=expert, organisation=organisation)
    priority.refresh_from_db()
    assert priority.endorsement_count == 2
    assert services.priority_withdraw_endorsement(priority=priority, user=member)
    priority.refresh_from_db()
    assert priority.endorsement_count == 1


# --- reminders --------------------------------------------------------------------------------


def test_stale_commitments_remind_officials_and_followers_once(
    commitment, official_of_utrecht, member, expert, django_capture_on_commit_callbacks
):
    Follow.objects.create(user=member, municipality=commitment.municipality)
    # Eleven months after the promise: nothing yet.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(today=datetime.date(2023, 5, 1))["stale"] == 0
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(today=datetime.date(2023, 6, 1))["stale"] == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted([official_of_utrecht.email, member.email])
    assert "12 maanden" in mail.outbox[0].body or "12 months" in mail.outbox[0].body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(today=datetime.date(2023, 7, 1))["stale"] == 0
    # A status change starts the clock again.
    _record(
        commitment, official_of_utrecht, CommitmentStatus.IN_PROGRESS, datetime.date(2023, 7, 1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(today=datetime.date(2024, 6, 30))["stale"] == 0
        assert services.send_reminders(today=datetime.date(2024, 7, 1))["stale"] == 1


def test_a_person_who_chose_no_email_gets_none(
    commitment, member, django_capture_on_commit_callbacks
):
    Follow.objects.create(user=member, municipality=commitment.municipality)
    member.notification_settings = {"commitments.reminder": "none"}
    member.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.send_reminders(today=datetime.date(2024, 1, 1))
    recipients = [m.to[0] for m in mail.outbox]
    assert member.email not in recipients
    assert recipients == ["official@example.org"]  # the official kept the default


def test_realised_commitments_are_not_stale(commitment, official_of_utrecht):
    _record(commitment, official_of_utrecht, CommitmentStatus.REALISED, datetime.date(2022, 7, 1))
    assert not services.stale_commitments(TODAY).exists()


def test_followers_get_a_summary_a_month_before_the_election(
    commitment, member, election, django_capture_on_commit_callbacks
):
    Follow.objects.create(user=member, municipality=commitment.municipality)
    Commitment.objects.filter(pk=commitment.pk).update(reminded_on=datetime.date(2026, 1, 1))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(today=datetime.date(2026, 2, 1))["election"] == 0
        assert services.send_reminders(today=datetime.date(2026, 2, 20))["election"] == 1
        assert services.send_reminders(today=datetime.date(2026, 2, 21))["election"] == 0
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Utrecht" in mail.outbox[0].subject


def test_stale_since_handles_month_ends():
    assert services.stale_since(datetime.date(2025, 2, 28)) == datetime.date(2024, 2, 28)
    assert services.stale_since(datetime.date(2024, 2, 29)) == datetime.date(2023, 2, 28)
    assert services.stale_since(datetime.date(2026, 1, 15), months=3) == datetime.date(2025, 10, 15)


def test_the_command_sends_reminders(commitment, official_of_utrecht, capsys):
    from django.core.management import call_command

    call_command("send_commitment_reminders", "--today", "2024-01-01")
    assert "1" in capsys.readouterr().out
    commitment.refresh_from_db()
    assert commitment.reminded_on == datetime.date(2024, 1, 1)


# --- tokens -----------------------------------------------------------------------------------


def test_tokens_are_hashed_expire_and_are_replaced(party, team_member, member):
    with pytest.raises(PermissionDenied):
        services.party_token_issue(party=party, user=member)
    first = services.party_token_issue(party=party, user=team_member)
    assert not PartyToken.objects.filter(token_hash=first).exists()
    assert PartyToken.objects.for_raw(first).party == party
    second = services.party_token_issue(party=party, user=team_member)
    assert PartyToken.objects.for_raw(first) is None
    token = PartyToken.objects.for_raw(second)
    token.expires_at = token.created_at - datetime.timedelta(seconds=1)
    token.save()
    assert PartyToken.objects.for_raw(second) is None
    assert PartyToken.objects.for_raw("") is None
    assert PartyToken.objects.for_raw("x" * 500) is None


def test_a_party_answers_only_for_its_own_municipality(party, zeist, expert):
    other = services.priority_save(
        municipality=zeist, user=expert, title="Zeist", explanation="Iets anders."
    )
    with pytest.raises(PermissionDenied):
        services.party_answer_save(
            party=party, priority=other, position="agree", explanation="", via_token=True
        )
    with pytest.raises(PermissionDenied):
        services.party_answer_save(
            party=party, priority=other, position="agree", explanation="", user=expert
        )
