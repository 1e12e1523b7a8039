"""Wagtail lookups that run at every page view, remembered per process while Wagtail's data stays.

Wagtail looks up the site for the request's host (one query) and the view restrictions of the
page and its ancestors (two queries) at every page view. Both change rarely, so each process
keeps them under the shared content token of Wagtail's own app (`app_token("wagtailcore")`): a
change in any worker renews that token, and every process looks again at its next request.
"""

import copy
import threading

from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import PageViewRestriction, Site

from .cache import app_token

_lock = threading.Lock()
# Per kind: the wagtailcore token the entries were found under, and the entries.
_found: dict[str, tuple[str, dict]] = {}


def _remembered(kind: str, key, find):
    """`find()`, remembered in this process until Wagtail's data changes in any process."""
    token = app_token("wagtailcore")
    with _lock:
        known_token, entries = _found.get(kind, ("", {}))
        if known_token == token and key in entries:
            return entries[key]
    value = find()
    with _lock:
        known_token, entries = _found.get(kind, ("", {}))
        if known_token != token:
            entries = {}
        if len(entries) < 100:  # hosts come from a header: keep the memory bounded
            entries[key] = value
        _found[kind] = (token, entries)
    return value


def site_for_request(request: HttpRequest) -> Site | None:
    """The Wagtail site for this request, as `Site.find_for_request` finds it and keeps it."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        key = (hostname, request.get_port())
        site = _remembered("site", key, lambda: Site._find_for_request(request))
        # Each request gets its own copy: Wagtail caches the root page on the instance.
        request._wagtail_site = copy.copy(site)
    return request._wagtail_site


def view_restrictions_exist() -> bool:
    """Whether any page has a view restriction; most sites have none."""
    return _remembered("view-restrictions", None, PageViewRestriction.objects.exists)
