"""Municipalities in a real browser: overview with filters, map, profile, status form; nl and en."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import assert_no_horizontal_scroll, login

# Long journeys: they start first, so both workers finish together (tests/conftest.py).
pytestmark = pytest.mark.slow

OFFICIAL = "ambtenaar@example.org"  # linked to Amsterdam by the demo data


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize(
    "path,label",
    [
        ("/gemeenten/", "overview"),
        ("/gemeenten/?province=PV27&status=adopted&manifest=yes", "overview with filters"),
        ("/gemeenten/?province=PV99&status=bogus", "overview with invalid filters"),
        ("/gemeenten/?sort=-population", "overview sorted"),
        ("/gemeenten/amsterdam/", "profile"),
        ("/gemeenten/den-haag/", "profile of a municipality without contacts"),
    ],
)
def test_pages_are_accessible(page, assert_accessible, prefix, path, label):
    response = page.goto(prefix + path)
    expected_status = 400 if "bogus" in path else 200
    assert response.status == expected_status
    expect(page.locator("h1")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == ("en" if prefix else "nl")
    assert_accessible(page, f"{label} ({prefix or 'nl'})")


def test_overview_lists_342_and_the_map_agrees_with_the_table(page):
    page.goto("/gemeenten/")
    assert page.locator("#municipality-table tbody tr").count() == 342
    assert page.locator("svg.lia-map a").count() == 342
    page.goto("/gemeenten/?province=PV27&manifest=yes")
    rows = page.locator("#municipality-table tbody th a")
    links = page.locator("svg.lia-map a")
    table_urls = {rows.nth(i).get_attribute("href") for i in range(rows.count())}
    map_urls = {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert table_urls and table_urls == map_urls
    assert "Bron: CBS / PDOK, CBS Gebiedsindelingen" in page.content()


def test_filters_work_without_javascript(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/gemeenten/")
    page.get_by_label("Provincie", exact=True).select_option("PV24")
    page.get_by_label("LIA-status", exact=True).select_option("")
    page.get_by_role("button", name="Gemeenten tonen").click()
    expect(page.locator("#result-count")).to_contain_text("van de 342")
    assert "province=PV24" in page.url
    names = page.locator("#municipality-table tbody th a").all_inner_texts()
    assert "Almere" in names and "Amsterdam" not in names
    context.close()


def test_keyboard_reaches_a_municipality_from_the_table(page):
    page.goto("/gemeenten/?province=PV24")
    # The link that skips the map, then on through the table by keyboard only.
    skip = page.get_by_role("link", name="Sla de kaart over en ga naar de tabel met gemeenten")
    skip.focus()
    page.keyboard.press("Enter")
    focused_id = page.evaluate("() => document.activeElement.id")
    assert focused_id == "municipality-table"
    for _ in range(30):
        page.keyboard.press("Tab")
        href = page.evaluate("() => document.activeElement.getAttribute('href') || ''")
        if href == "/gemeenten/almere/":
            break
    else:
        pytest.fail("Almere's link in the table was not reachable by Tab")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Almere")


def test_map_link_has_an_accessible_name(page):
    page.goto("/gemeenten/")
    link = page.locator('svg.lia-map a[href="/gemeenten/amsterdam/"]')
    assert re.fullmatch(
        r"Amsterdam: (in uitvoering|vastgesteld|geëvalueerd|in voorbereiding|verkennend) sinds \d\d-\d\d-\d{4}",
        link.get_attribute("aria-label"),
    )
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Amsterdam")
    expect(page.locator("#lia-history")).to_be_visible()
    assert page.locator(".lia-timeline li").count() >= 3


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_official_records_a_status_by_keyboard(page, assert_accessible, prefix):
    login(page, OFFICIAL)
    page.goto(prefix + "/gemeenten/amsterdam/")
    before = page.locator(".lia-timeline li").count()
    assert_accessible(page, "profile with status form")

    # Errors first: a date in the future, all by keyboard.
    page.locator("#id_lia-status_4").focus()
    page.keyboard.press("Space")
    page.locator("#id_lia-date").fill("2099-01-01")
    page.locator("#id_lia-note").fill("Evaluatie gepland")
    page.locator("#id_lia-note").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert page.last_document.status == 400
    assert page.locator("#id_lia-note").input_value() == "Evaluatie gepland"
    assert page.locator("#id_lia-date").get_attribute("aria-invalid") == "true"
    assert_accessible(page, "status form with errors")

    page.locator("#id_lia-date").fill("2025-06-01")
    page.locator("#id_lia-date").press("Enter")
    expect(page.locator(".message--success")).to_be_visible()
    assert page.locator(".lia-timeline li").count() == before + 1


def test_no_sideways_scrolling_at_320px(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ("/gemeenten/", "/gemeenten/amsterdam/"):
        page.goto(path)
        assert_no_horizontal_scroll(page)
    context.close()
