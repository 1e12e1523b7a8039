"""Views of the forum: reading, writing, flagging, following and moderating. Rules live in services."""

from functools import wraps

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from network.roles import is_moderator

from . import services
from .forms import FlagForm, ForumSearchForm, ModerationForm, PostForm, SuspendForm, TopicForm
from .models import Category, Flag, ModerationAction, Post, Subscription, Topic

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


def _page(paginator: Paginator, request: HttpRequest):
    # A mistyped or too-high page number shows the nearest page rather than an error.
    return paginator.get_page(request.GET.get("page"))


def _forbidden(request: HttpRequest, message: str, status: int = 403) -> HttpResponse:
    return render(request, "forum/forbidden.html", {"message": message}, status=status)


def _may_read(request: HttpRequest, category: Category) -> bool:
    return category.is_public or request.user.is_authenticated


def _readable_categories(request: HttpRequest):
    categories = Category.objects.all()
    if not request.user.is_authenticated:
        categories = categories.filter(is_public=True)
    return categories


def _has_verified_email(user) -> bool:
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def member_required(view):
    """Logged in with a verified email address: the condition for writing anything."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not _has_verified_email(request.user):
            return _forbidden(
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
            return _forbidden(request, _("Only moderators can see this page."))
        return view(request, *args, **kwargs)

    return wrapper


def _posting_blocked(request: HttpRequest) -> HttpResponse | None:
    """A suspended member sees why at once, before writing anything."""
    suspension = services.active_suspension(request.user)
    if suspension is None:
        return None
    return _forbidden(
        request,
        _("You cannot post until %(until)s. Reason: %(reason)s")
        % {"until": suspension.until.strftime("%d-%m-%Y %H:%M"), "reason": suspension.reason},
    )


# --- reading -----------------------------------------------------------------------------------


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    categories = _readable_categories(request).annotate(
        topic_count=Count("topics", filter=Q(topics__visible_post_count__gt=0))
    )
    return render(
        request,
        "forum/index.html",
        {
            "categories": categories,
            "search_form": ForumSearchForm(),
            "is_moderator": is_moderator(request.user),
        },
    )


@require_GET
def category_detail(request: HttpRequest, slug: str) -> HttpResponse:
    categories = Category.objects.all()
    if request.user.is_authenticated:
        categories = categories.annotate(
            is_subscribed=Exists(
                Subscription.objects.filter(user=request.user, category=OuterRef("pk"))
            )
        )
    category = get_object_or_404(categories, slug=slug)
    if not _may_read(request, category):
        return redirect_to_login(request.get_full_path())
    topics = (
        Topic.objects.visible()
        .filter(category=category)
        .select_related("author", "municipality")
        .only(
            "pk",
            "title",
            "created",
            "last_activity_at",
            "visible_post_count",
            "is_locked",
            "category_id",
            "author__display_name",
            "author__email",
            "municipality__title",
        )
        .order_by("-last_activity_at", "-pk")
    )
    page_obj = _page(Paginator(topics, TOPICS_PER_PAGE), request)
    return render(
        request,
        "forum/category.html",
        {
            "category": category,
            "page_obj": page_obj,
            "is_subscribed": getattr(category, "is_subscribed", False),
        },
    )


def _readable_posts(request: HttpRequest, topic: Topic):
    posts = Post.objects.filter(topic=topic)
    if is_moderator(request.user):
        return posts
    return posts.readable_by(request.user)


@require_GET
def topic_detail(request: HttpRequest, pk: int) -> HttpResponse:
    topics = Topic.objects.select_related("category", "municipality", "author")
    user = request.user
    if user.is_authenticated:
        # Folded into the topic's own query so a long topic stays within a few queries.
        topics = topics.annotate(
            is_subscribed=Exists(Subscription.objects.filter(user=user, topic=OuterRef("pk"))),
            own_pending=Coalesce(
                Subquery(
                    Post.objects.filter(
                        topic=OuterRef("pk"), author=user, status=Post.Status.PENDING
                    )
                    .order_by()
                    .values("topic")
                    .annotate(n=Count("pk"))
                    .values("n")
                ),
                0,
            ),
        )
    topic = get_object_or_404(topics, pk=pk)
    if not _may_read(request, topic.category):
        return redirect_to_login(request.get_full_path())
    moderator = is_moderator(user)
    posts = _readable_posts(request, topic)
    # Readers other than moderators see the visible posts plus their own pending ones, which the
    # topic already counts; only moderators need a COUNT over every status.
    known = None if moderator else topic.visible_post_count + getattr(topic, "own_pending", 0)
    if known == 0:
        raise Http404
    paginator = CountedPaginator(
        posts.select_related("author").order_by("created", "pk"), POSTS_PER_PAGE, known_count=known
    )
    if paginator.count == 0:
        raise Http404
    page_obj = _page(paginator, request)
    return render(
        request,
        "forum/topic.html",
        {
            "topic": topic,
            "category": topic.category,
            "page_obj": page_obj,
            "themes": topic.themes.all(),
            "is_moderator": moderator,
            "is_subscribed": getattr(topic, "is_subscribed", False),
            "reply_form": PostForm() if user.is_authenticated else None,
        },
    )


@require_GET
def post_redirect(request: HttpRequest, pk: int) -> HttpResponse:
    """A stable link to one post: the topic page it is on, scrolled to it."""
    post = get_object_or_404(Post.objects.select_related("topic__category"), pk=pk)
    if not _may_read(request, post.topic.category):
        return redirect_to_login(request.get_full_path())
    readable = _readable_posts(request, post.topic)
    if not readable.filter(pk=post.pk).exists():
        raise Http404
    before = readable.filter(Q(created__lt=post.created) | Q(created=post.created, pk__lt=post.pk))
    number = before.count() // POSTS_PER_PAGE + 1
    url = post.topic.get_absolute_url()
    if number > 1:
        url += f"?page={number}"
    return HttpResponseRedirect(f"{url}#post-{post.pk}")


# --- writing -----------------------------------------------------------------------------------


def _error_response(request, template: str, context: dict, form, error) -> HttpResponse:
    if isinstance(error, ValidationError):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return render(request, template, context, status=400)
    form.add_error(None, error.message)
    return render(request, template, context, status=error.status)


@member_required
@require_http_methods(["GET", "POST"])
def topic_create(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category, slug=slug)
    blocked = _posting_blocked(request)
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
        return _error_response(request, "forum/topic_form.html", context, form, error)
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
    blocked = _posting_blocked(request)
    if blocked is not None and request.method == "GET":
        return blocked
    if topic.is_locked and not is_moderator(request.user):
        return _forbidden(request, _("This topic is closed; no new replies can be added."))
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
        return _error_response(request, "forum/post_form.html", context, form, error)
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
        return _forbidden(request, _("You can only edit your own posts."))
    if post.status == Post.Status.REMOVED:
        return _forbidden(request, _("A removed post cannot be edited."))
    blocked = None if moderator else _posting_blocked(request)
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
        return _error_response(request, "forum/post_edit.html", context, form, error)
    messages.success(request, _("Your changes have been saved."))
    return redirect(post)


@member_required
@require_http_methods(["GET", "POST"])
def post_flag(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("author", "topic__category"), pk=pk)
    if not post.is_visible:
        raise Http404
    if post.author_id == request.user.pk:
        return _forbidden(request, _("You cannot flag your own post."))
    if Flag.objects.filter(post=post, user=request.user).exists():
        return _forbidden(request, _("You have already flagged this post."), status=409)
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
        return _error_response(request, "forum/flag_form.html", context, form, error)
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


# --- moderating --------------------------------------------------------------------------------


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
    page_obj = _page(Paginator(posts, QUEUE_PER_PAGE), request)
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
        return _error_response(request, "forum/post_moderate.html", context, form, error)
    messages.success(request, _("Your decision has been saved and the author has been emailed."))
    return redirect("forum:moderation_queue")


@moderator_required
@require_GET
def moderation_log(request: HttpRequest) -> HttpResponse:
    actions = ModerationAction.objects.select_related(
        "moderator", "target_user", "post__topic"
    ).order_by("-created", "-pk")
    page_obj = _page(Paginator(actions, LOG_PER_PAGE), request)
    return render(request, "forum/moderation_log.html", {"page_obj": page_obj})


@moderator_required
@require_http_methods(["GET", "POST"])
def member_suspend(request: HttpRequest, user_id: int) -> HttpResponse:
    member = get_object_or_404(get_user_model(), pk=user_id)
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
        return _error_response(request, "forum/suspend_form.html", context, form, error)
    messages.success(request, _("The member has been suspended and emailed."))
    return redirect("forum:moderation_log")


# --- search ------------------------------------------------------------------------------------


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = ForumSearchForm(request.GET or None)
    query = ""
    status = 200
    results = None
    if form.is_bound:
        if form.is_valid():
            query = form.cleaned_data["q"].strip()
        else:
            status = 400
    if query:
        # Only visible posts in categories this visitor may read are ever searched.
        posts = Post.objects.filter(status=Post.Status.VISIBLE)
        if not request.user.is_authenticated:
            posts = posts.filter(
                topic__in=Topic.objects.filter(category__is_public=True).values("pk")
            )
        found = posts.search(query)
        results = _page(Paginator(found, SEARCH_PER_PAGE), request)
        hydrated = {
            p.pk: p
            for p in Post.objects.filter(pk__in=[r.pk for r in results.object_list]).select_related(
                "author", "topic__category"
            )
        }
        results.object_list = [hydrated[r.pk] for r in results.object_list if r.pk in hydrated]
    return render(
        request,
        "forum/search.html",
        {"form": form, "query": query, "results": results},
        status=status,
    )
