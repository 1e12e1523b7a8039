"""The route, the stakeholder map and the manifest in a real browser (demo data)."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import assert_no_horizontal_scroll, login

OFFICIAL = "ambtenaar@example.org"  # linked to Amsterdam by the demo data
TEAM = "team@example.org"


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize(
    "path,label",
    [
        ("/route/", "route"),
        ("/gemeenten/amsterdam/", "profile with the route"),
        ("/gemeenten/amsterdam/route/", "route of a municipality"),
        ("/gemeenten/amsterdam/betrokkenen/", "stakeholder map"),
        ("/route/betrokkenenkaart/", "blank stakeholder map"),
        ("/manifest/", "manifest"),
        ("/gemeenten/?route=started&sort=-route", "overview filtered on the route"),
    ],
)
def test_pages_are_accessible(page, assert_accessible, prefix, path, label):
    response = page.goto(prefix + path)
    assert response.status == 200
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page, f"{label} ({prefix or 'nl'})")


def test_profile_shows_the_route_as_a_step_list(page):
    page.goto("/gemeenten/amsterdam/")
    expect(page.locator(".route-summary")).to_contain_text(re.compile(r"4 van 9 stappen"))
    assert page.locator("#route-steps li").count() == 9


def test_manifest_tells_the_truth(page):
    page.goto("/manifest/")
    expect(page.locator(".lead")).to_contain_text("25 voorloper-gemeenten")
    expect(page.locator(".lead")).to_contain_text("58 gemeenten ondertekenden het")
    assert page.locator("#signatories-caption ~ tbody tr").count() == 58
    dates = page.locator("#signatories-caption ~ tbody time").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('datetime'))"
    )
    assert max(dates) < "2020-09-01"
    page.goto("/gemeenten/?manifest=yes")
    expect(page.locator("#result-count")).to_contain_text("58")


def test_official_marks_a_route_step_done_by_keyboard(page, assert_accessible):
    login(page, OFFICIAL)
    page.goto("/gemeenten/amsterdam/")
    link = page.get_by_role("link", name="Voortgang op de route vastleggen")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator("#id_route-step")).to_have_value(re.compile(r"\d+"))
    assert_accessible(page, "route form")

    # Errors first: a date in the future, all by keyboard.
    page.locator("#id_route-status_2").focus()
    page.keyboard.press("Space")
    page.locator("#id_route-date").fill("2099-01-01")
    page.locator("#id_route-note").fill("Concept besproken met het panel")
    page.locator("#id_route-date").press("Enter")
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert page.last_document.status == 400
    assert page.locator("#id_route-note").input_value() == "Concept besproken met het panel"
    assert page.locator("#id_route-date").get_attribute("aria-invalid") == "true"
    assert_accessible(page, "route form with errors")

    page.locator("#id_route-date").fill("2025-06-01")
    page.locator("#id_route-date").press("Enter")
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator(".route-summary")).to_contain_text("5 van 9 stappen")


def test_official_adds_a_stakeholder_with_errors_first(page, assert_accessible):
    login(page, OFFICIAL)
    page.goto("/gemeenten/amsterdam/betrokkenen/")
    page.locator("#id_stakeholder-kind").select_option("schools")
    page.locator("#id_stakeholder-name").fill("Basisschool De Regenboog")
    page.locator("#id_stakeholder-role").fill("Denkt mee over passend onderwijs")
    page.locator("#id_stakeholder-contact").fill("info@example.org")
    page.locator("#id_stakeholder-name").press("Enter")
    assert page.last_document.status == 400
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_accessible(page, "stakeholder form with errors")
    page.locator("#id_stakeholder-contact_consent").check()
    page.locator("#id_stakeholder-name").press("Enter")
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator("#kind-schools + ul")).to_contain_text("Basisschool De Regenboog")


def test_team_sees_who_is_stuck(page, assert_accessible):
    login(page, TEAM)
    response = page.goto("/route/vastgelopen/")
    assert response.status == 200
    assert_accessible(page, "stuck on the route")


def test_no_sideways_scrolling_at_320px(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in (
        "/route/",
        "/gemeenten/amsterdam/",
        "/gemeenten/amsterdam/route/",
        "/gemeenten/amsterdam/betrokkenen/",
        "/route/betrokkenenkaart/",
        "/manifest/",
    ):
        page.goto(path)
        assert_no_horizontal_scroll(page)
    context.close()
