"""Two-step verification by keyboard, and the security headers a browser sees."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from .conftest import PASSWORD, login

# Long journeys: they start first, so both workers finish together (tests/conftest.py).
pytestmark = [pytest.mark.e2e, pytest.mark.slow]

EMAIL = "tweestaps@example.org"


def totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture(scope="module")
def fresh_member(manage):
    """A member of its own, so turning two-step verification on changes no demo account."""
    manage(
        "shell",
        "-c",
        "from network.factories import UserFactory; "
        f"UserFactory(email='{EMAIL}', display_name='Tess Tweestaps')",
    )
    return EMAIL


def test_security_headers_and_strict_policy(page):
    response = page.goto("/")
    headers = response.headers
    policy = headers["content-security-policy"]
    assert "default-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert "camera=()" in headers["permissions-policy"]
    assert headers["cross-origin-resource-policy"] == "same-origin"


def test_two_step_enrolment_and_login_by_keyboard(page, assert_accessible, fresh_member):
    login(page, fresh_member, PASSWORD)
    page.goto("/accounts/2fa/totp/activate/")
    if "/reauthenticate/" in page.url:
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("input[name=password]").press("Enter")
        page.wait_for_url(re.compile("/accounts/2fa/totp/activate/"))
    assert_accessible(page, "two-step set-up")
    secret = page.locator("#authenticator_secret").input_value()

    # a wrong code: an error the user can find, and the page stays accessible
    code = page.locator("input[name=code]")
    code.focus()
    page.keyboard.type("000000")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page, "two-step set-up with an error")

    # the field keeps the wrong code: select it and type over it
    page.locator("input[name=code]").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type(totp_code(secret))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/accounts/2fa/totp/activate/" not in page.url

    # log out and in again: the code is asked after the password
    page.context.clear_cookies()
    login(page, fresh_member, PASSWORD)
    expect(page).to_have_url(re.compile("/accounts/2fa/authenticate/"))
    assert_accessible(page, "two-step code at login")
    page.locator("input[name=code]").focus()
    time.sleep(max(0, 30 - time.time() % 30) + 0.5)  # a new period: each code works once
    page.keyboard.type(totp_code(secret))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/accounts/2fa/authenticate/" not in page.url
    assert "/accounts/login/" not in page.url


KEY_EMAIL = "sleutel@example.org"


@pytest.fixture(scope="module")
def key_member(manage):
    """A member of its own for the security key journey."""
    manage(
        "shell",
        "-c",
        "from network.factories import UserFactory; "
        f"UserFactory(email='{KEY_EMAIL}', display_name='Sem Sleutel')",
    )
    return KEY_EMAIL


def test_a_security_key_is_added_and_used_at_login_by_keyboard(
    page, base_url, assert_accessible, key_member
):
    # WebAuthn wants a domain name, not an IP address, as the site's identity.
    origin = base_url.replace("127.0.0.1", "localhost")
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )["authenticatorId"]
    page.goto(origin + "/accounts/login/")
    page.get_by_label("E-mail", exact=False).first.fill(key_member)
    page.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")

    page.goto(origin + "/accounts/2fa/webauthn/add/")
    if "/reauthenticate/" in page.url:
        page.locator("input[name=password]").fill(PASSWORD)
        with page.expect_navigation():
            page.locator("input[name=password]").press("Enter")
    expect(page).to_have_url(re.compile("/accounts/2fa/webauthn/add/"))
    assert_accessible(page, "security key set-up")
    page.locator("input[name=name]").fill("Sleutel aan mijn sleutelbos")
    page.locator("#mfa_webauthn_add").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/accounts/2fa/webauthn/add/" not in page.url
    credentials = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})
    assert len(credentials["credentials"]) == 1
    page.goto(origin + "/accounts/2fa/")
    expect(page.get_by_text("U heeft 1 beveiligingssleutel toegevoegd.")).to_be_visible()
    assert_accessible(page, "two-step overview with a security key")

    # log out and in again: after the password the key is asked for, by keyboard
    page.context.clear_cookies()
    page.goto(origin + "/accounts/login/")
    page.get_by_label("E-mail", exact=False).first.fill(key_member)
    page.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    expect(page).to_have_url(re.compile("/accounts/2fa/authenticate/"))
    assert_accessible(page, "security key at login")
    page.locator("#mfa_webauthn_authenticate").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/accounts/2fa/authenticate/" not in page.url
    assert "/accounts/login/" not in page.url
    page.goto(origin + "/mijn-netwerk/")
    expect(page.locator("h1")).to_have_text("Mijn netwerk")
