"""Views of the foundation: site search, the profile and its privacy actions, robots.txt."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page

from .forms import DeleteAccountForm, ProfileForm, SiteSearchForm
from .privacy import delete_account, export_user_data

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
    if query:
        found = Page.objects.live().public().specific().search(query)
        paginator = Paginator(found, SEARCH_PAGE_SIZE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            results = paginator.page(1)
    return render(
        request,
        "network/search.html",
        {"form": form, "query": query, "results": results},
        status=status,
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


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    message = str(exception) if exception and str(exception) else ""
    return render(request, "403.html", {"exception": message}, status=403)


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without context processors that could fail again.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render({"request": None}), status=500)
