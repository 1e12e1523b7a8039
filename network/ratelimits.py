"""Rate limits for writes that send email, counted in the Django cache.

A limit reads like allauth's: "10/h/ip,3/h/key" = at most 10 per hour from one IP address and
3 per hour for one key (an email address, a link token). Windows are fixed (they start on the
hour, the minute, ...), so the answer can say exactly when to try again. In production the
cache must be shared by all web processes (REDIS_URL); local memory is per process.
"""

import hashlib
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import ngettext

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int
    scope: str  # "ip" or "key"


def parse_limits(spec: str) -> list[Limit]:
    """'10/h/ip,3/5m/key' -> [Limit(10, 3600, 'ip'), Limit(3, 300, 'key')]."""
    limits = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        count, period, scope = part.split("/")
        number = "".join(c for c in period if c.isdigit()) or "1"
        limits.append(Limit(int(count), int(number) * PERIODS[period[-1]], scope))
    return limits


def client_ip(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def rate_limit_hit(request: HttpRequest, action: str, *, key: str = "") -> int | None:
    """Count one attempt at `action`; the seconds to wait if a limit is exceeded, else None.

    `key` is what the attempt is about (an email address, a token); it is hashed, never stored.
    """
    spec = getattr(settings, "RATE_LIMITS", {}).get(action)
    if not spec:
        return None
    now = int(time.time())
    wait = None
    for limit in parse_limits(spec):
        value = client_ip(request) if limit.scope == "ip" else key.strip().lower()
        if not value:
            continue
        window = now - now % limit.seconds
        digest = hashlib.sha256(value.encode()).hexdigest()[:32]
        cache_key = f"ratelimit:{action}:{limit.scope}:{digest}:{window}"
        cache.add(cache_key, 0, timeout=limit.seconds)
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, timeout=limit.seconds)
            count = 1
        if count > limit.count:
            wait = max(wait or 0, window + limit.seconds - now)
    return wait


def _when(wait: int) -> dict:
    retry_at = timezone.localtime() + timedelta(seconds=wait)
    return {"minutes": max(1, round(wait / 60)), "retry_at": time_format(retry_at, "H:i")}


def rate_limit_message(wait: int) -> str:
    """A form error for a rate-limited form, saying when to try again."""
    when = _when(wait)
    return (
        ngettext(
            "You sent this form too often in a short time. Try again in about %(minutes)s minute, "
            "at %(retry_at)s.",
            "You sent this form too often in a short time. Try again in about %(minutes)s minutes, "
            "at %(retry_at)s.",
            when["minutes"],
        )
        % when
    )


def too_many_requests(request: HttpRequest, wait: int) -> HttpResponse:
    """The 429 page in the site's layout: what happened and when to try again."""
    response = render(request, "429.html", _when(wait), status=429)
    response["Retry-After"] = str(wait)
    return response


def with_retry_after(response: HttpResponse, wait: int) -> HttpResponse:
    response.status_code = 429
    response["Retry-After"] = str(wait)
    return response
