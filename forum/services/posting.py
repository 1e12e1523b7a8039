"""Writing on the forum: who may post, topics, replies and edits, and the topic's counters."""

import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from network.dates import local_datetime_text
from network.roles import is_moderator

from ..models import Category, Post, PostRevision, Suspension, Topic, WatchedWord
from .errors import ForumError, PostBlocked, PostingSuspended, RateLimited, TopicLocked
from .notifications import notify_subscribers


def approved_posts_before_trusted() -> int:
    return getattr(settings, "FORUM_APPROVED_POSTS_BEFORE_TRUSTED", 2)


def new_member_posts_per_hour() -> int:
    return getattr(settings, "FORUM_NEW_MEMBER_POSTS_PER_HOUR", 5)


def active_suspension(user) -> Suspension | None:
    return Suspension.objects.active().filter(user=user).order_by("-until").first()


def is_trusted(user) -> bool:
    """Moderators and members with enough approved posts post without waiting for approval."""
    if is_moderator(user):
        return True
    needed = approved_posts_before_trusted()
    if needed <= 0:
        return True
    approved = Post.objects.filter(author=user, status=Post.Status.VISIBLE)[:needed].count()
    return approved >= needed


def _word_pattern(word: str) -> re.Pattern:
    # '*' is the only wildcard the team needs; everything else is taken literally.
    body = r"\w*".join(re.escape(part) for part in word.strip().lower().split("*"))
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def watched_word_match(text: str) -> WatchedWord | None:
    """The first watched word in the text; blocking words win over queueing ones."""
    found = None
    for word in WatchedWord.objects.all():
        if word.word.strip() and _word_pattern(word.word).search(text):
            if word.action == WatchedWord.Action.BLOCK:
                return word
            found = found or word
    return found


def _check_may_post(*, author, text: str) -> bool:
    """Raise if the author may not post this text now; True when the text needs a moderator."""
    suspension = active_suspension(author)
    if suspension is not None:
        until = local_datetime_text(suspension.until)
        raise PostingSuspended(
            _("You cannot post until %(until)s. Reason: %(reason)s")
            % {"until": until, "reason": suspension.reason}
        )
    trusted = is_trusted(author)
    if not trusted:
        # Serialise a new member's posts so parallel requests cannot slip past the hourly limit.
        get_user_model().objects.select_for_update().filter(pk=author.pk).first()
        limit = new_member_posts_per_hour()
        since = timezone.now() - timedelta(hours=1)
        recent = list(
            Post.objects.filter(author=author, created__gte=since)
            .order_by("-created")
            .values_list("created", flat=True)[:limit]
        )
        if len(recent) >= limit:
            # A post becomes possible again when the oldest of the last `limit` is an hour old.
            free_at = recent[-1] + timedelta(hours=1)
            error = RateLimited(
                _(
                    "New members can write at most %(limit)s posts per hour. Your text is kept "
                    "below: you can send it from %(when)s. Once %(approved)s of your posts have "
                    "been approved by a moderator, this limit no longer applies to you."
                )
                % {
                    "limit": limit,
                    "when": local_datetime_text(free_at),
                    "approved": approved_posts_before_trusted(),
                }
            )
            error.retry_after = max(1, int((free_at - timezone.now()).total_seconds()))
            raise error
    word = watched_word_match(text)
    if word is not None and word.action == WatchedWord.Action.BLOCK:
        raise PostBlocked(
            _(
                "Your post contains “%(word)s”, which is not allowed on this forum. Please change "
                "your text and try again."
            )
            % {"word": word.word}
        )
    return not trusted or word is not None


def topic_refresh(topic: Topic) -> None:
    """Recount the visible posts and the last activity from the posts themselves."""
    stats = Post.objects.filter(topic=topic, status=Post.Status.VISIBLE).aggregate(
        count=Count("pk"), last=Max("created")
    )
    topic.visible_post_count = stats["count"]
    topic.last_activity_at = stats["last"] or topic.created
    Topic.objects.filter(pk=topic.pk).update(
        visible_post_count=topic.visible_post_count, last_activity_at=topic.last_activity_at
    )


@transaction.atomic
def topic_create(
    *,
    category: Category,
    author,
    title: str,
    body_markdown: str,
    municipality=None,
    themes: Iterable = (),
) -> Topic:
    """Open a topic with its first post; the same rules apply as to any post."""
    needs_approval = _check_may_post(author=author, text=f"{title}\n{body_markdown}")
    now = timezone.now()
    topic = Topic(
        category=category,
        title=title,
        author=author,
        municipality=municipality,
        created=now,
        last_activity_at=now,
    )
    topic.full_clean()
    topic.save()
    topic.themes.set(list(themes))
    _post_save_new(
        topic=topic,
        author=author,
        body_markdown=body_markdown,
        needs_approval=needs_approval or category.requires_approval,
        now=now,
    )
    return topic


@transaction.atomic
def post_create(*, topic: Topic, author, body_markdown: str) -> Post:
    """Reply in a topic; new members and some categories wait for a moderator."""
    if topic.is_locked and not is_moderator(author):
        raise TopicLocked(_("This topic is closed; no new replies can be added."))
    needs_approval = _check_may_post(author=author, text=body_markdown)
    return _post_save_new(
        topic=topic,
        author=author,
        body_markdown=body_markdown,
        needs_approval=needs_approval or topic.category.requires_approval,
        now=timezone.now(),
    )


def _post_became_visible(post: Post) -> None:
    topic_refresh(post.topic)
    notify_subscribers(post)


def _post_save_new(
    *, topic: Topic, author, body_markdown: str, needs_approval: bool, now: datetime
) -> Post:
    status = Post.Status.PENDING if needs_approval else Post.Status.VISIBLE
    post = Post(topic=topic, author=author, body_markdown=body_markdown, status=status, created=now)
    post.full_clean()
    post.save()
    if post.is_visible:
        _post_became_visible(post)
    return post


@transaction.atomic
def post_edit(*, post: Post, editor, body_markdown: str) -> Post:
    """Change a post's text, keeping the old text as a revision for moderators."""
    if post.author_id != editor.pk and not is_moderator(editor):
        raise ForumError(_("You can only edit your own posts."))
    if post.status == Post.Status.REMOVED:
        raise ForumError(_("A removed post cannot be edited."))
    suspension = active_suspension(editor)
    if suspension is not None and not is_moderator(editor):
        raise PostingSuspended(_("You cannot edit posts while you are suspended."))
    word = watched_word_match(body_markdown)
    if word is not None and word.action == WatchedWord.Action.BLOCK:
        raise PostBlocked(
            _(
                "Your post contains “%(word)s”, which is not allowed on this forum. Please change "
                "your text and try again."
            )
            % {"word": word.word}
        )
    if body_markdown == post.body_markdown:
        return post
    revision = PostRevision(post=post, body_markdown=post.body_markdown, edited_by=editor)
    revision.full_clean()
    revision.save()
    was_visible = post.is_visible
    post.body_markdown = body_markdown
    post.edited_at = timezone.now()
    # An edit must not slip a queued word past the moderators after approval.
    if word is not None and was_visible and not is_moderator(editor):
        post.status = Post.Status.PENDING
    post.full_clean()
    post.save()
    if was_visible and not post.is_visible:
        topic_refresh(post.topic)
    return post
