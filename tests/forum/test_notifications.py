"""Subscribers hear about new visible posts, now or in the daily digest; never about hidden ones."""

import pytest
from django.core import mail
from django.core.management import call_command

from forum import services
from forum.factories import SubscriptionFactory
from forum.models import DigestItem
from network.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def followers(topic):
    now = UserFactory(email="direct@example.org", notification_preference="immediate")
    daily = UserFactory(email="dagelijks@example.org", notification_preference="digest")
    never = UserFactory(email="nooit@example.org", notification_preference="none")
    for user in (now, daily, never):
        SubscriptionFactory(user=user, topic=topic)
    return now, daily, never


def test_immediate_email_on_visible_reply(
    topic, trusted, followers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.post_create(topic=topic, author=trusted, body_markdown="Nieuw antwoord hier")
    assert [m.to for m in mail.outbox] == [["direct@example.org"]]
    assert "Nieuw antwoord hier" in mail.outbox[0].body
    assert topic.title in mail.outbox[0].subject
    assert DigestItem.objects.filter(user=followers[1]).count() == 1


def test_category_followers_are_told(topic, trusted, django_capture_on_commit_callbacks):
    fan = UserFactory(email="fan@example.org", notification_preference="immediate")
    SubscriptionFactory(user=fan, topic=None, category=topic.category)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_create(topic=topic, author=trusted, body_markdown="Voor de categorie")
    assert [m.to for m in mail.outbox] == [["fan@example.org"]]


def test_author_is_not_emailed_about_own_post(topic, trusted, django_capture_on_commit_callbacks):
    SubscriptionFactory(user=trusted, topic=topic)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_create(topic=topic, author=trusted, body_markdown="Eigen bericht")
    assert mail.outbox == []


def test_pending_post_is_not_announced_until_approved(
    topic, followers, moderator, django_capture_on_commit_callbacks
):
    newcomer = UserFactory(email="nieuw@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        post = services.post_create(topic=topic, author=newcomer, body_markdown="Wacht even")
    assert mail.outbox == [] and not DigestItem.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.post_approve(post=post, moderator=moderator, reason="In orde")
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["direct@example.org", "nieuw@example.org"]


def test_digest_command_sends_one_email_and_empties_queue(
    topic, trusted, followers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.post_create(topic=topic, author=trusted, body_markdown="Eerste nieuws")
        services.post_create(topic=topic, author=trusted, body_markdown="Tweede nieuws")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_forum_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [m.to for m in mail.outbox] == [["dagelijks@example.org"]]
    assert "Eerste nieuws" in mail.outbox[0].body and "Tweede nieuws" in mail.outbox[0].body
    assert not DigestItem.objects.exists()


def test_digest_skips_posts_hidden_since(
    topic, trusted, followers, moderator, django_capture_on_commit_callbacks
):
    post = services.post_create(topic=topic, author=trusted, body_markdown="Later verborgen")
    services.post_hide(post=post, moderator=moderator, reason="Persoonsgegevens")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.digest_send() == 0
    assert mail.outbox == []
