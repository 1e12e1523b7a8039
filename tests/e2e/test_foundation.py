"""The foundation in a real browser: every page type accessible, in Dutch and English."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import assert_no_horizontal_scroll, login

PUBLIC_PAGES = [
    ("/", "home"),
    ("/over-het-netwerk/", "standard page"),
    ("/toegankelijkheid/", "accessibility statement"),
    ("/overzicht-van-de-site/", "site overview"),
    ("/zoeken/", "search, empty"),
    ("/zoeken/?q=netwerk", "search with results"),
    ("/zoeken/?q=xyzzyqwerty", "search without results"),
    ("/accounts/signup/", "sign up"),
    ("/accounts/login/", "log in"),
    ("/accounts/password/reset/", "password reset"),
    ("/bestaat-niet/", "404"),
]


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("path,label", PUBLIC_PAGES)
def test_public_pages_are_accessible(page, assert_accessible, prefix, path, label):
    page.goto(prefix + path)
    expected = "en" if prefix else "nl"
    assert page.locator("html").get_attribute("lang") == expected
    assert_accessible(page, f"{label} ({expected})")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_signup_errors_keep_input_and_are_accessible(page, assert_accessible, prefix):
    page.goto(prefix + "/accounts/signup/")
    page.locator("input[name=email]").fill("not-an-email")
    page.locator("input[name=display_name]").fill("Sam Sample")
    page.locator("input[name=password1]").fill("Een-lang-wachtwoord-1")
    page.locator("input[name=password2]").fill("Iets-anders-2")
    page.locator("main form button[type=submit]").click()
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    # focus moves to the summary so a screen reader announces it
    assert page.evaluate("() => document.activeElement.hasAttribute('data-error-summary')")
    assert page.locator("input[name=email]").input_value() == "not-an-email"
    assert page.locator("input[name=display_name]").input_value() == "Sam Sample"
    assert page.locator("input[name=email]").get_attribute("aria-invalid") == "true"
    assert_accessible(page, "sign up with errors")


def test_login_error_state_is_accessible(page, assert_accessible):
    page.goto("/accounts/login/")
    page.locator("input[name=login]").fill("lid@example.org")
    page.locator("input[name=password]").fill("wrong password")
    page.locator("main form button[type=submit]").click()
    assert page.locator("[data-error-summary]").is_visible()
    assert page.locator("input[name=login]").input_value() == "lid@example.org"
    assert_accessible(page, "log in with errors")


def test_password_reset_error_state_is_accessible(page, assert_accessible):
    page.goto("/en/accounts/password/reset/")
    page.locator("input[name=email]").fill("nope")
    page.locator("main form button[type=submit]").click()
    assert page.locator("[data-error-summary]").is_visible()
    assert_accessible(page, "password reset with errors")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_profile_by_keyboard(page, assert_accessible, prefix):
    login(page, "ervaringsdeskundige@example.org")
    page.goto(prefix + "/profiel/")
    assert_accessible(page, "profile")
    field = page.locator("input[name=display_name]")
    field.focus()
    field.fill("")
    page.keyboard.press("Enter")
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_accessible(page, "profile with errors")
    page.locator("input[name=display_name]").fill("Eva E.")
    page.locator("input[name=display_name]").press("Enter")
    expect(page.locator(".message--success")).to_be_visible()
    assert page.locator("input[name=display_name]").input_value() == "Eva E."


def test_skip_link_moves_focus_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert focused == "#main-content"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main-content"


@pytest.mark.parametrize(
    "path",
    ["/", "/over-het-netwerk/", "/zoeken/?q=netwerk", "/accounts/signup/", "/en/accounts/login/"],
)
def test_no_sideways_scrolling_at_320px(browser, base_url, path):
    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(path)
    assert_no_horizontal_scroll(page)
    context.close()


def test_language_switch_keeps_the_page(page):
    page.goto("/over-het-netwerk/")
    page.get_by_role("link", name="English").click()
    assert page.url.endswith("/en/over-het-netwerk/")
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize(
    "path,label",
    [
        ("/accounts/password/change/", "change password"),
        ("/accounts/email/", "email addresses"),
        ("/accounts/logout/", "log out confirmation"),
        ("/profiel/verwijderen/", "delete account"),
    ],
)
def test_account_pages_are_accessible(page, assert_accessible, prefix, path, label):
    login(page, "lid@example.org")
    page.goto(prefix + path)
    assert_accessible(page, label)


def test_delete_account_error_state_is_accessible(page, assert_accessible):
    login(page, "lid@example.org")
    page.goto("/profiel/verwijderen/")
    page.locator("input[name=password]").fill("niet mijn wachtwoord")
    page.locator("input[name=password]").press("Enter")
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_accessible(page, "delete account with errors")


def test_signup_journey_by_keyboard(page, assert_accessible):
    page.goto("/accounts/signup/")
    page.locator("input[name=email]").focus()
    page.keyboard.type("toetsenbord@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("Toetsenbord Gebruiker")
    page.locator("input[name=password1]").focus()
    page.keyboard.type("Een-lang-wachtwoord-7")
    page.keyboard.press("Tab")
    page.keyboard.type("Een-lang-wachtwoord-7")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    assert_accessible(page, "verification sent")


def test_english_visitors_read_translations_and_know_what_is_dutch(page, assert_accessible):
    page.goto("/en/")
    expect(page.locator("main h1")).to_have_text("Iedereen doet mee!")
    expect(page.locator("main .lead")).to_contain_text("The network of municipalities")
    expect(page.locator(".notice--language")).to_have_count(0)
    menu = page.get_by_role("navigation", name="Main menu")
    library = menu.get_by_role("link", name="Practice library")
    expect(library).to_be_visible()
    assert_accessible(page, "home, translated (en)")
    # Keyboard only: from the menu to a translated practice.
    library.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/kennisbank/**")
    expect(page.locator("main h1")).to_have_text("Practice library")
    # The profile of a municipality is not translated: the page says its content is Dutch.
    page.goto("/en/gemeenten/amsterdam/")
    expect(page.locator(".notice--language")).to_contain_text("not available in English yet")
    expect(page.locator("main h1")).to_have_attribute("lang", "nl")
    toggle = page.locator(".lia-current details.easy-read summary")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".lia-current details.easy-read p")).to_be_visible()
    expect(page.locator(".lia-current details.easy-read p")).to_have_attribute("lang", "nl")
    assert_accessible(page, "profile with the LIA in easy language (en)")
