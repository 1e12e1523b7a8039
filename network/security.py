"""Two-factor authentication for the people who see health data or moderate people.

The project team, moderators and superusers must set up an authenticator app (allauth's MFA:
TOTP and recovery codes) before they can use the site, and may add a security key or passkey
(WebAuthn) next to it; their sessions are shorter and their logins are logged. Members may turn
two-factor on themselves, with either.
"""

import logging

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .roles import is_moderator, is_project_team

logger = logging.getLogger("network.security")

# Account pages (log out, re-authenticate, set up two-factor) stay reachable before set-up.
MFA_EXEMPT_PARTS = ("/accounts/", "/static/", "/media/", "/i18n/")


def needs_two_factor(user) -> bool:
    """Whether `user` sees special-category data or moderates people."""
    return bool(
        user.is_authenticated and (user.is_superuser or is_project_team(user) or is_moderator(user))
    )


@receiver(user_logged_in)
def privileged_login(sender, request: HttpRequest, user, **kwargs) -> None:
    """Shorter sessions for privileged roles, and a log line for each of their logins."""
    if request is None or not needs_two_factor(user):
        return
    request.session.set_expiry(settings.PRIVILEGED_SESSION_AGE)
    logger.info(
        "privileged login: user=%s ip=%s two_factor=%s",
        user.pk,
        request.META.get("REMOTE_ADDR", ""),
        is_mfa_enabled(user),
    )


class TwoFactorRequiredMiddleware:
    """Sends privileged users without an authenticator to its set-up before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        user = getattr(request, "user", None)
        if (
            settings.MFA_REQUIRED_FOR_PRIVILEGED_ROLES
            and user is not None
            and needs_two_factor(user)
            and not any(part in request.path for part in MFA_EXEMPT_PARTS)
            and not is_mfa_enabled(user)
        ):
            messages.warning(
                request,
                _(
                    "Your role gives access to personal data. Set up two-step verification "
                    "with an authenticator app before you continue."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
