"""Serving a page an app has already found, the way Wagtail's own serve view does."""

from django.http import Http404, HttpRequest, HttpResponse
from wagtail import hooks
from wagtail.models import Page


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
    chain = _serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        chain = fn(chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, [], {})
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, [], {})
