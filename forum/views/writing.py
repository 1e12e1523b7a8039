"""Writing on the forum: topics, replies, quotes, edits, flags and following."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from network.roles import is_moderator

from .. import services
from ..forms import FlagForm, PostForm, TopicForm
from ..models import Category, Flag, Post, Topic
from .common import (
    error_response,
    forum_forbidden,
    member_required,
    posting_blocked,
)


@member_required
@require_http_methods(["GET", "POST"])
def topic_create(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category, slug=slug)
    blocked = posting_blocked(request)
    if blocked is not None and request.method == "GET":
        return blocked
    form = TopicForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "category": category}
    if request.method == "GET":
        return render(request, "forum/topic_form.html", context)
    if not form.is_valid():
        return render(request, "forum/topic_form.html", context, status=400)
    try:
        topic = services.topic_create(
            category=category,
            author=request.user,
            title=form.cleaned_data["title"],
            body_markdown=form.cleaned_data["body_markdown"],
            municipality=form.cleaned_data.get("municipality"),
            themes=form.cleaned_data.get("themes") or (),
        )
    except (services.ForumError, ValidationError) as error:
        return error_response(request, "forum/topic_form.html", context, form, error)
    first = topic.posts.first()
    if first is not None and first.is_visible:
        messages.success(request, _("Your topic has been published."))
    else:
        messages.info(
            request,
            _("Thank you. A moderator will look at your topic before others can see it."),
        )
    return redirect(topic)


@member_required
@require_http_methods(["GET", "POST"])
def post_create(request: HttpRequest, pk: int, quote: Post | None = None) -> HttpResponse:
    topic = get_object_or_404(Topic.objects.select_related("category"), pk=pk)
    blocked = posting_blocked(request)
    if blocked is not None and request.method == "GET":
        return blocked
    if topic.is_locked and not is_moderator(request.user):
        return forum_forbidden(request, _("This topic is closed; no new replies can be added."))
    initial = {}
    if quote is not None:
        name = quote.author.get_full_name() if quote.author else _("deleted member")
        quoted = "\n".join(f"> {line}" for line in quote.body_markdown.splitlines())
        initial["body_markdown"] = f"> **{name}:**\n>\n{quoted}\n\n"
    form = PostForm(request.POST if request.method == "POST" else None, initial=initial)
    context = {"form": form, "topic": topic, "category": topic.category, "quote": quote}
    if request.method == "GET":
        return render(request, "forum/post_form.html", context)
    if not form.is_valid():
        return render(request, "forum/post_form.html", context, status=400)
    try:
        post = services.post_create(
            topic=topic, author=request.user, body_markdown=form.cleaned_data["body_markdown"]
        )
    except (services.ForumError, ValidationError) as error:
        return error_response(request, "forum/post_form.html", context, form, error)
    if post.is_visible:
        messages.success(request, _("Your reply has been posted."))
    else:
        messages.info(
            request, _("Thank you. A moderator will look at your reply before others can see it.")
        )
    return redirect(post)


@member_required
@require_GET
def post_quote(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("author", "topic__category"), pk=pk)
    if not post.is_visible:
        raise Http404
    return post_create(request, pk=post.topic_id, quote=post)


@member_required
@require_http_methods(["GET", "POST"])
def post_edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("topic__category"), pk=pk)
    moderator = is_moderator(request.user)
    if post.author_id != request.user.pk and not moderator:
        return forum_forbidden(request, _("You can only edit your own posts."))
    if post.status == Post.Status.REMOVED:
        return forum_forbidden(request, _("A removed post cannot be edited."))
    blocked = None if moderator else posting_blocked(request)
    if blocked is not None and request.method == "GET":
        return blocked
    form = PostForm(
        request.POST if request.method == "POST" else None,
        initial={"body_markdown": post.body_markdown},
    )
    context = {"form": form, "topic": post.topic, "category": post.topic.category, "post": post}
    if request.method == "GET":
        return render(request, "forum/post_edit.html", context)
    if not form.is_valid():
        return render(request, "forum/post_edit.html", context, status=400)
    try:
        post = services.post_edit(
            post=post, editor=request.user, body_markdown=form.cleaned_data["body_markdown"]
        )
    except (services.ForumError, ValidationError) as error:
        return error_response(request, "forum/post_edit.html", context, form, error)
    messages.success(request, _("Your changes have been saved."))
    return redirect(post)


@member_required
@require_http_methods(["GET", "POST"])
def post_flag(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("author", "topic__category"), pk=pk)
    if not post.is_visible:
        raise Http404
    if post.author_id == request.user.pk:
        return forum_forbidden(request, _("You cannot flag your own post."))
    if Flag.objects.filter(post=post, user=request.user).exists():
        return forum_forbidden(request, _("You have already flagged this post."), status=409)
    form = FlagForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "post": post, "topic": post.topic, "category": post.topic.category}
    if request.method == "GET":
        return render(request, "forum/flag_form.html", context)
    if not form.is_valid():
        return render(request, "forum/flag_form.html", context, status=400)
    try:
        services.post_flag(
            post=post,
            user=request.user,
            reason=form.cleaned_data["reason"],
            text=form.cleaned_data["text"],
        )
    except (services.ForumError, ValidationError) as error:
        return error_response(request, "forum/flag_form.html", context, form, error)
    messages.success(request, _("Thank you. The moderators will look at this post."))
    return redirect(post.topic)


@member_required
@require_POST
def subscription_toggle(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    if kind == "topic":
        target = {"topic": get_object_or_404(Topic.objects.select_related("category"), pk=key)}
        category = target["topic"].category
    else:
        category = get_object_or_404(Category, slug=key)
        target = {"category": category}
    follow = request.POST.get("follow") == "1"
    if follow:
        services.subscription_add(user=request.user, **target)
        messages.success(request, _("You are now following this. We email you about new posts."))
    else:
        services.subscription_remove(user=request.user, **target)
        messages.success(request, _("You no longer follow this."))
    obj = target.get("topic") or category
    return redirect(obj)
