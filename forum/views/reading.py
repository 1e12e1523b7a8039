"""Reading the forum: the categories, a category's topics, a topic's posts, search."""

from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from network.pagination import paginate
from network.roles import expert_flag, is_moderator
from network.search import search_query

from ..forms import ForumSearchForm, PostForm
from ..models import Category, Post, Subscription, Topic
from .common import (
    POSTS_PER_PAGE,
    SEARCH_PER_PAGE,
    TOPICS_PER_PAGE,
    CountedPaginator,
    may_read,
    readable_categories,
    readable_posts,
)


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    categories = readable_categories(request).annotate(
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
    if not may_read(request, category):
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
    page_obj = paginate(request, topics, TOPICS_PER_PAGE)
    return render(
        request,
        "forum/category.html",
        {
            "category": category,
            "page_obj": page_obj,
            "is_subscribed": getattr(category, "is_subscribed", False),
        },
    )


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
    if not may_read(request, topic.category):
        return redirect_to_login(request.get_full_path())
    moderator = is_moderator(user)
    posts = readable_posts(request, topic)
    # Readers other than moderators see the visible posts plus their own pending ones, which the
    # topic already counts; only moderators need a COUNT over every status.
    known = None if moderator else topic.visible_post_count + getattr(topic, "own_pending", 0)
    if known == 0:
        raise Http404
    page_obj = paginate(
        request,
        posts.select_related("author")
        .annotate(author_is_expert=expert_flag("author"))
        .order_by("created", "pk"),
        POSTS_PER_PAGE,
        paginator_class=CountedPaginator,
        known_count=known,
    )
    if page_obj.paginator.count == 0:
        raise Http404
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
    if not may_read(request, post.topic.category):
        return redirect_to_login(request.get_full_path())
    readable = readable_posts(request, post.topic)
    if not readable.filter(pk=post.pk).exists():
        raise Http404
    number = readable.page_number_of(post, POSTS_PER_PAGE)
    url = post.topic.get_absolute_url()
    if number > 1:
        url += f"?page={number}"
    return HttpResponseRedirect(f"{url}#post-{post.pk}")


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
    searched = search_query(query) if query else None
    if query and searched is None:  # only quotes or signs: nothing to look for
        results = paginate(request, [], SEARCH_PER_PAGE)
    if searched is not None:
        # Only visible posts in categories this visitor may read are ever searched.
        posts = Post.objects.filter(status=Post.Status.VISIBLE)
        if not request.user.is_authenticated:
            posts = posts.filter(
                topic__in=Topic.objects.filter(category__is_public=True).values("pk")
            )
        found = posts.search(searched)
        results = paginate(request, found, SEARCH_PER_PAGE)
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
