"""Inclusion internships in a real browser: accessible, usable by keyboard, fits 320 px."""

from playwright.sync_api import expect

from .conftest import assert_no_horizontal_scroll, login

OFFER = "Een dag meelopen met de wethouder"


def open_offer(page, title: str = OFFER) -> str:
    page.goto("/inclusiestage/")
    page.get_by_role("link", name=title).click()
    expect(page.locator("h1")).to_have_text(title)
    return page.url


def test_list_offer_and_form_with_errors_are_accessible(page, assert_accessible):
    page.goto("/inclusiestage/")
    expect(page.locator("h1")).to_have_text("Inclusiestages")
    assert_accessible(page, "internship list")
    page.goto("/inclusiestage/?municipality=onzin")
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_accessible(page, "internship list with a bad filter")
    open_offer(page)
    assert_accessible(page, "internship offer")

    login(page, "lid@example.org")
    open_offer(page)
    page.get_by_role("link", name="Aanmelden voor deze stage").click()
    page.locator("input[name=needs][value=job_coach]").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_accessible(page, "application form with errors")


def test_team_sees_applications_with_accommodations(page, assert_accessible):
    login(page, "team@example.org")
    open_offer(page, "Meedenken over toegankelijke brieven")
    expect(page.locator("table caption")).to_be_visible()
    expect(page.locator("table")).to_contain_text("Prikkelarme ruimte")
    assert_accessible(page, "offer with applications (team)")
    page.goto("/inclusiestage/aanbieden/")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_accessible(page, "offer form with errors")


def test_keyboard_user_applies_with_accommodations(page, assert_accessible):
    login(page, "ervaringsdeskundige@example.org")
    open_offer(page)
    apply = page.get_by_role("link", name="Aanmelden voor deze stage")
    apply.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("Aanmelden")
    page.locator("textarea[name=motivation]").focus()
    page.keyboard.type("Ik wil graag zien hoe een wethouder werkt.")
    page.locator("input[name=needs][value=ngt_interpreter]").focus()
    page.keyboard.press("Space")
    page.locator("input[name=needs][value=step_free]").focus()
    page.keyboard.press("Space")
    page.locator("input[name=needs_consent]").focus()
    page.keyboard.press("Space")
    page.locator("main form button[type=submit]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator("main")).to_contain_text(OFFER)
    assert_accessible(page, "my applications")


def test_internships_fit_a_small_screen(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    detail = open_offer(page)
    for path in ("/inclusiestage/", detail):
        page.goto(path)
        assert_no_horizontal_scroll(page)
    context.close()
