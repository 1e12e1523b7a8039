"""Everything that writes to the forum: posting, editing, flagging, moderating, notifying."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from network.roles import is_moderator

from .models import (
    Category,
    DigestItem,
    Flag,
    ModerationAction,
    Post,
    PostRevision,
    Subscription,
    Suspension,
    Topic,
    WatchedWord,
)
from .tasks import send_forum_email


def approved_posts_before_trusted() -> int:
    return getattr(settings, "FORUM_APPROVED_POSTS_BEFORE_TRUSTED", 2)


def flags_to_hide() -> int:
    return getattr(settings, "FORUM_FLAGS_TO_HIDE", 3)


def new_member_posts_per_hour() -> int:
    return getattr(settings, "FORUM_NEW_MEMBER_POSTS_PER_HOUR", 5)


class ForumError(Exception):
    """A rule stopped the action; `message` is for the person, `status` for the response."""

    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class PostingSuspended(ForumError):
    status = 403


class TopicLocked(ForumError):
    status = 403


class PostBlocked(ForumError):
    status = 400


class RateLimited(ForumError):
    status = 429


# --- rules -------------------------------------------------------------------------------------


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
        until = timezone.localtime(suspension.until).strftime("%d-%m-%Y %H:%M")
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
        recent = Post.objects.filter(author=author, created__gte=since).count()
        if recent >= limit:
            raise RateLimited(
                _(
                    "New members can write at most %(limit)s posts per hour. Your text is kept "
                    "below; please try again later."
                )
                % {"limit": limit}
            )
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


def _topic_refresh(topic: Topic) -> None:
    """Recount the visible posts and the last activity from the posts themselves."""
    stats = Post.objects.filter(topic=topic, status=Post.Status.VISIBLE).aggregate(
        count=Count("pk"), last=Max("created")
    )
    topic.visible_post_count = stats["count"]
    topic.last_activity_at = stats["last"] or topic.created
    Topic.objects.filter(pk=topic.pk).update(
        visible_post_count=topic.visible_post_count, last_activity_at=topic.last_activity_at
    )


# --- writing -----------------------------------------------------------------------------------


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
        _topic_refresh(post.topic)
    return post


@transaction.atomic
def post_flag(*, post: Post, user, reason: str, text: str = "") -> Flag:
    """Report a post; after enough open flags it is hidden until a moderator decides."""
    if post.author_id == user.pk:
        raise ForumError(_("You cannot flag your own post."))
    # The row lock makes the K-th flag hide the post exactly once, even when flags arrive together.
    post = (
        Post.objects.select_for_update(of=("self",))
        .select_related("topic", "author")
        .get(pk=post.pk)
    )
    flag = Flag(post=post, user=user, reason=reason, text=text)
    flag.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            flag.save()
    except IntegrityError as error:
        raise ForumError(_("You have already flagged this post.")) from error
    Post.objects.filter(pk=post.pk).update(flag_count=F("flag_count") + 1)
    post.refresh_from_db(fields=["flag_count", "status"])
    if post.status == Post.Status.VISIBLE and post.flag_count >= flags_to_hide():
        post.status = Post.Status.HIDDEN
        post.save(update_fields=["status"])
        _topic_refresh(post.topic)
        reason_text = _(
            "Hidden automatically after %(count)s flags, until a moderator decides."
        ) % {"count": post.flag_count}
        _log(
            action=ModerationAction.Action.AUTO_HIDE, moderator=None, post=post, reason=reason_text
        )
        _tell_author(post=post, action=ModerationAction.Action.AUTO_HIDE, reason=reason_text)
    return flag


# --- moderating --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Transition:
    allowed_from: tuple[str, ...]
    to: str


TRANSITIONS = {
    ModerationAction.Action.APPROVE: _Transition(
        (Post.Status.PENDING, Post.Status.VISIBLE), Post.Status.VISIBLE
    ),
    ModerationAction.Action.HIDE: _Transition(
        (Post.Status.PENDING, Post.Status.VISIBLE), Post.Status.HIDDEN
    ),
    ModerationAction.Action.RESTORE: _Transition(
        (Post.Status.HIDDEN, Post.Status.REMOVED), Post.Status.VISIBLE
    ),
    ModerationAction.Action.REMOVE: _Transition(
        (Post.Status.PENDING, Post.Status.VISIBLE, Post.Status.HIDDEN), Post.Status.REMOVED
    ),
}


def allowed_actions(post: Post) -> list[str]:
    """The moderation actions that make sense for a post in its current state."""
    actions = []
    for action, transition in TRANSITIONS.items():
        if post.status not in transition.allowed_from:
            continue
        # Approving a visible post only makes sense to dismiss its flags.
        if action == ModerationAction.Action.APPROVE and post.is_visible and not post.flag_count:
            continue
        actions.append(action)
    return actions


@transaction.atomic
def post_moderate(*, post: Post, moderator, action: str, reason: str) -> Post:
    """Approve, hide, restore or remove a post; logged, flags settled, the author emailed."""
    if not is_moderator(moderator):
        raise ForumError(_("Only moderators can do this."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give a reason; the author will read it.")})
    post = (
        Post.objects.select_for_update(of=("self",))
        .select_related("topic", "author")
        .get(pk=post.pk)
    )
    if action not in allowed_actions(post):
        raise ForumError(
            _("This action is not possible for a post that is %(status)s.")
            % {"status": post.get_status_display().lower()}
        )
    transition = TRANSITIONS[action]
    was_visible = post.is_visible
    post.status = transition.to
    post.flag_count = 0
    post.save(update_fields=["status", "flag_count"])
    Flag.objects.filter(post=post, resolved=False).update(resolved=True)
    if was_visible != post.is_visible:
        _topic_refresh(post.topic)
    _log(action=action, moderator=moderator, post=post, reason=reason)
    _tell_author(post=post, action=action, reason=reason)
    if post.is_visible and not was_visible and action == ModerationAction.Action.APPROVE:
        _notify_subscribers(post)
    return post


def post_approve(*, post: Post, moderator, reason: str) -> Post:
    return post_moderate(post=post, moderator=moderator, action="approve", reason=reason)


def post_hide(*, post: Post, moderator, reason: str) -> Post:
    return post_moderate(post=post, moderator=moderator, action="hide", reason=reason)


def post_restore(*, post: Post, moderator, reason: str) -> Post:
    return post_moderate(post=post, moderator=moderator, action="restore", reason=reason)


def post_remove(*, post: Post, moderator, reason: str) -> Post:
    return post_moderate(post=post, moderator=moderator, action="remove", reason=reason)


@transaction.atomic
def member_suspend(*, user, moderator, until: datetime, reason: str) -> Suspension:
    """Stop a member from posting until a moment in the future; logged and emailed."""
    if not is_moderator(moderator):
        raise ForumError(_("Only moderators can do this."))
    if user.pk == moderator.pk:
        raise ForumError(_("You cannot suspend yourself."))
    if until <= timezone.now():
        raise ValidationError({"until": _("The end of the suspension must be in the future.")})
    suspension = Suspension(user=user, until=until, reason=reason, created_by=moderator)
    suspension.full_clean()
    suspension.save()
    until_text = timezone.localtime(until).strftime("%d-%m-%Y %H:%M")
    _log(
        action=ModerationAction.Action.SUSPEND,
        moderator=moderator,
        target_user=user,
        reason=_("%(reason)s (until %(until)s)") % {"reason": reason, "until": until_text},
    )
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "forum/email/suspended.txt", {"user": user, "until": until_text, "reason": reason}
        )
        subject = _("You cannot post on the forum for a while")
    _enqueue_email(to=user.email, subject=subject, body=body)
    return suspension


def _log(*, action: str, moderator, reason: str, post: Post | None = None, target_user=None):
    entry = ModerationAction(
        action=action,
        moderator=moderator,
        post=post,
        target_user=target_user if target_user is not None else (post.author if post else None),
        reason=reason,
    )
    entry.full_clean()
    entry.save()
    return entry


# --- subscriptions and email -------------------------------------------------------------------


@transaction.atomic
def subscription_add(*, user, topic: Topic | None = None, category: Category | None = None):
    """Follow a topic or a category; following twice changes nothing."""
    if (topic is None) == (category is None):
        raise ValueError("Give a topic or a category.")
    subscription, _created = Subscription.objects.get_or_create(
        user=user, topic=topic, category=category
    )
    return subscription


@transaction.atomic
def subscription_remove(*, user, topic: Topic | None = None, category: Category | None = None):
    """Stop following a topic or a category."""
    Subscription.objects.filter(user=user, topic=topic, category=category).delete()


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _enqueue_email(*, to: str, subject: str, body: str) -> None:
    # After commit, so nobody is emailed about something that was rolled back.
    transaction.on_commit(lambda: send_forum_email.enqueue(to=to, subject=subject, body=body))


def _tell_author(*, post: Post, action: str, reason: str) -> None:
    author = post.author
    if author is None or not author.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "forum/email/moderated.txt",
            {
                "user": author,
                "post": post,
                "action": ModerationAction.Action(action).label,
                "reason": reason,
                "topic_url": _absolute(post.topic.get_absolute_url()),
                "forum_url": _absolute(reverse("forum:index")),
            },
        )
        subject = _("A moderator looked at your post in “%(topic)s”") % {"topic": post.topic.title}
    _enqueue_email(to=author.email, subject=subject, body=body)


def _post_became_visible(post: Post) -> None:
    _topic_refresh(post.topic)
    _notify_subscribers(post)


def _notify_subscribers(post: Post) -> None:
    """Email followers of the topic or its category now, or queue the post for their digest."""
    topic = post.topic
    subscriptions = (
        Subscription.objects.filter(Q(topic=topic) | Q(category_id=topic.category_id))
        .exclude(user_id=post.author_id)
        .select_related("user")
    )
    users = {s.user_id: s.user for s in subscriptions if s.user.is_active}
    digest = []
    for user in users.values():
        if user.notification_preference == "immediate":
            with translation.override(settings.LANGUAGE_CODE):
                body = render_to_string(
                    "forum/email/new_post.txt",
                    {
                        "user": user,
                        "post": post,
                        "topic": topic,
                        "url": _absolute(post.get_absolute_url()),
                        "profile_url": _absolute(reverse("profile")),
                    },
                )
                subject = _("New post in “%(topic)s”") % {"topic": topic.title}
            _enqueue_email(to=user.email, subject=subject, body=body)
        elif user.notification_preference == "digest":
            digest.append(DigestItem(user=user, post=post))
    DigestItem.objects.bulk_create(digest, ignore_conflicts=True)


def digest_send() -> int:
    """Send each member one email with the new posts they follow; returns the emails sent."""
    sent = 0
    items = DigestItem.objects.select_related("user", "post__topic", "post__author").order_by(
        "user_id", "post__created"
    )
    by_user: dict[int, list[DigestItem]] = {}
    for item in items:
        by_user.setdefault(item.user_id, []).append(item)
    for entries in by_user.values():
        user = entries[0].user
        posts = [e.post for e in entries if e.post.is_visible]
        with transaction.atomic():
            DigestItem.objects.filter(pk__in=[e.pk for e in entries]).delete()
            if not posts or user.notification_preference != "digest" or not user.is_active:
                continue
            with translation.override(settings.LANGUAGE_CODE):
                body = render_to_string(
                    "forum/email/digest.txt",
                    {
                        "user": user,
                        "posts": [(p, _absolute(p.get_absolute_url())) for p in posts],
                        "profile_url": _absolute(reverse("profile")),
                    },
                )
                subject = _("New on the forum: %(count)s posts you follow") % {"count": len(posts)}
            _enqueue_email(to=user.email, subject=subject, body=body)
            sent += 1
    return sent
