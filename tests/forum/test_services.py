"""The moderation rules: pre-moderation, flags, watched words, rate limits, suspensions, log."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from forum import services
from forum.factories import CategoryFactory, FlagFactory, PostFactory, WatchedWordFactory
from forum.models import Flag, ModerationAction, Post, PostRevision, Suspension, Topic, WatchedWord
from network.factories import UserFactory

pytestmark = pytest.mark.django_db


def new_member(email="nieuw@example.org"):
    return UserFactory(email=email, display_name="Nieuw")


# --- pre-moderation ----------------------------------------------------------------------------


def test_new_member_waits_until_n_approved_posts(topic, settings):
    settings.FORUM_APPROVED_POSTS_BEFORE_TRUSTED = 2
    user = new_member()
    first = services.post_create(topic=topic, author=user, body_markdown="Eerste")
    assert first.status == Post.Status.PENDING
    PostFactory(topic=topic, author=user)  # one approved
    assert services.post_create(topic=topic, author=user, body_markdown="x").status == "pending"
    PostFactory(topic=topic, author=user)  # two approved: trusted now
    assert services.post_create(topic=topic, author=user, body_markdown="y").status == "visible"


def test_threshold_is_configurable(topic, settings):
    settings.FORUM_APPROVED_POSTS_BEFORE_TRUSTED = 0
    post = services.post_create(topic=topic, author=new_member(), body_markdown="Meteen zichtbaar")
    assert post.status == Post.Status.VISIBLE


def test_pending_post_does_not_count_or_bump_topic(topic):
    before = (topic.visible_post_count, topic.last_activity_at)
    services.post_create(topic=topic, author=new_member(), body_markdown="Wacht")
    topic.refresh_from_db()
    assert (topic.visible_post_count, topic.last_activity_at) == before


def test_visible_reply_counts_and_bumps_topic(topic, trusted):
    count = topic.visible_post_count
    post = services.post_create(topic=topic, author=trusted, body_markdown="Antwoord")
    topic.refresh_from_db()
    assert topic.visible_post_count == count + 1
    assert topic.last_activity_at == post.created


def test_category_can_require_approval_for_everyone(trusted, topic):
    strict = CategoryFactory(slug="streng", requires_approval=True)
    new_topic = services.topic_create(
        category=strict, author=trusted, title="Vraag", body_markdown="Tekst"
    )
    assert new_topic.posts.get().status == Post.Status.PENDING
    assert not Topic.objects.visible().filter(pk=new_topic.pk).exists()


def test_moderators_are_trusted(topic, moderator):
    post = services.post_create(topic=topic, author=moderator, body_markdown="Van de moderator")
    assert post.status == Post.Status.VISIBLE


# --- flags -------------------------------------------------------------------------------------


def test_post_hidden_after_k_flags(topic, settings, django_capture_on_commit_callbacks):
    settings.FORUM_FLAGS_TO_HIDE = 3
    post = topic.posts.get()
    for n in range(2):
        services.post_flag(post=post, user=new_member(f"f{n}@example.org"), reason="spam")
    post.refresh_from_db()
    assert post.status == Post.Status.VISIBLE and post.flag_count == 2
    with django_capture_on_commit_callbacks(execute=True):
        services.post_flag(post=post, user=new_member("f3@example.org"), reason="offensive")
    post.refresh_from_db()
    topic.refresh_from_db()
    assert post.status == Post.Status.HIDDEN
    assert topic.visible_post_count == 0
    log = ModerationAction.objects.get(post=post)
    assert log.action == ModerationAction.Action.AUTO_HIDE and log.moderator is None
    assert mail.outbox and mail.outbox[-1].to == ["starter@example.org"]


def test_k_is_configurable(topic, settings):
    settings.FORUM_FLAGS_TO_HIDE = 1
    post = topic.posts.get()
    services.post_flag(post=post, user=new_member(), reason="spam")
    post.refresh_from_db()
    assert post.status == Post.Status.HIDDEN


def test_one_flag_per_member_per_post(topic):
    post = topic.posts.get()
    user = new_member()
    services.post_flag(post=post, user=user, reason="spam")
    with pytest.raises(services.ForumError):
        services.post_flag(post=post, user=user, reason="spam")
    post.refresh_from_db()
    assert post.flag_count == 1


def test_cannot_flag_own_post(topic):
    post = topic.posts.get()
    with pytest.raises(services.ForumError):
        services.post_flag(post=post, user=post.author, reason="spam")


def test_other_reason_needs_text(topic):
    with pytest.raises(ValidationError):
        services.post_flag(post=topic.posts.get(), user=new_member(), reason="other", text=" ")


# --- watched words -----------------------------------------------------------------------------


def test_blocking_word_rejects_post(topic, trusted):
    WatchedWordFactory(word="casino*", action=WatchedWord.Action.BLOCK)
    with pytest.raises(services.PostBlocked) as error:
        services.post_create(topic=topic, author=trusted, body_markdown="Win bij het CasinoRoyale!")
    assert "casino*" in error.value.message
    assert not Post.objects.filter(body_markdown__icontains="casino").exists()


def test_queueing_word_sends_trusted_post_to_queue(topic, trusted):
    WatchedWordFactory(word="bsn", action=WatchedWord.Action.QUEUE)
    post = services.post_create(topic=topic, author=trusted, body_markdown="Mijn BSN is 123")
    assert post.status == Post.Status.PENDING


def test_watched_words_match_whole_words_only(topic, trusted):
    WatchedWordFactory(word="bsn", action=WatchedWord.Action.BLOCK)
    post = services.post_create(topic=topic, author=trusted, body_markdown="Het woord absnormaal")
    assert post.status == Post.Status.VISIBLE


def test_watched_word_in_topic_title(category, trusted):
    WatchedWordFactory(word="viagra", action=WatchedWord.Action.BLOCK)
    with pytest.raises(services.PostBlocked):
        services.topic_create(category=category, author=trusted, title="Viagra", body_markdown="x")
    assert not Topic.objects.filter(title="Viagra").exists()


def test_edit_with_queue_word_goes_back_to_queue(topic, trusted):
    WatchedWordFactory(word="bsn", action=WatchedWord.Action.QUEUE)
    post = services.post_create(topic=topic, author=trusted, body_markdown="Onschuldig")
    services.post_edit(post=post, editor=trusted, body_markdown="Nu met bsn")
    post.refresh_from_db()
    assert post.status == Post.Status.PENDING


# --- rate limit --------------------------------------------------------------------------------


def test_new_member_rate_limit(topic, settings):
    settings.FORUM_NEW_MEMBER_POSTS_PER_HOUR = 3
    user = new_member()
    for n in range(3):
        services.post_create(topic=topic, author=user, body_markdown=f"Bericht {n}")
    with pytest.raises(services.RateLimited) as error:
        services.post_create(topic=topic, author=user, body_markdown="Een te veel")
    assert error.value.status == 429
    assert Post.objects.filter(author=user).count() == 3


def test_rate_limit_window_is_one_hour(topic, settings):
    settings.FORUM_NEW_MEMBER_POSTS_PER_HOUR = 1
    user = new_member()
    old = services.post_create(topic=topic, author=user, body_markdown="Oud")
    Post.objects.filter(pk=old.pk).update(created=timezone.now() - timedelta(minutes=59))
    with pytest.raises(services.RateLimited):
        services.post_create(topic=topic, author=user, body_markdown="Te vroeg")
    Post.objects.filter(pk=old.pk).update(created=timezone.now() - timedelta(minutes=61))
    again = services.post_create(topic=topic, author=user, body_markdown="Weer mogelijk")
    assert again.status == Post.Status.PENDING  # still a new member: a moderator approves it
    assert list(
        Post.objects.filter(author=user).order_by("pk").values_list("body_markdown", flat=True)
    ) == ["Oud", "Weer mogelijk"]


def test_trusted_members_are_not_rate_limited(topic, trusted, settings):
    settings.FORUM_NEW_MEMBER_POSTS_PER_HOUR = 1
    count = topic.visible_post_count
    posts = [
        services.post_create(topic=topic, author=trusted, body_markdown=f"Bericht {n}")
        for n in range(3)
    ]
    assert [post.status for post in posts] == [Post.Status.VISIBLE] * 3
    assert Post.objects.filter(author=trusted, body_markdown__startswith="Bericht ").count() == 3
    topic.refresh_from_db()
    assert topic.visible_post_count == count + 3


# --- suspension --------------------------------------------------------------------------------


def test_suspended_member_cannot_post(
    topic, trusted, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.member_suspend(
            user=trusted,
            moderator=moderator,
            until=timezone.now() + timedelta(days=2),
            reason="Herhaaldelijk beledigend",
        )
    with pytest.raises(services.PostingSuspended) as error:
        services.post_create(topic=topic, author=trusted, body_markdown="Toch proberen")
    assert "Herhaaldelijk beledigend" in error.value.message
    assert error.value.status == 403
    assert ModerationAction.objects.filter(
        action="suspend", target_user=trusted, moderator=moderator
    ).exists()
    assert mail.outbox[-1].to == [trusted.email]


def test_expired_suspension_no_longer_blocks(topic, trusted, moderator):
    Suspension.objects.create(
        user=trusted, until=timezone.now() - timedelta(minutes=1), reason="x", created_by=moderator
    )
    post = services.post_create(topic=topic, author=trusted, body_markdown="Weer welkom")
    assert Post.objects.get(pk=post.pk).status == Post.Status.VISIBLE
    topic.refresh_from_db()
    assert topic.last_activity_at == post.created


def test_member_cannot_suspend(trusted, member):
    with pytest.raises(services.ForumError):
        services.member_suspend(
            user=trusted, moderator=member, until=timezone.now() + timedelta(days=1), reason="x"
        )
    assert not Suspension.objects.exists()


def test_suspension_must_end_in_future(trusted, moderator):
    with pytest.raises(ValidationError):
        services.member_suspend(
            user=trusted, moderator=moderator, until=timezone.now() - timedelta(days=1), reason="x"
        )


# --- moderation actions ------------------------------------------------------------------------


def test_approve_makes_visible_logs_and_emails(
    topic, moderator, django_capture_on_commit_callbacks
):
    author = new_member()
    post = services.post_create(topic=topic, author=author, body_markdown="Wacht")
    with django_capture_on_commit_callbacks(execute=True):
        services.post_approve(post=post, moderator=moderator, reason="Prima bijdrage")
    post.refresh_from_db()
    topic.refresh_from_db()
    assert post.status == Post.Status.VISIBLE
    assert topic.visible_post_count == 2
    entry = ModerationAction.objects.get(post=post)
    assert (entry.action, entry.moderator, entry.reason) == ("approve", moderator, "Prima bijdrage")
    assert mail.outbox[0].to == [author.email]
    assert "Prima bijdrage" in mail.outbox[0].body


@pytest.mark.parametrize(
    "start,action,end",
    [
        ("visible", "hide", "hidden"),
        ("hidden", "restore", "visible"),
        ("visible", "remove", "removed"),
        ("removed", "restore", "visible"),
        ("pending", "remove", "removed"),
    ],
)
def test_transitions(topic, moderator, start, action, end):
    post = PostFactory(topic=topic, status=start)
    services.post_moderate(post=post, moderator=moderator, action=action, reason="Besluit")
    post.refresh_from_db()
    assert post.status == end
    topic.refresh_from_db()
    assert topic.visible_post_count == topic.posts.filter(status="visible").count()


def test_impossible_transition_is_refused(topic, moderator):
    post = PostFactory(topic=topic, status="removed")
    with pytest.raises(services.ForumError):
        services.post_hide(post=post, moderator=moderator, reason="x")


def test_decision_settles_flags(topic, moderator):
    post = topic.posts.get()
    FlagFactory(post=post)
    Post.objects.filter(pk=post.pk).update(flag_count=1)
    services.post_approve(post=post, moderator=moderator, reason="Niets mis mee")
    post.refresh_from_db()
    assert post.flag_count == 0
    assert not Flag.objects.filter(post=post, resolved=False).exists()


def test_reason_is_required(topic, moderator):
    with pytest.raises(ValidationError):
        services.post_hide(post=topic.posts.get(), moderator=moderator, reason="  ")


def test_member_cannot_moderate(topic, member):
    with pytest.raises(services.ForumError):
        services.post_hide(post=topic.posts.get(), moderator=member, reason="x")
    assert topic.posts.get().status == "visible"


def test_edit_keeps_revision(topic):
    post = topic.posts.get()
    services.post_edit(post=post, editor=post.author, body_markdown="Verbeterde tekst")
    post.refresh_from_db()
    assert post.body_markdown == "Verbeterde tekst" and post.edited_at
    assert "Verbeterde tekst" in post.body_html
    revision = PostRevision.objects.get(post=post)
    assert revision.body_markdown == "Hoe doen jullie dat?"


def test_cannot_edit_someone_elses_post(topic, member):
    with pytest.raises(services.ForumError):
        services.post_edit(post=topic.posts.get(), editor=member, body_markdown="Gekaapt")


def test_locked_topic_refuses_replies(topic, trusted):
    Topic.objects.filter(pk=topic.pk).update(is_locked=True)
    topic.refresh_from_db()
    with pytest.raises(services.TopicLocked):
        services.post_create(topic=topic, author=trusted, body_markdown="x")
