"""News and campaigns in a real browser: accessible pages, the reaction form, keyboard use,
and no request that leaves the site."""

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from .conftest import login

ARTICLE = "/nieuws/stembureaus-toegankelijker/"
CLOSED_ARTICLE = "/nieuws/na-de-verkiezingen/"
CAMPAIGN = "/campagnes/2miljoenstemmen/"
TAG = "/nieuws/tag/verkiezingen/"
MEMBER = "lid@example.org"


def record_requests(page, base_url: str) -> list[str]:
    """Every URL the page asks for that is not on the site's own origin."""
    origin = urlparse(base_url)
    outside: list[str] = []

    def check(request) -> None:
        url = urlparse(request.url)
        if url.scheme in ("data", "blob", "about"):
            return
        if (url.scheme, url.netloc) != (origin.scheme, origin.netloc):
            outside.append(request.url)

    page.on("request", check)
    return outside


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_news_pages_are_accessible(page, assert_accessible, prefix):
    lang = "en" if prefix else "nl"
    page.goto(prefix + "/nieuws/")
    # The demo translates the news section's title.
    expect(page.locator("h1")).to_have_text("News" if prefix else "Nieuws")
    expect(page.locator(".news-list li")).to_have_count(10)
    assert_accessible(page, f"news list ({lang})")
    page.goto(prefix + "/nieuws/?category=verkiezingen&year=2026")
    expect(page.locator(".news-list li").first).to_be_visible()
    assert_accessible(page, f"news list filtered ({lang})")
    response = page.goto(prefix + "/nieuws/?year=1999")
    assert response.status == 400
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_accessible(page, f"news list with a bad filter ({lang})")
    page.goto(prefix + TAG)
    expect(page.locator(".news-list li").first).to_be_visible()
    assert_accessible(page, f"tag page ({lang})")
    page.goto(prefix + ARTICLE)
    expect(page.locator(".reaction-list li").first).to_be_visible()
    assert_accessible(page, f"article with reactions ({lang})")
    page.goto(prefix + CAMPAIGN)
    expect(page.locator("h1")).to_have_text("#2MiljoenStemmen")
    assert_accessible(page, f"campaign page ({lang})")
    page.goto(prefix + "/nieuws/interview-stemmen-is-een-recht/")
    assert_accessible(page, f"interview ({lang})")


def test_reaction_form_accessible_with_errors_and_closed(page, assert_accessible):
    login(page, MEMBER)
    page.goto(ARTICLE)
    assert_accessible(page, "article with the reaction form")
    page.get_by_role("button", name="Reactie plaatsen").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert page.last_document.status == 400
    assert page.locator("textarea[name=body_markdown]").get_attribute("aria-invalid") == "true"
    assert_accessible(page, "reaction form with errors")
    page.goto(CLOSED_ARTICLE)
    expect(page.get_by_text("Reageren op dit bericht is gesloten.")).to_be_visible()
    expect(page.locator("textarea[name=body_markdown]")).to_have_count(0)
    assert_accessible(page, "article with closed reactions")


def test_keyboard_only_reaction_journey(page):
    login(page, MEMBER)
    page.goto("/nieuws/")
    link = page.get_by_role("link", name="Stembureaus worden toegankelijker")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("stembureaus-toegankelijker"))
    page.locator("textarea[name=body_markdown]").focus()
    page.keyboard.type("Toetsenbordtest: ook de stempas moet duidelijk zijn.")
    page.keyboard.press("Tab")
    # Tab leads from the text to the button (the help text is no stop on the way).
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Reactie plaatsen"
    page.keyboard.press("Enter")
    reaction = page.get_by_text("Toetsenbordtest: ook de stempas moet duidelijk zijn.")
    expect(reaction).to_be_visible()
    # A new member's reaction waits for a moderator, and the page says so.
    expect(page.get_by_text("alleen u ziet dit").last).to_be_visible()


def test_copy_link_confirms_visibly(browser, base_url):
    context = browser.new_context(base_url=base_url, locale="nl-NL")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.goto(ARTICLE)
    page.get_by_role("link", name="Link kopiëren").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Link gekopieerd.")).to_be_visible()
    assert page.url.endswith(ARTICLE)
    context.close()


@pytest.mark.parametrize("path", ["/nieuws/", ARTICLE, CAMPAIGN, TAG, "/"])
def test_no_request_leaves_the_site(page, base_url, path):
    outside = record_requests(page, base_url)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    expect(page.locator("h1")).to_be_visible()
    assert outside == []
