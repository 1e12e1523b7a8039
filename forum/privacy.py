"""What the forum holds about a person, for 'Download my data'."""

from typing import Any

from .models import Flag, Post, Subscription, Topic


def export_forum_data(user) -> dict[str, Any]:
    """The member's topics, posts (with their status), flags and subscriptions."""
    return {
        "topics": [
            {
                "title": topic.title,
                "category": topic.category.name,
                "created": topic.created.isoformat(),
            }
            for topic in Topic.objects.filter(author=user).select_related("category")
        ],
        "posts": [
            {
                "topic": post.topic.title,
                "text": post.body_markdown,
                "status": post.status,
                "created": post.created.isoformat(),
                "edited": post.edited_at.isoformat() if post.edited_at else None,
            }
            for post in Post.objects.filter(author=user).select_related("topic")
        ],
        "flags": [
            {"post": flag.post_id, "reason": flag.reason, "text": flag.text}
            for flag in Flag.objects.filter(user=user)
        ],
        "subscriptions": [
            str(sub.topic or sub.category)
            for sub in Subscription.objects.filter(user=user).select_related("topic", "category")
        ],
    }
