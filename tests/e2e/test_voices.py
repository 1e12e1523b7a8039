"""Voices in a real browser: accessible pages and forms, a keyboard-only share journey, 320 px."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import assert_no_horizontal_scroll, login

# Long journeys: they start first, so both workers finish together (tests/conftest.py).
pytestmark = pytest.mark.slow

MEMBER = "lid@example.org"  # linked to Ieder(in) regio Noord in the demo data
TEAM = "team@example.org"
MODERATOR = "moderator@example.org"
VOICE_TITLE = "Ik wil zelf de bus kunnen nemen"  # has an easy-read version


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_reading_pages_are_accessible(page, assert_accessible, prefix):
    lang = "en" if prefix else "nl"
    page.goto(prefix + "/stemmen/")
    assert page.locator("html").get_attribute("lang") == lang
    expect(page.locator("[role=status]").first).to_contain_text(re.compile(r"\d+"))
    assert_accessible(page, f"voices list ({lang})")
    page.goto(prefix + "/stemmen/?province=Groningen&page=1")
    assert_accessible(page, f"voices list filtered ({lang})")
    page.goto(prefix + "/stemmen/")
    page.get_by_role("link", name=VOICE_TITLE).first.click()
    expect(page.locator("h1")).to_have_text(VOICE_TITLE)
    expect(page.locator(".voice__share a").first).to_be_visible()
    assert_accessible(page, f"voice page ({lang})")
    page.goto(prefix + "/organisaties/")
    assert_accessible(page, f"organisations ({lang})")
    page.locator("main .organisation-list a").first.click()
    expect(page).to_have_url(re.compile(r"/organisaties/[\w-]+/$"))
    assert_accessible(page, f"organisation page ({lang})")


def test_list_with_a_bad_filter_is_accessible(page, assert_accessible):
    page.goto("/stemmen/?municipality=bestaat-niet")
    assert page.last_document.status == 400
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_accessible(page, "voices list with a filter error")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_share_form_accessible_empty_with_errors_and_preview(page, assert_accessible, prefix):
    lang = "en" if prefix else "nl"
    login(page, MEMBER)
    page.goto(prefix + "/stemmen/delen/")
    assert_accessible(page, f"share form ({lang})")
    page.locator("input[name=consent_publish]").uncheck()
    page.locator("textarea[name=body_markdown]").fill("Alleen tekst, zonder toestemming")
    page.locator("main form button[name=send]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert page.locator("textarea[name=body_markdown]").input_value() == (
        "Alleen tekst, zonder toestemming"
    )
    assert_accessible(page, f"share form with errors ({lang})")
    page.locator("input[name=consent_publish]").check()
    page.locator("main form button[name=preview]").click()
    expect(page.locator(".voice-preview")).to_be_visible()
    assert_accessible(page, f"share form preview ({lang})")


def test_organisation_form_accessible_empty_and_with_errors(page, assert_accessible):
    login(page, MEMBER)
    page.goto("/organisaties/aanmelden/")
    assert_accessible(page, "organisation form")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_accessible(page, "organisation form with errors")


def test_moderation_pages_are_accessible(page, assert_accessible):
    login(page, TEAM)
    page.goto("/stemmen/moderatie/")
    expect(page.locator("table caption")).to_be_visible()
    assert_accessible(page, "voices moderation queue")
    page.locator("main table a").first.click()
    expect(page).to_have_url(re.compile(r"/stemmen/moderatie/\d+/$"))
    assert_accessible(page, "moderate a voice")
    page.locator("input[value=decline]").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_accessible(page, "moderate a voice with errors")
    page.goto("/stemmen/moderatie/")
    page.locator("main ul a[href*='/organisaties/beoordelen/']").first.click()
    expect(page).to_have_url(re.compile(r"/organisaties/beoordelen/"))
    assert_accessible(page, "decide on an organisation")


def test_members_cannot_open_the_queue(page):
    login(page, MEMBER)
    page.goto("/stemmen/moderatie/")
    expect(page.locator("h1")).to_have_text("Niet mogelijk")


def test_pages_reflow_at_320_px(page):
    page.set_viewport_size({"width": 320, "height": 640})
    for url in ("/stemmen/", "/organisaties/"):
        page.goto(url)
        assert_no_horizontal_scroll(page)
    page.goto("/stemmen/")
    page.get_by_role("link", name=VOICE_TITLE).first.click()
    assert_no_horizontal_scroll(page)
    login(page, MEMBER)
    page.goto("/stemmen/delen/")
    assert_no_horizontal_scroll(page)


def test_keyboard_user_shares_edits_and_withdraws_a_voice(browser, base_url):
    context = browser.new_context(base_url=base_url, locale="nl-NL")
    page = context.new_page()
    login(page, MEMBER)
    page.goto("/stemmen/")
    page.get_by_role("link", name="Deel uw stem").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/stemmen/delen/$"))
    page.locator("input[name=title]").focus()
    page.keyboard.type("Toetsenbordtest: een loep in het stemhokje")
    page.keyboard.press("Tab")
    page.keyboard.type("Ik zie slecht. Met een loep kan ik zelf stemmen.")
    # To the consent box by keyboard, then Space to tick it.
    page.locator("input[name=consent_publish]").focus()
    page.keyboard.press("Space")
    assert page.locator("input[name=consent_publish]").is_checked()
    page.locator("main form button[name=preview]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".voice-preview")).to_contain_text("Met een loep")
    page.locator("main form button[name=send]").focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Toetsenbordtest: een loep in het stemhokje")
    expect(page.locator("main [role=status]").first).to_be_visible()

    page.get_by_role("link", name="Uw stem aanpassen").focus()
    page.keyboard.press("Enter")
    page.locator("input[name=title]").focus()
    page.keyboard.press("End")
    page.keyboard.type(" (aangepast)")
    page.locator("main form button[name=send]").focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("(aangepast)")

    page.get_by_role("link", name="Uw stem intrekken").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Ja, trek mijn stem in").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/stemmen/mijn-stemmen/$"))
    expect(page.locator("main table")).to_contain_text("Ingetrokken")
    context.close()
