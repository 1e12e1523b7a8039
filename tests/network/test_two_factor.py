"""Two-factor authentication: required for the project team, moderators and superusers."""

import re
import runpy
import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.conf import settings
from django.test import override_settings

from network.security import needs_two_factor
from tests.utils import get_html

pytestmark = pytest.mark.django_db
PASSWORD = "Iedereen-doet-mee-2026"


def totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def log_in(client, user) -> None:
    """Through allauth's form, so it knows when the user authenticated (re-authentication)."""
    user.set_password(PASSWORD)
    user.save()
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


def assert_reachable(client, path: str) -> None:
    """The page, or allauth's re-authentication before it: never a loop back to the site."""
    response = client.get(path)
    assert response.status_code == 200 or (
        response.status_code == 302 and response["Location"].startswith("/accounts/")
    ), response


def test_who_needs_two_factor(member, official, expert, moderator, team_member, superuser):
    assert [needs_two_factor(u) for u in (member, official, expert)] == [False] * 3
    assert [needs_two_factor(u) for u in (moderator, team_member, superuser)] == [True] * 3


@override_settings(MFA_REQUIRED_FOR_PRIVILEGED_ROLES=True)
@pytest.mark.parametrize("who", ["team_member", "moderator", "superuser"])
def test_privileged_roles_are_sent_to_set_up_two_factor_first(client, request, who):
    log_in(client, request.getfixturevalue(who))
    response = client.get("/forum/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    assert_reachable(client, "/accounts/2fa/totp/activate/")


@override_settings(MFA_REQUIRED_FOR_PRIVILEGED_ROLES=True)
def test_members_are_not_forced_but_may_turn_it_on(client, member):
    log_in(client, member)
    assert client.get("/forum/").status_code == 200
    assert client.get("/accounts/2fa/").status_code == 200
    assert_reachable(client, "/accounts/2fa/totp/activate/")


@override_settings(MFA_REQUIRED_FOR_PRIVILEGED_ROLES=True)
def test_login_with_a_code_gives_a_short_session_and_a_log_line(client, team_member, caplog):
    secret = generate_totp_secret()
    TOTP.activate(team_member, secret)
    team_member.set_password(PASSWORD)
    team_member.save()
    response = client.post("/accounts/login/", {"login": team_member.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/authenticate/"
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 400
    with caplog.at_level("INFO", logger="network.security"):
        response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get("/forum/").status_code == 200
    assert client.session.get_expiry_age() <= 8 * 60 * 60
    assert f"privileged login: user={team_member.pk}" in caplog.text


def test_a_member_may_add_a_security_key_in_dutch_with_u(client, member):
    """WebAuthn: the page with its data for the browser, in the site's Dutch ('u', not 'je')."""
    log_in(client, member)
    response = client.get("/accounts/2fa/webauthn/add/")
    if response.status_code == 302:  # allauth asks for the password again first
        assert response["Location"].startswith("/accounts/reauthenticate/")
        client.post(response["Location"], {"password": PASSWORD})
        response = client.get("/accounts/2fa/webauthn/add/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<script id="js_data" type="application/json">' in html
    assert 'id="mfa_webauthn_add"' in html
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert not re.search(r"\b(je|jij|jouw)\b", main, re.I), main
    overview = get_html(client, "/accounts/2fa/")
    assert "Beveiligingssleutel" in overview
    # The list of keys (empty here) renders too.
    assert "beveiligingssleutel" in get_html(client, "/accounts/2fa/webauthn/").lower()


def test_production_allows_security_keys_only_over_https():
    production = runpy.run_path(str(settings.BASE_DIR / "network" / "settings" / "base.py"))
    assert "webauthn" in production["MFA_SUPPORTED_TYPES"]
    assert production["MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN"] is False
