"""What a forum rule raises when it stops an action."""


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
