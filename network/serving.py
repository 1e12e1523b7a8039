"""Serving Wagtail pages with fewer queries than Wagtail's own lookups, with the same result.

Wagtail finds the route from the site's root to a page in two queries per level (the child,
then its specific page). Here it takes two: one for every page along the path, one for the
page's own fields. Pages that route in their own way (routable pages such as the agenda) get
the rest of the path, as in Wagtail. The site and the view restrictions come from
`network.lookups`, remembered per process.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.models import Page

from .lookups import site_for_request

# `_route` answers this where Wagtail's own routing should decide.
LEAVE_TO_WAGTAIL = object()


def _route(request: HttpRequest, path: str):
    """Wagtail's `Page.route_for_request` result for this path, in two queries where possible."""
    site = site_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    rows = {
        pk: (url_path, content_type_id)
        for pk, url_path, content_type_id in Page.objects.filter(
            Q(pk=site.root_page_id) | Q(slug__in=components)
        ).values_list("pk", "url_path", "content_type_id")
    }
    if site.root_page_id not in rows:
        return LEAVE_TO_WAGTAIL
    by_url_path = {url_path: (pk, type_id) for pk, (url_path, type_id) in rows.items()}
    url_path, content_type_id = rows[site.root_page_id]
    chain = [(site.root_page_id, content_type_id)]
    for component in components:
        url_path += f"{component}/"
        if url_path not in by_url_path:
            break  # the last page found answers for the rest: a 404, or its own route
        chain.append(by_url_path[url_path])
    for level, (pk, content_type_id) in enumerate(chain):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:  # a page type whose app is gone
            return LEAVE_TO_WAGTAIL
        if model.route is not Page.route or level == len(chain) - 1:
            page = model._default_manager.get(pk=pk)
            return page.route(request, components[level:])
    raise AssertionError("unreachable: the chain always has the site's root page")


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's serve view, with the route found first in fewer queries (see `_route`)."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False) and not hasattr(
        request, "_wagtail_route_for_request"
    ):
        try:
            found = _route(request, path)
        except Http404:
            found = None
        if found is not LEAVE_TO_WAGTAIL:
            # Wagtail's serve view uses a route already kept on the request.
            request._wagtail_route_for_request = found
    return wagtail_views.serve(request, path)


def _serve_chain(page: Page, request: HttpRequest, args, kwargs) -> HttpResponse:
    return page.serve(request, *args, **kwargs)


def serve_page(request: HttpRequest, page: Page | None) -> HttpResponse:
    """Serve a live page found by the caller's own (cheaper) lookup; 404 for None.

    Runs the documented `on_serve_page` and `before_serve_page` hooks as `wagtail.views.serve`
    does, so view restrictions and other serve hooks still apply; only Wagtail's level-by-level
    routing (two queries per level) is skipped.
    """
    if page is None:
        raise Http404
    site_for_request(request)
    chain = _serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        chain = fn(chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, [], {})
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, [], {})
