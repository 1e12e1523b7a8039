"""The practice library in a real browser: search states and a practice page, nl and en."""

import re

import pytest
from playwright.sync_api import expect

SEARCH_STATES = [
    ("/kennisbank/?q=stembureau", "search with results"),
    ("/kennisbank/?q=stembureau&life_domain=participatie&kind=voorbeeld", "facets selected"),
    ("/kennisbank/?q=speeltuin&kind=onderzoek", "no results"),
    ("/kennisbank/?page=abc", "bad input"),
    ("/kennisbank/toegankelijk-stembureau-in-elke-wijk/", "practice page"),
]


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("path,label", SEARCH_STATES)
def test_library_pages_are_accessible(page, assert_accessible, prefix, path, label):
    page.goto(prefix + path)
    expect(page.locator("h1")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == ("en" if prefix else "nl")
    assert_accessible(page, f"{label} ({prefix or 'nl'})")


def test_keyboard_user_searches_filters_and_opens_a_result(page):
    page.goto("/kennisbank/")
    field = page.locator("#id_q")
    field.focus()
    page.keyboard.type("stembureaus")
    page.keyboard.press("Enter")
    expect(page.locator("#practice-result-count")).to_contain_text("stembureaus")
    checkbox = page.locator("input[name=life_domain][value=participatie]")
    checkbox.focus()
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"life_domain=participatie"))
    expect(page.locator(".active-filters")).to_be_visible()
    link = page.locator(".practice-list a").first
    link.focus()
    title = link.inner_text()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(title)
