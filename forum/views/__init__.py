"""Views of the forum, by concern: reading, writing and moderating. Rules live in services."""

from .moderation import member_suspend, moderation_log, moderation_queue, post_moderate
from .reading import category_detail, index, post_redirect, search, topic_detail
from .writing import (
    post_create,
    post_edit,
    post_flag,
    post_quote,
    subscription_toggle,
    topic_create,
)

__all__ = [
    "category_detail",
    "index",
    "member_suspend",
    "moderation_log",
    "moderation_queue",
    "post_create",
    "post_edit",
    "post_flag",
    "post_moderate",
    "post_quote",
    "post_redirect",
    "search",
    "subscription_toggle",
    "topic_create",
    "topic_detail",
]
