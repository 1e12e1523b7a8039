"""The start page /mijn-netwerk/: per role what shows and what stays hidden, and its cost."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from events.models import Registration
from forum.factories import FlagFactory, PostFactory, SubscriptionFactory, TopicFactory
from forum.models import Post
from matchcentrum.factories import MatchFactory, MatchRequestFactory
from matchcentrum.models import Match
from municipalities.factories import (
    MunicipalityIndexPageFactory,
    MunicipalityMembershipFactory,
    MunicipalityPageFactory,
)
from municipalities.models import LiaStatus, MunicipalityPage
from network import registry
from voices.factories import VoiceFactory
from voices.models import Voice

START = "/mijn-netwerk/"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture
def world(home_page, official, expert, moderator, team_member):
    """A full inbox for every role: something of every kind waits."""
    index = MunicipalityIndexPageFactory(parent=home_page)
    mine = MunicipalityPageFactory(parent=index, title="Almere")
    other = MunicipalityPageFactory(parent=index, title="Zwolle")
    stale_date = timezone.localdate() - timedelta(days=400)
    MunicipalityPage.objects.filter(pk=other.pk).update(
        current_lia_status=LiaStatus.DRAFTING, current_lia_status_date=stale_date
    )
    MunicipalityMembershipFactory(user=official, municipality=mine)

    agenda = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=agenda, title="Regiodag Oost")
    RegistrationFactory(
        event=event,
        user=expert,
        email=expert.email,
        status=Registration.Status.CONFIRMED,
        needs=["ngt"],
        needs_consent=True,
    )
    RegistrationFactory(event=event, user=official, email=official.email, status="confirmed")
    asking = EventPageFactory(
        parent=agenda,
        title="Panel toegankelijk stemmen",
        experts_wanted="We zoeken twee ervaringsdeskundigen voor het panel.",
    )
    # The expert already registered here, so it is not offered again.
    registered_asking = EventPageFactory(
        parent=agenda, title="Testdag stemlokaal", experts_wanted="Test het stemlokaal mee."
    )
    RegistrationFactory(
        event=registered_asking, user=expert, email=expert.email, status="confirmed"
    )
    EventPageFactory(
        parent=agenda,
        title="Oude vraag",
        experts_wanted="Deze bijeenkomst is al voorbij.",
        start=timezone.now() - timedelta(days=3),
        end=timezone.now() - timedelta(days=3) + timedelta(hours=2),
    )
    VoiceFactory(
        author=expert,
        title="Stemmen zonder hulp",
        # Waiting for the author, so it is not in the team's inbox.
        status=Voice.Status.CHANGES_REQUESTED,
        published_at=None,
    )

    topic = TopicFactory(title="Toegankelijk stemmen")
    SubscriptionFactory(user=expert, topic=topic)
    SubscriptionFactory(user=official, topic=topic)
    flagged = PostFactory(topic=topic, flag_count=1)
    FlagFactory(post=flagged)
    PostFactory(topic=topic, status=Post.Status.PENDING)

    request = MatchRequestFactory(municipality=mine, requested_by=official)
    old_request = MatchRequestFactory(municipality=other)
    match = MatchFactory(request=old_request, offering_municipality=mine)
    Match.objects.filter(pk=match.pk).update(created_at=timezone.now() - timedelta(days=20))
    return {
        "mine": mine,
        "other": other,
        "event": event,
        "asking": asking,
        "request": request,
        "match": match,
    }


def test_anonymous_is_sent_to_log_in(client, db):
    response = client.get(START)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_login_redirects_to_the_start_page(client, official):
    official.set_password("Een-lang-wachtwoord-2026")
    official.save()
    response = client.post(
        reverse("account_login"),
        {"login": official.email, "password": "Een-lang-wachtwoord-2026"},
    )
    assert response.status_code == 302
    assert response["Location"] == START


def test_header_links_the_start_page_after_login(client, member, home_page):
    response = client.get("/")
    assertNotContains(response, f'href="{START}"')
    client.force_login(member)
    response = client.get("/")
    assertContains(response, f'href="{START}"')


def test_member_sees_an_empty_start_page(client, member, world):
    client.force_login(member)
    response = client.get(START)
    assertContains(response, "Er wacht nu niets op u.")
    assertNotContains(response, "Wacht op u")
    assertNotContains(response, "Moderatie van het forum")
    assertNotContains(response, "Mijn gemeente")


def test_official_sees_their_municipality_requests_and_registrations(client, official, world):
    client.force_login(official)
    response = client.get(START)
    assertContains(response, "Mijn gemeente")
    assertContains(response, "LIA-status van Almere bijwerken")
    assertContains(
        response, f'href="{reverse("municipalities:profile", args=["almere"])}#record-title"'
    )
    assertContains(response, reverse("matchcentrum:request_detail", args=[world["request"].pk]))
    assertContains(response, reverse("matchcentrum:match_detail", args=[world["match"].pk]))
    assertContains(response, "Regiodag Oost")
    assertContains(response, "Toegankelijk stemmen")
    # The team's and the moderators' work is not theirs.
    assertNotContains(response, "Wacht op u")
    assertNotContains(response, "Moderatie van het forum")
    assertNotContains(response, "LIA-statussen ouder dan 12 maanden")


def test_official_without_membership_is_told_to_ask_the_team(client, official, home_page):
    client.force_login(official)
    assertContains(client.get(START), "heeft uw account nog niet aan een gemeente gekoppeld")


def test_expert_sees_registrations_with_cancel_link_and_followed_topics(client, expert, world):
    client.force_login(expert)
    response = client.get(START)
    registration = Registration.objects.get(user=expert, event=world["event"])
    assertContains(response, "Mijn inschrijvingen")
    assertContains(response, reverse("events:registration_cancel", args=[registration.token]))
    assertContains(response, "Onderwerpen die ik volg")
    assertNotContains(response, "Mijn gemeente")
    assertNotContains(response, "Wacht op u")
    assertNotContains(response, "Toegankelijkheidswensen om te regelen")


def test_expert_sees_events_that_ask_for_experts_and_their_voices(client, expert, world):
    client.force_login(expert)
    response = client.get(START)
    assertContains(response, "Bijeenkomsten die ervaringsdeskundigen vragen")
    assertContains(response, f'href="{world["asking"].url}">Panel toegankelijk stemmen</a>')
    assertContains(response, "We zoeken twee ervaringsdeskundigen voor het panel.")
    # Not the one they registered for (it is under their registrations), nor one that is over.
    assertNotContains(response, "Test het stemlokaal mee.")
    assertNotContains(response, "Oude vraag")
    assertContains(response, "Mijn stemmen")
    assertContains(response, "Stemmen zonder hulp</a>: Aanpassing gevraagd")


def test_others_are_not_offered_the_events_for_experts(client, official, world):
    client.force_login(official)
    response = client.get(START)
    assertNotContains(response, "Bijeenkomsten die ervaringsdeskundigen vragen")
    assertNotContains(response, "Mijn stemmen")


def test_moderator_sees_the_queue_but_not_the_teams_rows(client, moderator, world):
    client.force_login(moderator)
    response = client.get(START)
    assertContains(response, "Moderatie van het forum")
    assertContains(response, "2 berichten wachten in de wachtrij.")
    assertContains(response, "1 melding in de laatste 24 uur.")
    assertContains(response, reverse("forum:moderation_queue"))
    assertContains(response, "Forumberichten om te modereren (2)")
    assertNotContains(response, "Nieuwe matchaanvragen")
    assertNotContains(response, "LIA-statussen ouder dan 12 maanden")
    assertNotContains(response, "Toegankelijkheidswensen om te regelen")


def test_team_sees_every_kind_of_inbox_row(client, team_member, world):
    client.force_login(team_member)
    response = client.get(START)
    assertContains(response, "Nieuwe matchaanvragen (1)")
    assertContains(response, reverse("matchcentrum:request_detail", args=[world["request"].pk]))
    assertContains(response, "Voorstellen zonder antwoord (1)")
    assertContains(response, reverse("matchcentrum:match_detail", args=[world["match"].pk]))
    assertContains(response, "Forumberichten om te modereren (2)")
    assertContains(response, "LIA-statussen ouder dan 12 maanden (1)")
    assertContains(response, "Zwolle")
    assertContains(response, "Toegankelijkheidswensen om te regelen (1)")
    assertContains(response, f"{world['event'].url}deelnemers/")
    # The header counts the same six rows.
    assertContains(response, "6 wachten")


def test_header_count_on_other_pages(client, team_member, world):
    client.force_login(team_member)
    assertContains(client.get("/"), "6 wachten")


def test_inbox_cuts_rows_and_counts_the_rest(client, team_member, world):
    for _number in range(registry.INBOX_ROW_LIMIT + 2):
        MatchRequestFactory(municipality=world["other"])
    client.force_login(team_member)
    response = client.get(START)
    assertContains(response, f"Nieuwe matchaanvragen ({registry.INBOX_ROW_LIMIT + 3})")
    assertContains(response, "En nog 3.")


@pytest.mark.parametrize(
    "role",
    [
        "member",
        "official",
        "expert",
        "moderator",
        "team_member",
        "superuser",
    ],
)
def test_start_page_query_budget(client, world, role, request, django_assert_max_num_queries):
    user = request.getfixturevalue(role)
    client.force_login(user)
    # The site-wide caches (menu, site root paths) are warm on a running site; warm them here.
    client.get("/")
    with django_assert_max_num_queries(15):
        response = client.get(START)
    assert response.status_code == 200


def test_registry_for_user_skips_empty_sources(team_member, db):
    registry.inbox.register(
        "test-empty", "Empty", rows=lambda user: [], count=lambda user: 0, order=1
    )
    try:
        keys = [group.source.key for group in registry.inbox.for_user(team_member)]
        assert "test-empty" not in keys
    finally:
        registry.inbox.unregister("test-empty")
