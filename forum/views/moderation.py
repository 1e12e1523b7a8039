"""The moderators' pages: the queue, a decision on a post, suspensions and the log."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from network.pagination import paginate

from .. import services
from ..forms import ModerationForm, SuspendForm
from ..models import ModerationAction, Post
from .common import (
    LOG_PER_PAGE,
    QUEUE_PER_PAGE,
    error_response,
    moderator_required,
)


@moderator_required
@require_GET
def moderation_queue(request: HttpRequest) -> HttpResponse:
    posts = (
        Post.objects.filter(
            Q(status=Post.Status.PENDING)
            | Q(flag_count__gt=0, status__in=[Post.Status.VISIBLE, Post.Status.HIDDEN])
        )
        .select_related("author", "topic__category")
        .order_by("created", "pk")
    )
    page_obj = paginate(request, posts, QUEUE_PER_PAGE)
    return render(request, "forum/moderation_queue.html", {"page_obj": page_obj})


@moderator_required
@require_http_methods(["GET", "POST"])
def post_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("author", "topic__category"), pk=pk)
    actions = services.allowed_actions(post)
    form = ModerationForm(request.POST if request.method == "POST" else None, actions=actions)
    context = {
        "form": form,
        "post": post,
        "topic": post.topic,
        "category": post.topic.category,
        "flags": post.flags.filter(resolved=False).select_related("user"),
        "revisions": post.revisions.select_related("edited_by"),
        "history": post.moderation_actions.select_related("moderator"),
        "actions": actions,
        "may_suspend_author": post.author is not None
        and services.may_suspend(moderator=request.user, user=post.author),
    }
    if request.method == "GET":
        return render(request, "forum/post_moderate.html", context)
    if not form.is_valid():
        return render(request, "forum/post_moderate.html", context, status=400)
    try:
        services.post_moderate(
            post=post,
            moderator=request.user,
            action=form.cleaned_data["action"],
            reason=form.cleaned_data["reason"],
        )
    except (services.ForumError, ValidationError) as error:
        return error_response(request, "forum/post_moderate.html", context, form, error)
    messages.success(request, _("Your decision has been saved and the author has been emailed."))
    return redirect("forum:moderation_queue")


@moderator_required
@require_GET
def moderation_log(request: HttpRequest) -> HttpResponse:
    actions = ModerationAction.objects.select_related(
        "moderator", "target_user", "post__topic"
    ).order_by("-created", "-pk")
    page_obj = paginate(request, actions, LOG_PER_PAGE)
    return render(request, "forum/moderation_log.html", {"page_obj": page_obj})


@moderator_required
@require_http_methods(["GET", "POST"])
def member_suspend(request: HttpRequest, user_id: int) -> HttpResponse:
    member = get_object_or_404(get_user_model(), pk=user_id)
    if not services.may_suspend(moderator=request.user, user=member):
        raise PermissionDenied(
            _("Moderators can suspend members, not the project team, administrators or each other.")
        )
    form = SuspendForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "member": member}
    if request.method == "GET":
        return render(request, "forum/suspend_form.html", context)
    if not form.is_valid():
        return render(request, "forum/suspend_form.html", context, status=400)
    try:
        services.member_suspend(
            user=member,
            moderator=request.user,
            until=form.until(),
            reason=form.cleaned_data["reason"],
        )
    except (services.ForumError, ValidationError) as error:
        return error_response(request, "forum/suspend_form.html", context, form, error)
    messages.success(request, _("The member has been suspended and emailed."))
    return redirect("forum:moderation_log")
