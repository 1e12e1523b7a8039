"""Everything that writes to the forum: posting, moderating and notifying.

The public API lives in the modules below and is re-exported here, so callers use
`from forum import services` and `services.post_create(...)`.
"""

from .errors import ForumError, PostBlocked, PostingSuspended, RateLimited, TopicLocked
from .moderation import (
    TRANSITIONS,
    allowed_actions,
    flags_to_hide,
    member_suspend,
    post_approve,
    post_flag,
    post_hide,
    post_moderate,
)
from .notifications import digest_send, subscription_add, subscription_remove
from .posting import (
    active_suspension,
    approved_posts_before_trusted,
    is_trusted,
    new_member_posts_per_hour,
    post_create,
    post_edit,
    topic_create,
    topic_refresh,
    watched_word_match,
)

__all__ = [
    "TRANSITIONS",
    "ForumError",
    "PostBlocked",
    "PostingSuspended",
    "RateLimited",
    "TopicLocked",
    "active_suspension",
    "allowed_actions",
    "approved_posts_before_trusted",
    "digest_send",
    "flags_to_hide",
    "is_trusted",
    "member_suspend",
    "new_member_posts_per_hour",
    "post_approve",
    "post_create",
    "post_edit",
    "post_flag",
    "post_hide",
    "post_moderate",
    "subscription_add",
    "subscription_remove",
    "topic_create",
    "topic_refresh",
    "watched_word_match",
]
