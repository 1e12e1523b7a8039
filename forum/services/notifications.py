"""Forum email: following topics and categories, telling authors and followers, the digest."""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from network.notifications import absolute_url

from ..models import Category, DigestItem, ModerationAction, Post, Subscription, Topic
from ..tasks import send_forum_email


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


def enqueue_email(*, to: str, subject: str, body: str) -> None:
    """Send one forum email in the background once the transaction commits."""
    # After commit, so nobody is emailed about something that was rolled back.
    transaction.on_commit(lambda: send_forum_email.enqueue(to=to, subject=subject, body=body))


def tell_author(*, post: Post, action: str, reason: str) -> None:
    """Email the author what a moderator (or the flag limit) did with their post, and why."""
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
                "topic_url": absolute_url(post.topic.get_absolute_url()),
                "forum_url": absolute_url(reverse("forum:index")),
            },
        )
        subject = _("A moderator looked at your post in “%(topic)s”") % {"topic": post.topic.title}
    enqueue_email(to=author.email, subject=subject, body=body)


def notify_subscribers(post: Post) -> None:
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
                        "url": absolute_url(post.get_absolute_url()),
                        "profile_url": absolute_url(reverse("profile")),
                    },
                )
                subject = _("New post in “%(topic)s”") % {"topic": topic.title}
            enqueue_email(to=user.email, subject=subject, body=body)
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
                        "posts": [(p, absolute_url(p.get_absolute_url())) for p in posts],
                        "profile_url": absolute_url(reverse("profile")),
                    },
                )
                subject = _("New on the forum: %(count)s posts you follow") % {"count": len(posts)}
            enqueue_email(to=user.email, subject=subject, body=body)
            sent += 1
    return sent
