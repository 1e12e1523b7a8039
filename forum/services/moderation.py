"""Moderating the forum: flags, the moderators' decisions, suspensions and the log."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from network.dates import local_datetime_text
from network.roles import is_moderator

from ..models import Flag, ModerationAction, Post, Suspension
from .errors import ForumError
from .notifications import enqueue_email, notify_subscribers, tell_author
from .posting import topic_refresh


def flags_to_hide() -> int:
    return getattr(settings, "FORUM_FLAGS_TO_HIDE", 3)


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
        topic_refresh(post.topic)
        reason_text = _(
            "Hidden automatically after %(count)s flags, until a moderator decides."
        ) % {"count": post.flag_count}
        _log(
            action=ModerationAction.Action.AUTO_HIDE, moderator=None, post=post, reason=reason_text
        )
        tell_author(post=post, action=ModerationAction.Action.AUTO_HIDE, reason=reason_text)
    return flag


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
        topic_refresh(post.topic)
    _log(action=action, moderator=moderator, post=post, reason=reason)
    tell_author(post=post, action=action, reason=reason)
    if post.is_visible and not was_visible and action == ModerationAction.Action.APPROVE:
        notify_subscribers(post)
    return post


def post_approve(*, post: Post, moderator, reason: str) -> Post:
    return post_moderate(post=post, moderator=moderator, action="approve", reason=reason)


def post_hide(*, post: Post, moderator, reason: str) -> Post:
    return post_moderate(post=post, moderator=moderator, action="hide", reason=reason)


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
    until_text = local_datetime_text(until)
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
    enqueue_email(to=user.email, subject=subject, body=body)
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
