"""Two-step verification by keyboard, and the security headers a browser sees."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from .conftest import PASSWORD, login

pytestmark = pytest.mark.e2e

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
