"""The matchcentrum in a real browser: accessible in Dutch and English, usable by keyboard."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import login

LANGUAGES = [("", "nl"), ("/en", "en")]


def open_first_request(page, prefix: str, status: str = "open") -> None:
    page.goto(f"{prefix}/matchcentrum/?status={status}")
    page.locator("table tbody th a").first.click()
    expect(page.locator("h1")).to_be_visible()


@pytest.mark.parametrize("prefix,lang", LANGUAGES)
def test_team_pages_are_accessible(page, assert_accessible, prefix, lang):
    login(page, "team@example.org")
    page.goto(f"{prefix}/matchcentrum/")
    expect(page.locator("table caption")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == lang
    assert_accessible(page, f"matchcentrum list ({lang})")

    page.goto(f"{prefix}/matchcentrum/dashboard/")
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page, f"dashboard ({lang})")

    open_first_request(page, prefix)
    expect(page.locator("table.suggestions tbody tr").first).to_be_visible()
    assert page.locator("table.suggestions .reasons li").count() > 0
    assert_accessible(page, f"request with suggestions ({lang})")

    # The propose form with an error: nothing chosen.
    page.locator("#propose-form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_accessible(page, f"propose form with errors ({lang})")

    # The oldest matched request has a completed match (profile consent forms) ...
    open_first_request(page, prefix, status="matched")
    page.locator("main ul li a[href*='/matches/']").first.click()
    expect(page.locator("#history")).to_be_visible()
    assert_accessible(page, f"completed match ({lang})")

    # ... the newest a proposed one, whose next-step form can be sent without a choice.
    page.goto(f"{prefix}/matchcentrum/?status=matched")
    page.locator("table tbody th a").last.click()
    page.locator("main ul li a[href*='/matches/']").first.click()
    expect(page.locator("#next-step")).to_be_visible()
    assert_accessible(page, f"proposed match ({lang})")
    page.locator("form[action$='/status/'] button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_accessible(page, f"match step with errors ({lang})")


@pytest.mark.parametrize("prefix,lang", LANGUAGES)
def test_official_overview_is_accessible(page, assert_accessible, prefix, lang):
    login(page, "ambtenaar@example.org")
    page.goto(f"{prefix}/matchcentrum/mijn-gemeente/")
    expect(page.locator("table caption")).to_be_visible()
    assert_accessible(page, f"my municipality ({lang})")


def test_one_link_answer_is_accessible_without_login(page, assert_accessible, manage):
    script = (
        "from matchcentrum.models import Match;"
        "from matchcentrum.tokens import response_token;"
        "from django.urls import reverse;"
        "m = Match.objects.filter(state='proposed', offering_accepted_at=None).first();"
        "print(reverse('matchcentrum:respond', args=[response_token(m, 'offering', 'accept')]))"
    )
    path = manage("shell", "-c", script).strip().splitlines()[-1]
    page.goto(path)
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page, "one-link answer")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".message--success")).to_be_visible()
    assert_accessible(page, "one-link answer done")


@pytest.mark.parametrize("prefix,lang", LANGUAGES)
def test_request_form_empty_and_with_errors_is_accessible(page, assert_accessible, prefix, lang):
    login(page, "ambtenaar@example.org")
    page.goto(f"{prefix}/matchcentrum/aanvraag/")
    expect(page.locator("textarea[name=question]")).to_be_visible()
    assert_accessible(page, f"request form ({lang})")
    page.locator("input[name=contact_phone]").fill("")
    page.locator("input[value=phone]").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-error-summary')")
    assert page.locator("input[value=phone]").is_checked()
    assert_accessible(page, f"request form with errors ({lang})")


def test_keyboard_user_submits_a_request_and_the_team_proposes(browser, base_url):
    context = browser.new_context(base_url=base_url, locale="nl-NL")
    page = context.new_page()
    login(page, "ambtenaar@example.org")
    page.goto("/matchcentrum/aanvraag/")
    page.get_by_label(re.compile(r"art\. 9 ")).focus()
    page.keyboard.press("Space")
    question = page.locator("textarea[name=question]")
    question.focus()
    page.keyboard.type("Hoe maken we onze website toegankelijk voor iedereen? (toetsenbordtest)")
    page.locator("main form button[type=submit]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator("main")).to_contain_text("toetsenbordtest")
    context.close()

    context = browser.new_context(base_url=base_url, locale="nl-NL")
    page = context.new_page()
    login(page, "team@example.org")
    page.goto("/matchcentrum/")
    page.get_by_role("row", name=re.compile("toetsenbordtest")).get_by_role("link").click()
    expect(page.locator("table.suggestions")).to_be_visible()
    page.locator("input[name=propose-offering_municipality]").first.focus()
    page.keyboard.press("Space")
    # The first suggestion may have no contact on record: the team names one.
    page.locator("input[name=propose-offering_contact_email]").focus()
    page.keyboard.type("inclusie@haarlem.example.org")
    page.locator("textarea[name=propose-notes]").focus()
    page.keyboard.type("Deze gemeente heeft een toegankelijke website gebouwd.")
    page.locator("#propose-form button[type=submit]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator("h1")).to_contain_text("Match Amsterdam en")
    context.close()
