"""The agenda in a real browser: every view accessible in Dutch and English, and by keyboard."""

import pytest
from playwright.sync_api import expect

from .conftest import assert_no_horizontal_scroll, login

FULL_EVENT = "/agenda/demo-werksessie-toegankelijke-verkiezingen/"


@pytest.fixture(scope="module")
def open_event(manage) -> str:
    """The path of a coming demo event that still has free seats."""
    code = (
        "from django.utils import timezone;"
        "from events.models import EventPage;"
        "events = EventPage.objects.live().filter(start__gt=timezone.now(), capacity__isnull=False,"
        " registration_closes_at__isnull=True).order_by('start');"
        "print([e.url for e in events if not e.is_full][0])"
    )
    return manage("shell", "-c", code).strip().splitlines()[-1]


AGENDA_PAGES = [
    ("/agenda/", "agenda list"),
    ("/agenda/maand/", "agenda month"),
    ("/agenda/archief/", "past events"),
    ("/agenda/?scope=regional&province=PV26", "agenda filtered"),
]


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("path,label", AGENDA_PAGES)
def test_agenda_views_are_accessible(page, assert_accessible, prefix, path, label):
    response = page.goto(prefix + path)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == ("en" if prefix else "nl")
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page, f"{label} ({prefix or 'nl'})")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_agenda_with_bad_filters_is_accessible(page, assert_accessible, prefix):
    response = page.goto(prefix + "/agenda/maand/?month=2026-13&scope=planet")
    assert response.status == 400
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert page.locator("input[name=month]").input_value() == "2026-13"
    assert_accessible(page, "month view with errors")


def test_month_grid_has_caption_and_navigates_without_javascript(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/agenda/maand/?month=2026-12")
    assert page.locator("table.month-grid caption").inner_text().strip()
    assert page.locator("table.month-grid thead th[scope=col]").count() == 7
    page.get_by_role("link", name="Volgende maand").click()
    assert "month=2027-01" in page.url
    context.close()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_event_pages_are_accessible(page, assert_accessible, open_event, prefix):
    page.goto(prefix + open_event)
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page, f"event page ({prefix or 'nl'})")
    page.goto(prefix + FULL_EVENT)
    expect(page.locator(".event-status-box")).to_be_visible()
    assert_accessible(page, f"full event page ({prefix or 'nl'})")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_registration_form_empty_and_with_errors(page, assert_accessible, open_event, prefix):
    page.goto(prefix + open_event + "aanmelden/")
    expect(page.locator("form.registration-form")).to_be_visible()
    assert_accessible(page, "registration form")
    page.locator("input[name=name]").fill("Sam Sample")
    page.locator("input[name=email]").fill("geen-email")
    page.locator("input[name=needs][value=ngt]").check()
    page.locator("form.registration-form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert page.last_document.status == 400
    assert page.locator("input[name=name]").input_value() == "Sam Sample"
    assert page.locator("input[name=needs][value=ngt]").is_checked()
    assert page.locator("input[name=email]").get_attribute("aria-invalid") == "true"
    assert_accessible(page, "registration form with errors")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_full_event_offers_the_waitlist_accessibly(page, assert_accessible, prefix):
    page.goto(prefix + FULL_EVENT + "aanmelden/")
    button = page.locator("form.registration-form button[type=submit]")
    expect(button).to_have_text("Zet mij op de wachtlijst" if not prefix else "Join the waitlist")
    assert_accessible(page, "registration form, waitlist")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_organiser_view_is_accessible(page, assert_accessible, prefix):
    login(page, "team@example.org")
    page.goto(prefix + FULL_EVENT + "deelnemers/")
    expect(page.locator("table caption").first).to_be_visible()
    expect(page.locator(".needs-summary")).to_contain_text("×")
    assert_accessible(page, "organiser view")


def test_member_cannot_open_the_organiser_view(page, assert_accessible):
    login(page, "lid@example.org")
    response = page.goto(FULL_EVENT + "deelnemers/")
    assert response.status == 403
    assert page.locator(".needs-summary").count() == 0
    assert_accessible(page, "no access")


def test_keyboard_user_registers_and_cancels(page, assert_accessible, open_event):
    login(page, "ervaringsdeskundige@example.org")
    page.goto(open_event)
    register = page.locator(".event-status-box a.button")
    register.focus()
    page.keyboard.press("Enter")
    expect(page.locator("form.registration-form")).to_be_visible()
    # The form is filled in from the profile; pick a need and consent with the keyboard only.
    page.locator("input[name=needs][value=quiet_room]").focus()
    page.keyboard.press("Space")
    page.locator("input[name=needs_consent]").focus()
    page.keyboard.press("Space")
    page.locator("input[name=organisation]").focus()
    page.keyboard.type("Ervaringspanel Zwolle")
    page.keyboard.press("Enter")
    expect(page.locator(".message--success")).to_be_visible()
    assert_accessible(page, "event page after registering")
    cancel = page.get_by_role("link", name="Annuleer mijn inschrijving")
    cancel.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Annuleer uw inschrijving")
    assert_accessible(page, "cancel page")
    page.get_by_role("button", name="Ja, annuleer mijn inschrijving").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".message--success")).to_contain_text("geannuleerd")
    expect(page.locator(".event-status-box a.button")).to_be_visible()


def test_agenda_fits_a_small_screen(browser, base_url, open_event):
    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ("/agenda/", open_event, open_event + "aanmelden/", "/agenda/maand/"):
        page.goto(path)
        assert_no_horizontal_scroll(page)
    context.close()
