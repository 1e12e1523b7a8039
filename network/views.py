"""Views of the foundation: site search, the profile and its privacy actions, robots.txt, errors."""

import json
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page, Site

from . import registry
from .forms import DeleteAccountForm, ProfileForm, SiteSearchForm
from .pagination import paginate
from .privacy import delete_account, export_user_data
from .search import search_query

SEARCH_PAGE_SIZE = 10


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SiteSearchForm(request.GET or None)
    query = ""
    results = None
    status = 200
    if form.is_bound:
        if form.is_valid():
            query = form.cleaned_data["q"].strip()
        else:
            status = 400
    searched = search_query(query) if query else None
    if query and searched is None:  # only quotes or signs: nothing to look for
        results = paginate(request, [], SEARCH_PAGE_SIZE)
    if searched is not None:
        found = Page.objects.live().public().specific().search(searched)
        results = paginate(request, found, SEARCH_PAGE_SIZE)
    return render(
        request,
        "network/search.html",
        {"form": form, "query": query, "results": results},
        status=status,
    )


SITE_OVERVIEW_MAX_CHILDREN = 15
"""A section's pages are listed when it has at most this many (not 342 municipalities)."""


@require_GET
def site_overview(request: HttpRequest) -> HttpResponse:
    """The sitemap for people: every section and its pages, and the parts outside the page
    tree from the main menu. `/sitemap.xml` stays for search engines."""
    site = Site.find_for_request(request)
    sections = []
    if site is not None:
        home = site.root_page
        children = home.get_children().live().public()
        if get_language() != settings.LANGUAGE_CODE:
            children = children.specific()  # their English titles
        children = list(children)
        small = [page for page in children if 0 < page.numchild <= SITE_OVERVIEW_MAX_CHILDREN]
        grandchildren: dict[str, list[Page]] = {}
        if small:
            query = Q()
            for page in small:
                query |= Q(path__startswith=page.path, depth=page.depth + 1)
            pages = Page.objects.filter(query).live().public().order_by("path")
            if get_language() != settings.LANGUAGE_CODE:
                pages = pages.specific()
            for child in pages:
                grandchildren.setdefault(child.path[: -Page.steplen], []).append(child)
        sections = [
            {"page": page, "children": grandchildren.get(page.path, [])} for page in children
        ]
    return render(
        request,
        "network/site_overview.html",
        {"sections": sections, "more": registry.main_menu.for_request(request)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Your profile has been saved."))
            return redirect("profile")
        return render(request, "network/profile.html", {"form": form}, status=400)
    return render(request, "network/profile.html", {"form": form})


@login_required
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """A person's start page: what waits for them, then what each app has for them."""
    groups = registry.inbox.for_user(request.user)
    total = sum(group.total for group in groups)
    request.inbox_total = total  # the header's count reuses it instead of counting again
    return render(request, "network/start.html", {"inbox_groups": groups, "inbox_total": total})


@login_required
@require_http_methods(["GET", "POST"])
def profile_delete(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = request.user
            logout(request)
            delete_account(user)
            messages.success(request, _("Your account and personal data have been deleted."))
            return redirect("/")
        return render(request, "network/profile_delete.html", {"form": form}, status=400)
    return render(request, "network/profile_delete.html", {"form": form})


@login_required
@require_GET
def profile_export(request: HttpRequest) -> HttpResponse:
    payload = json.dumps(export_user_data(request.user), indent=2, ensure_ascii=False, default=str)
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mijn-gegevens-{stamp}.json"'
    return response


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /profiel/",
        "Disallow: /en/accounts/",
        "Disallow: /en/profiel/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "400.html", status=400)


def forbidden(
    request: HttpRequest,
    *,
    reason: str,
    next_url: str = "",
    next_label: str = "",
    status: int = 403,
) -> HttpResponse:
    """The site's "not possible" page: why the person cannot do this, and where to go instead.

    Without a next step it offers the home page. `status` is 403 unless the request clashes
    with the current state (409).
    """
    if not next_url:
        next_url = reverse("wagtail_serve", args=[""])
        next_label = next_label or _("Go to the home page")
    return render(
        request,
        "403.html",
        {"reason": reason, "next_url": next_url, "next_label": next_label},
        status=status,
    )


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    """handler403: a raised PermissionDenied shows its message on the shared page."""
    reason = str(exception) if exception is not None and str(exception) else ""
    reason = reason or _("You do not have access to this page.")
    if not request.user.is_authenticated:
        # The next step for a visitor: log in, and come back here.
        login = reverse("account_login") + "?" + urlencode({"next": request.get_full_path()})
        return forbidden(request, reason=reason, next_url=login, next_label=_("Log in"))
    # Someone signed in who lacks a role or link: the team can give it.
    return forbidden(
        request,
        reason=reason,
        next_url=reverse("start"),
        next_label=_("Go to My network; ask the project team if you think you need access"),
    )


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without context processors that could fail again.
    return HttpResponse(loader.get_template("500.html").render({"request": None}), status=500)
