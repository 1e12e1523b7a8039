"""The start page /mijn-netwerk/ in a real browser: per role accessible, and by keyboard only
from logging in to recording a new LIA status in one link from the start page."""

import pytest
from playwright.sync_api import expect

from .conftest import assert_no_horizontal_scroll

PASSWORD = "Iedereen-doet-mee-2026"
OFFICIAL = "ambtenaar@example.org"  # linked to Amsterdam by the demo data


def _keyboard_login(page, email: str) -> None:
    """Log in by typing, the form sent with Enter; the login lands on the start page."""
    page.goto("/accounts/login/")
    field = page.get_by_label("E-mail", exact=False).first
    field.focus()
    page.keyboard.type(email)
    # The "forgot your password?" link sits between the two fields, so focus the password field.
    page.locator("input[name=password]").focus()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/mijn-netwerk/")


@pytest.mark.parametrize(
    "email,heading",
    [
        ("ambtenaar@example.org", "Mijn gemeente"),
        ("ervaringsdeskundige@example.org", "Mijn netwerk"),
        ("moderator@example.org", "Moderatie van het forum"),
        ("team@example.org", "Wacht op u"),
        ("lid@example.org", "Mijn netwerk"),
    ],
)
def test_start_page_per_role_is_accessible(page, assert_accessible, email, heading):
    _keyboard_login(page, email)
    expect(page.locator("h1")).to_have_text("Mijn netwerk")
    expect(page.get_by_role("heading", name=heading).first).to_be_visible()
    expect(page.locator(".service-nav a[aria-current=page]")).to_contain_text("Mijn netwerk")
    assert_accessible(page, f"start page of {email}")
    assert_no_horizontal_scroll(page)


def test_official_records_a_status_from_the_start_page_by_keyboard(page):
    _keyboard_login(page, OFFICIAL)
    # The first link of the page's own content after the header is the municipality; Tab on to
    # the update button (one link from the start page) and follow it with Enter.
    update = page.get_by_role("link", name="LIA-status van Amsterdam bijwerken")
    page.locator("#main-content").focus()
    for _step in range(30):
        page.keyboard.press("Tab")
        if update.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("The update button cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/gemeenten/amsterdam/#record-title")
    before = page.locator(".lia-timeline li").count()
    # From the form's heading on, by keyboard: the first status option, then the date.
    for _step in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "lia-status":
            break
    page.keyboard.press("Space")
    page.locator("#id_lia-date").focus()
    # A date field in a Dutch browser takes day, month and year in that order.
    page.keyboard.type("01062025")
    page.keyboard.press("Enter")
    expect(page.locator(".message--success")).to_be_visible()
    assert page.locator(".lia-timeline li").count() == before + 1
