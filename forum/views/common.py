"""What the forum's views share: access checks, the "not possible" page, list sizes."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from network.accounts import has_verified_email
from network.dates import local_datetime_text
from network.roles import is_moderator
from network.views import forbidden

from .. import services
from ..models import Category, Post, Topic

TOPICS_PER_PAGE = 25
POSTS_PER_PAGE = 20
QUEUE_PER_PAGE = 25
LOG_PER_PAGE = 50
SEARCH_PER_PAGE = 20


class CountedPaginator(Paginator):
    """A paginator told its count, so big lists reuse a denormalised number instead of COUNT(*)."""

    def __init__(self, *args, known_count: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._known_count = known_count

    @cached_property
    def count(self) -> int:
        if self._known_count is not None:
            return self._known_count
        return super().count


def forum_forbidden(request: HttpRequest, message: str, status: int = 403) -> HttpResponse:
    """The site's "not possible" page, with the way back to the forum."""
    return forbidden(
        request,
        reason=message,
        next_url=reverse("forum:index"),
        next_label=_("Back to the forum"),
        status=status,
    )


def may_read(request: HttpRequest, category: Category) -> bool:
    return category.is_public or request.user.is_authenticated


def readable_categories(request: HttpRequest):
    categories = Category.objects.all()
    if not request.user.is_authenticated:
        categories = categories.filter(is_public=True)
    return categories


def member_required(view):
    """Logged in with a verified email address: the condition for writing anything."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not has_verified_email(request.user):
            return forum_forbidden(
                request,
                _("Confirm your email address first; we sent you a link when you signed up."),
            )
        return view(request, *args, **kwargs)

    return wrapper


def moderator_required(view):
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_moderator(request.user):
            return forum_forbidden(request, _("Only moderators can see this page."))
        return view(request, *args, **kwargs)

    return wrapper


def posting_blocked(request: HttpRequest) -> HttpResponse | None:
    """A suspended member sees why at once, before writing anything."""
    suspension = services.active_suspension(request.user)
    if suspension is None:
        return None
    return forum_forbidden(
        request,
        _("You cannot post until %(until)s. Reason: %(reason)s")
        % {"until": local_datetime_text(suspension.until), "reason": suspension.reason},
    )


def readable_posts(request: HttpRequest, topic: Topic):
    posts = Post.objects.filter(topic=topic)
    if is_moderator(request.user):
        return posts
    return posts.readable_by(request.user)


def error_response(request, template: str, context: dict, form, error) -> HttpResponse:
    if isinstance(error, ValidationError):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return render(request, template, context, status=400)
    form.add_error(None, error.message)
    response = render(request, template, context, status=error.status)
    if getattr(error, "retry_after", None):
        response["Retry-After"] = str(error.retry_after)
    return response
