"""Priorities, commitments and the election in a real browser (demo data), by keyboard."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from .conftest import login, tab_to

OFFICIAL = "ambtenaar@example.org"  # linked to Amsterdam by the demo data
EXPERT = "ervaringsdeskundige@example.org"
TEAM = "team@example.org"


@pytest.mark.parametrize(
    "path,label",
    [
        ("/toezeggingen/", "national overview of commitments"),
        ("/en/toezeggingen/?province=PV27", "overview filtered (en)"),
        ("/gemeenten/amsterdam/prioriteiten/", "priority note"),
        ("/gemeenten/amsterdam/toezeggingen/", "commitments of a municipality"),
        ("/verkiezingen/2026/", "election"),
        ("/verkiezingen/2026/utrecht/", "party comparison"),
        ("/verkiezingen/2026/partijprogramma/", "guide for parties"),
    ],
)
def test_pages_are_accessible(page, assert_accessible, path, label):
    response = page.goto(path)
    assert response.status == 200
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page, label)


def test_commitment_page_and_bad_filter_are_accessible(page, assert_accessible):
    page.goto("/gemeenten/amsterdam/toezeggingen/")
    page.locator(".commitment-list h3 a").first.click()
    expect(page.locator("#geschiedenis")).to_be_visible()
    assert_accessible(page, "commitment with history")
    response = page.goto("/toezeggingen/?status=weg")
    assert response.status == 400
    expect(page.locator(".error-summary, .field__error").first).to_be_visible()
    assert_accessible(page, "overview with a bad filter")


def _unambiguous_recent_date() -> datetime.date:
    """The newest day up to today whose day and month are the same number (11 November).

    A date field takes day and month in the order of the browser's platform language, which a
    page cannot read; such a day types the same in either order."""
    day = datetime.date.today()
    while day.day != day.month:
        day -= datetime.timedelta(days=1)
    return day


def test_expert_supports_a_priority_by_keyboard(page, assert_accessible):
    login(page, EXPERT)
    page.goto("/gemeenten/amsterdam/prioriteiten/")
    first = page.locator(".priority").first
    count_before = int(re.search(r"\d+", first.locator("strong").first.inner_text()).group())
    button = first.get_by_role("button", name=re.compile("Steun dit punt|Mijn steun intrekken"))
    withdrawing = "intrekken" in button.inner_text()
    tab_to(page, button)
    page.keyboard.press("Enter")
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator(".messages")).to_be_visible()
    first = page.locator(".priority").first
    count_after = int(re.search(r"\d+", first.locator("strong").first.inner_text()).group())
    assert count_after == count_before + (-1 if withdrawing else 1)
    assert_accessible(page, "priority note after support")


def test_official_records_a_status_change_by_keyboard(page, assert_accessible):
    login(page, OFFICIAL)
    page.goto("/gemeenten/amsterdam/toezeggingen/")
    page.locator(".commitment-list h3 a").first.click()
    page.wait_for_load_state("domcontentloaded")
    history_before = page.locator("#geschiedenis ~ ol li, .lia-timeline li").count()
    tab_to(page, page.locator("#id_status_0"))
    page.keyboard.press("ArrowDown")  # the next status
    tab_to(page, page.locator("#id_date"))
    # A date field in a Dutch browser takes day, month and year in that order; this one is in
    # the future, so it is refused.
    page.keyboard.type("01012999")
    tab_to(page, page.locator("#id_note"))
    page.keyboard.type("Het college heeft het plan vastgesteld.")
    submit = page.locator("button[type=submit]", has_text="Status vastleggen")
    tab_to(page, submit)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_note")).to_have_value("Het college heeft het plan vastgesteld.")
    assert_accessible(page, "status change with errors")
    page.locator("#id_date").focus()
    page.keyboard.type(_unambiguous_recent_date().strftime("%d%m%Y"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("vastgelegd")
    assert page.locator(".lia-timeline li").count() == history_before + 1


def test_a_party_answers_through_its_link_by_keyboard(page, assert_accessible):
    login(page, TEAM)
    page.goto("/verkiezingen/2026/utrecht/")
    tab_to(page, page.locator("#id_party"))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_load_state("domcontentloaded")
    link = page.locator(".notice code").inner_text().strip()
    page.context.clear_cookies()
    page.goto(link)
    expect(page.locator("h1")).to_contain_text("Antwoorden van")
    assert_accessible(page, "party answer form")
    group = page.locator("fieldset.party-answer").first
    # Tab reaches the chosen option of a radio group; the arrow keys change the choice.
    tab_to(page, group.locator("input[type=radio]:checked"))
    for _ in range(4):
        if group.locator("input[type=radio][value=disagree]").is_checked():
            break
        page.keyboard.press("ArrowDown")
    assert group.locator("input[type=radio][value=disagree]").is_checked()
    tab_to(page, group.locator("textarea"))
    page.keyboard.press("Control+A")
    page.keyboard.type("Wij kiezen eerst voor betaalbare woningen.")
    page.get_by_role("button", name="Antwoorden opslaan").press("Enter")
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator("h1")).to_contain_text("Wat de partijen in Utrecht zeggen")
    expect(page.locator("table.comparison")).to_contain_text(
        "Wij kiezen eerst voor betaalbare woningen."
    )


def test_expert_adds_a_priority_after_an_error_by_keyboard(page, assert_accessible):
    login(page, EXPERT)
    page.goto("/gemeenten/amsterdam/prioriteiten/")
    explanation = page.locator("#id_explanation")
    tab_to(page, explanation)
    page.keyboard.type("Veel mensen kunnen de brieven van de gemeente niet lezen.")
    submit = page.locator("button[type=submit]", has_text="Prioriteit toevoegen")
    tab_to(page, submit)
    with page.expect_navigation():
        page.keyboard.press("Enter")  # without a title: refused, the text stays
    expect(page.locator(".error-summary")).to_be_visible()
    expect(explanation).to_have_value("Veel mensen kunnen de brieven van de gemeente niet lezen.")
    assert_accessible(page, "priority form with errors")
    page.locator("#id_title").focus()
    page.keyboard.type("Brieven in begrijpelijke taal")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("Brieven in begrijpelijke taal")
    expect(page.locator(".priority h3", has_text="Brieven in begrijpelijke taal")).to_be_visible()


def test_official_commitment_and_priority_forms_are_accessible(page, assert_accessible):
    login(page, OFFICIAL)
    page.goto("/gemeenten/amsterdam/toezeggingen/")
    page.locator("#id_title").focus()
    page.keyboard.type("Een gebarentolk bij elke raadsvergadering")
    submit = page.locator("button[type=submit]", has_text="Toezegging vastleggen")
    with page.expect_navigation():
        submit.press("Enter")  # the other required fields are empty
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_title")).to_have_value("Een gebarentolk bij elke raadsvergadering")
    assert_accessible(page, "commitment form with errors")
    page.goto("/gemeenten/amsterdam/prioriteiten/")
    page.get_by_role("link", name=re.compile("^Wijzigen")).first.click()
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator("h1")).to_contain_text("Prioriteit wijzigen")
    assert_accessible(page, "priority edit form")
