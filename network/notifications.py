"""Emails about work for a person (a new match request, a flagged post), by their preferences.

An app declares a kind once and sends through `notify`::

    notification_kinds.register(
        "matchcentrum.new_request",
        _("New match requests"),
        audience=is_project_team,  # who may choose a preference for it (shown on the profile)
    )
    notify(
        kind="matchcentrum.new_request",
        recipients=users_with_roles(PROJECT_TEAM),
        template="matchcentrum/email/new_request.txt",  # first line is the subject
        context={"municipality": "Almere"},  # JSON-serialisable: it goes through a task
        url_name="matchcentrum:request_detail",
        url_args=[request.pk],
    )

Each recipient's preference for the kind decides: `immediate` (an email now), `digest` (kept
for `manage.py send_notification_digests`) or `none`. Emails are rendered in the recipient's
language and link to `WAGTAILADMIN_BASE_URL`, the site's public address.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from .models import NotificationDigestItem

IMMEDIATE = "immediate"
DIGEST = "digest"
NONE = "none"


@dataclass(frozen=True)
class NotificationKind:
    key: str
    label: Any  # a lazy translation
    audience: Callable[[Any], bool]
    default: str = IMMEDIATE


class NotificationKindRegistry:
    def __init__(self) -> None:
        self._kinds: dict[str, NotificationKind] = {}

    def register(
        self,
        key: str,
        label: Any,
        *,
        audience: Callable[[Any], bool],
        default: str = IMMEDIATE,
    ) -> NotificationKind:
        kind = NotificationKind(key=key, label=label, audience=audience, default=default)
        self._kinds[key] = kind
        return kind

    def unregister(self, key: str) -> None:
        self._kinds.pop(key, None)

    def get(self, key: str) -> NotificationKind | None:
        return self._kinds.get(key)

    def for_user(self, user) -> list[NotificationKind]:
        """The kinds this person receives, and so may set a preference for."""
        return [kind for key, kind in sorted(self._kinds.items()) if kind.audience(user)]


notification_kinds = NotificationKindRegistry()


def preference_of(user, key: str) -> str:
    """A person's choice for a kind: immediate, digest or none (the kind's default if unset)."""
    kind = notification_kinds.get(key)
    default = kind.default if kind else IMMEDIATE
    value = (user.notification_settings or {}).get(key, default)
    return value if value in (IMMEDIATE, DIGEST, NONE) else default


def users_with_roles(*roles: str) -> QuerySet:
    """Active people with any of these roles (superusers count as project team)."""
    query = Q(groups__name__in=roles)
    if "project_team" in roles:
        query |= Q(is_superuser=True)
    return get_user_model().objects.filter(query, is_active=True).distinct()


def absolute_url(path: str) -> str:
    """A link for an email: the configured public address, never the request's host."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def page_absolute_url(page, request=None) -> str:
    """A Wagtail page's link for an email, a calendar file or a share link.

    The page's own site root can be a placeholder (`localhost` in a fresh install); the
    configured public address is what people can open. With a request, the path is in the
    visitor's language.
    """
    parts = page.get_url_parts(request)
    return absolute_url(parts[2] if parts else "/")


def notify(
    *,
    kind: str,
    recipients: Iterable,
    template: str,
    context: dict[str, Any],
    url_name: str,
    url_args: list | tuple = (),
) -> None:
    """Queue the notification for everyone who wants it, after the current transaction."""
    user_ids = [user.pk for user in recipients]
    if not user_ids:
        return
    transaction.on_commit(
        lambda: send_notification.enqueue(
            kind=kind,
            user_ids=user_ids,
            template=template,
            context=context,
            url_name=url_name,
            url_args=list(url_args),
        )
    )


def _subject(text: str) -> str:
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    return prefix + " ".join(text.split())


@task()
def send_notification(
    *, kind: str, user_ids: list[int], template: str, context: dict, url_name: str, url_args: list
) -> int:
    """Email (or keep for the digest) one notification, per person in their own language.

    The template's first line is the subject, the rest the body.
    """
    sent = 0
    for user in get_user_model().objects.filter(pk__in=user_ids, is_active=True):
        preference = preference_of(user, kind)
        if preference not in (IMMEDIATE, DIGEST):
            continue
        with translation.override(user.language or settings.LANGUAGE_CODE):
            url = absolute_url(reverse(url_name, args=url_args))
            text = render_to_string(template, {**context, "url": url, "recipient": user})
            subject, _newline, body = text.strip().partition("\n")
            if preference == DIGEST:
                NotificationDigestItem.objects.create(
                    user=user, kind=kind, subject=subject.strip()[:300], url=url
                )
                continue
            sent += send_mail(_subject(subject), body.strip() + "\n", None, [user.email])
    return sent


def send_digests() -> int:
    """One email per person with what was kept for their digest; returns how many were sent."""
    sent = 0
    user_ids = NotificationDigestItem.objects.values_list("user_id", flat=True).distinct()
    for user in get_user_model().objects.filter(pk__in=list(user_ids)):
        with transaction.atomic():
            items = list(NotificationDigestItem.objects.select_for_update().filter(user=user))
            if not items:
                continue
            with translation.override(user.language or settings.LANGUAGE_CODE):
                subject = ngettext(
                    "%(count)s notification of today",
                    "%(count)s notifications of today",
                    len(items),
                ) % {"count": len(items)}
                body = render_to_string(
                    "network/email/digest.txt",
                    {
                        "items": items,
                        "recipient": user,
                        "profile_url": absolute_url(reverse("profile")),
                        "intro": _("What happened today that you asked to hear about:"),
                    },
                )
            NotificationDigestItem.objects.filter(pk__in=[item.pk for item in items]).delete()
            if user.is_active:
                sent += send_mail(_subject(subject), body, None, [user.email])
    return sent
