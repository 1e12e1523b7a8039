"""Notifications: who is emailed, in which language, with which links, and the preferences."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from pytest_django.asserts import assertContains, assertNotContains

from matchcentrum.services import NEW_REQUEST_NOTIFICATION, match_request_create
from municipalities.factories import MunicipalityIndexPageFactory, MunicipalityPageFactory
from network.factories import UserFactory
from network.models import NotificationDigestItem
from network.notifications import DIGEST, NONE, preference_of
from network.roles import PROJECT_TEAM

PUBLIC = "https://iedereendoetmee.example.org"


@pytest.fixture
def almere(home_page):
    index = MunicipalityIndexPageFactory(parent=home_page)
    return MunicipalityPageFactory(parent=index, title="Almere")


def _ask(municipality, official, capture):
    with capture(execute=True):
        return match_request_create(
            municipality=municipality,
            requested_by=official,
            question="Hoe betrekt u ervaringsdeskundigen bij de LIA?",
            contact_name="Olga",
            contact_email="olga@almere.example.org",
        )


@override_settings(WAGTAILADMIN_BASE_URL=PUBLIC)
def test_new_request_emails_the_team_in_each_persons_language(
    almere, official, django_capture_on_commit_callbacks
):
    dutch = UserFactory(email="team-nl@example.org", roles=[PROJECT_TEAM], language="nl")
    english = UserFactory(email="team-en@example.org", roles=[PROJECT_TEAM], language="en")
    match_request = _ask(almere, official, django_capture_on_commit_callbacks)

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {dutch.email, english.email}  # not the official, not a member

    nl_message = by_recipient[dutch.email]
    assert "Nieuwe matchaanvraag van Almere" in nl_message.subject
    assert "Hoe betrekt u ervaringsdeskundigen bij de LIA?" in nl_message.body
    assert f"{PUBLIC}/matchcentrum/aanvragen/{match_request.pk}/" in nl_message.body

    en_message = by_recipient[english.email]
    assert "New match request from Almere" in en_message.subject
    assert f"{PUBLIC}/en/matchcentrum/aanvragen/{match_request.pk}/" in en_message.body
    for message in mail.outbox:
        assert "localhost" not in message.body
        assert "127.0.0.1" not in message.body


def test_digest_preference_keeps_it_for_the_daily_email(
    almere, official, django_capture_on_commit_callbacks
):
    team = UserFactory(
        email="digest@example.org",
        roles=[PROJECT_TEAM],
        language="en",
        notification_settings={NEW_REQUEST_NOTIFICATION: DIGEST},
    )
    _ask(almere, official, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    item = NotificationDigestItem.objects.get(user=team)
    assert item.subject == "New match request from Almere"

    call_command("send_notification_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [team.email]
    assert "1 notification of today" in mail.outbox[0].subject
    assert item.url in mail.outbox[0].body
    assert not NotificationDigestItem.objects.exists()


def test_no_email_preference_sends_nothing(almere, official, django_capture_on_commit_callbacks):
    UserFactory(
        email="quiet@example.org",
        roles=[PROJECT_TEAM],
        notification_settings={NEW_REQUEST_NOTIFICATION: NONE},
    )
    _ask(almere, official, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert not NotificationDigestItem.objects.exists()


def test_profile_offers_the_kinds_a_person_receives(client, team_member, member):
    client.force_login(member)
    assertNotContains(client.get("/profiel/"), "Nieuwe matchaanvragen")
    client.force_login(team_member)
    response = client.get("/profiel/")
    assertContains(response, "Nieuwe matchaanvragen")
    assertContains(response, 'name="notify_matchcentrum_new_request"')


def test_profile_saves_language_and_preference(client, team_member):
    client.force_login(team_member)
    response = client.post(
        "/profiel/",
        {
            "display_name": "Team",
            "organisation": "VNG",
            "language": "en",
            "notification_preference": "immediate",
            "notify_matchcentrum_new_request": DIGEST,
        },
    )
    assert response.status_code == 302
    team_member.refresh_from_db()
    assert team_member.language == "en"
    assert preference_of(team_member, NEW_REQUEST_NOTIFICATION) == DIGEST


def test_profile_refuses_an_unknown_preference(client, team_member):
    client.force_login(team_member)
    response = client.post(
        "/profiel/",
        {
            "display_name": "Team",
            "language": "nl",
            "notification_preference": "immediate",
            "notify_matchcentrum_new_request": "hourly",
        },
    )
    assert response.status_code == 400
    team_member.refresh_from_db()
    assert preference_of(team_member, NEW_REQUEST_NOTIFICATION) == "immediate"


def test_language_defaults_to_dutch(member):
    assert member.language == "nl"
