"""Whole responses cached for anonymous visitors, served with HTTP caching and compression.

Why not Django's cache middleware: it keys on the Cookie header when a response varies on it,
so every visitor with a CSRF cookie gets entries of their own, and it would cache pages of
logged-in users per session. wagtail-cache (built on it) does not support Wagtail 8, and it
empties the whole cache on publish only, not on the domain writes (registrations, posts,
status changes) that change pages too. This middleware uses Django's helpers for the HTTP
parts and the site-wide content token of `network.cache` for invalidation.

A response is stored only when the request carries no session or messages cookie and the
response sets no cookie, used no CSRF token, varies on nothing but language, cookies and
encoding, and is a public 200 of a text type. Everything else passes through untouched, and
responses for signed-in visitors are marked `private, no-store`.
"""

import gzip
import hashlib
import logging
import threading
from collections import OrderedDict
from functools import partial

import brotli
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.translation import get_language_from_path

from .cache import effective_token, read_with_token, shared_token

logger = logging.getLogger(__name__)

# Text types: worth caching and worth compressing (HTML, JSON, CSV, iCal, SVG, feeds).
CACHEABLE_TYPES = frozenset(
    {
        "text/html",
        "text/plain",
        "text/csv",
        "text/calendar",
        "text/xml",
        "application/json",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
        "image/svg+xml",
    }
)
# Vary values a stored page may carry: the key already covers language and encoding, and
# requests with a session or messages cookie never read from the cache.
ALLOWED_VARY = frozenset({"cookie", "accept-language", "accept-encoding"})
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")
MIN_COMPRESS_BYTES = 512
# Stored headers that describe the stored body; set again for each answer.
BODY_HEADERS = frozenset({"content-length", "content-encoding", "etag", "cache-control", "vary"})


class LocalEntries:
    """The entries this process served lately, in memory, least recently used out first.

    A large page (the overview is 250 KB, with its gzip and brotli bodies 300 KB) would otherwise
    travel from the shared cache and be unpickled at every request. An entry here is used only
    while its token is still the shared cache's current one, so a write in any process makes
    it stale at once, just like the shared copy.
    """

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: OrderedDict[str, tuple[dict, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, token: str) -> dict | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None or found[0]["token"] != token:
                return None
            self._entries.move_to_end(key)
            return found[0]

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def put(self, key: str, entry: dict) -> None:
        size = sum(len(entry[name]) for name in ("identity", "gzip", "br") if name in entry)
        if size > self.max_bytes // 4:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.size -= old[1]
            self._entries[key] = (entry, size)
            self.size += size
            while self.size > self.max_bytes:
                _key, (_entry, dropped) = self._entries.popitem(last=False)
                self.size -= dropped

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.size = 0


LOCAL = LocalEntries(settings.PAGE_CACHE_LOCAL_BYTES)


class PageCacheMiddleware:
    """Serve anonymous GET requests from the shared cache; store what is safe to share."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not cache_applies(request):
            return mark_private(request, self.get_response(request))
        key = page_key(request)
        if key in LOCAL:
            # Only the small tokens travel; the body is in this process already.
            token = effective_token(shared_token())
            entry = LOCAL.get(key, token)
            if entry is not None:
                return answer(request, entry, "hit")
            entry = cache.get(key)
        else:
            shared, entry = read_with_token(key)
            token = effective_token(shared)
        if entry is not None and entry["token"] == token:
            LOCAL.put(key, entry)
            return answer(request, entry, "hit")
        response = self.get_response(request)
        if not storable(request, response):
            return mark_private(request, response)
        # The visitor gets the page in the one encoding they take; the other encodings and the
        # write to the shared cache follow once the page is sent (Django runs a response's
        # closers after the server has written the body), so they add nothing to the wait of
        # the first visitor after a change.
        entry = make_entry(response, token, encodings=client_encodings(request)[:1])
        answered = answer(request, entry, "miss")
        answered._resource_closers.append(partial(store, key, entry))
        return answered


def cache_applies(request: HttpRequest) -> bool:
    """Whether this request may be answered from (and stored in) the anonymous page cache."""
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    path = request.path_info
    language = get_language_from_path(path)
    if language:
        path = path.removeprefix(f"/{language}")
    return not path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))


def page_key(request: HttpRequest) -> str:
    """Language, scheme, host and the full path with its query string."""
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    url = f"{language}|{request.scheme}|{request.get_host()}|{request.get_full_path()}"
    return "page:" + hashlib.sha256(url.encode()).hexdigest()


def storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether a response is the same for every anonymous visitor and carries no secret."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES):
        return False
    if response.has_header("Content-Encoding"):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if not vary <= ALLOWED_VARY:
        return False
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return content_type in CACHEABLE_TYPES


# Compressed encodings, best first.
ENCODERS = {
    "br": lambda body: brotli.compress(body, quality=5),
    "gzip": lambda body: gzip.compress(body, compresslevel=6, mtime=0),
}


def make_entry(response: HttpResponse, token: str, encodings=tuple(ENCODERS)) -> dict:
    """What the cache keeps of a response: status, headers, and the body in these encodings."""
    body = response.content
    entry = {
        "token": token,
        "status": response.status_code,
        "headers": [(k, v) for k, v in response.items() if k.lower() not in BODY_HEADERS],
        "etag": hashlib.md5(body, usedforsecurity=False).hexdigest(),
        "identity": body,
    }
    add_encodings(entry, encodings)
    return entry


def add_encodings(entry: dict, encodings=tuple(ENCODERS)) -> None:
    body = entry["identity"]
    if len(body) >= MIN_COMPRESS_BYTES:
        for encoding in encodings:
            if encoding not in entry:
                entry[encoding] = ENCODERS[encoding](body)


def store(key: str, entry: dict) -> None:
    """Complete an entry with every encoding and keep it, here and in the shared cache."""
    try:
        add_encodings(entry)
        cache.set(key, entry, settings.PAGE_CACHE_TIMEOUT)
        LOCAL.put(key, entry)
    except Exception:
        # Django drops errors of closers silently; the page was served, so log and go on.
        logger.exception("Storing a page in the page cache failed")


def client_encodings(request: HttpRequest) -> list[str]:
    """The compressed encodings the client accepts, best first."""
    accepted = set()
    for part in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, _sep, params = part.strip().partition(";")
        if params.replace(" ", "").lower() in {"q=0", "q=0.0", "q=0.00", "q=0.000"}:
            continue
        accepted.add(name.strip().lower())
    return [encoding for encoding in ENCODERS if encoding in accepted]


def accepted_encoding(request: HttpRequest, entry: dict) -> str:
    """The best encoding both the client and the entry have: br, gzip, or identity."""
    for encoding in client_encodings(request):
        if encoding in entry:
            return encoding
    return "identity"


def answer(request: HttpRequest, entry: dict, state: str) -> HttpResponseBase:
    """A response from a stored entry: 304 when the client has it, else the encoded body."""
    encoding = accepted_encoding(request, entry)
    # A strong validator names one representation, so each encoding has its own.
    etag = f'"{entry["etag"]}"' if encoding == "identity" else f'"{entry["etag"]}-{encoding}"'
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match and (etag in parse_etags(if_none_match) or if_none_match.strip() == "*"):
        response = HttpResponseNotModified()
    else:
        body = entry[encoding]
        response = HttpResponse(body if request.method == "GET" else b"", status=entry["status"])
        for header, value in entry["headers"]:
            response[header] = value
        if encoding != "identity":
            response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(body))
    response["ETag"] = etag
    patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_CACHE_MAX_AGE,
        stale_while_revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
    )
    response["X-Page-Cache"] = state
    return response


def mark_private(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """A response for one visitor (signed in, or given a cookie or CSRF token) stays private."""
    if response.has_header("Cache-Control"):
        return response
    user = getattr(request, "user", None)
    if (
        (user is not None and user.is_authenticated)
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    ):
        patch_cache_control(response, private=True, no_store=True)
    return response
