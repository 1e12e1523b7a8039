"""The forum in a real browser: accessible pages and forms, keyboard use, and no XSS that runs."""

import re

import pytest
from playwright.sync_api import expect

from tests.forum.xss_corpus import XSS_PAYLOADS

from .conftest import login

# Long journeys: they start first, so both workers finish together (tests/conftest.py).
pytestmark = pytest.mark.slow

CATEGORY = "/forum/categorie/toegankelijke-verkiezingen/"
TOPIC_TITLE = "Hoe maken jullie stembureaus toegankelijk voor rolstoelgebruikers?"
TRUSTED = "ervaringsdeskundige@example.org"  # has approved posts in the demo data
MODERATOR = "moderator@example.org"
MEMBER = "ambtenaar@example.org"


def open_topic(page, prefix: str = "") -> str:
    page.goto(prefix + CATEGORY)
    page.get_by_role("link", name=TOPIC_TITLE).click()
    expect(page.locator("h1")).to_have_text(TOPIC_TITLE)
    return page.url


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_reading_pages_are_accessible(page, assert_accessible, prefix):
    lang = "en" if prefix else "nl"
    page.goto(prefix + "/forum/")
    assert page.locator("html").get_attribute("lang") == lang
    assert_accessible(page, f"forum index ({lang})")
    page.goto(prefix + CATEGORY)
    expect(page.locator("table caption")).to_be_visible()
    assert_accessible(page, f"category ({lang})")
    open_topic(page, prefix)
    assert_accessible(page, f"topic ({lang})")
    page.goto(prefix + "/forum/zoeken/?q=stembureau")
    expect(page.locator(".search-results li").first).to_be_visible()
    assert_accessible(page, f"forum search ({lang})")


def test_anonymous_visitor_is_asked_to_log_in_for_members_only(page):
    page.goto("/forum/categorie/ambtenarenoverleg/")
    assert "/accounts/login/" in page.url


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_writing_forms_accessible_empty_and_with_errors(page, assert_accessible, prefix):
    lang = "en" if prefix else "nl"
    login(page, TRUSTED)
    page.goto(prefix + CATEGORY + "nieuw/")
    assert_accessible(page, f"new topic form ({lang})")
    page.locator("textarea[name=body_markdown]").fill("Alleen tekst, geen titel")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert page.last_document.status == 400
    assert page.locator("textarea[name=body_markdown]").input_value() == "Alleen tekst, geen titel"
    assert page.locator("input[name=title]").get_attribute("aria-invalid") == "true"
    assert_accessible(page, f"new topic form with errors ({lang})")

    topic_url = open_topic(page, prefix)
    page.goto(topic_url.rstrip("/") + "/reageren/")
    assert_accessible(page, f"reply form ({lang})")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert page.last_document.status == 400
    assert_accessible(page, f"reply form with errors ({lang})")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_flag_form_accessible_empty_and_with_errors(page, assert_accessible, prefix):
    lang = "en" if prefix else "nl"
    login(page, "lid@example.org")
    open_topic(page, prefix)
    page.locator(".forum-post__actions a[href*='/melden/']").first.click()
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page, f"flag form ({lang})")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert page.last_document.status == 400
    assert_accessible(page, f"flag form with errors ({lang})")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_moderation_pages_are_accessible(page, assert_accessible, prefix):
    lang = "en" if prefix else "nl"
    login(page, MODERATOR)
    page.goto(prefix + "/forum/moderatie/")
    expect(page.locator("table caption")).to_be_visible()
    assert_accessible(page, f"moderation queue ({lang})")
    page.locator("table a[href*='/moderatie/bericht/']").first.click()
    expect(page).to_have_url(re.compile(r"/moderatie/bericht/\d+/$"))
    assert_accessible(page, f"moderate a post ({lang})")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert page.last_document.status == 400
    assert_accessible(page, f"moderate a post with errors ({lang})")
    page.goto(prefix + "/forum/moderatie/logboek/")
    assert_accessible(page, f"moderation log ({lang})")


def test_members_cannot_open_the_queue(page):
    login(page, MEMBER)
    response = page.goto("/forum/moderatie/")
    assert response.status == 403


def test_keyboard_user_posts_replies_flags_and_moderates(browser, base_url):
    # The author and the reporter act in separate browsers, as two people would.
    author_context = browser.new_context(base_url=base_url, locale="nl-NL")
    author = author_context.new_page()
    login(author, TRUSTED)
    author.goto(CATEGORY)
    author.get_by_role("link", name="Start een onderwerp").focus()
    author.keyboard.press("Enter")
    author.wait_for_url(re.compile("/nieuw/$"))
    author.locator("input[name=title]").focus()
    author.keyboard.type("Toetsenbordtest: stemmen met een loep")
    author.keyboard.press("Tab")
    author.keyboard.type("Werkt de loep in het stemhokje goed voor jullie?")
    author.get_by_role("button", name="Onderwerp plaatsen").focus()
    author.keyboard.press("Enter")
    expect(author.locator("h1")).to_have_text("Toetsenbordtest: stemmen met een loep")
    topic_url = author.url.split("#")[0]

    author.locator("textarea[name=body_markdown]").focus()
    author.keyboard.type("Aanvulling: ook een leesliniaal helpt.")
    author.get_by_role("button", name="Reactie plaatsen").focus()
    author.keyboard.press("Enter")
    expect(author.get_by_text("Aanvulling: ook een leesliniaal helpt.")).to_be_visible()
    author_context.close()

    reporter_context = browser.new_context(base_url=base_url, locale="nl-NL")
    reporter = reporter_context.new_page()
    login(reporter, MEMBER)
    reporter.goto(topic_url)
    reporter.locator(".forum-post__actions a[href*='/melden/']").last.focus()
    reporter.keyboard.press("Enter")
    reporter.wait_for_url(re.compile("/melden/$"))
    reporter.locator("input[name=reason][value=off_topic]").focus()
    reporter.keyboard.press("Space")
    assert reporter.locator("input[name=reason][value=off_topic]").is_checked()
    reporter.locator("textarea[name=text]").focus()
    reporter.keyboard.type("Dit hoort in een ander onderwerp.")
    reporter.get_by_role("button", name="Melding versturen").focus()
    reporter.keyboard.press("Enter")
    expect(reporter.locator(".message--success")).to_be_visible()
    reporter_context.close()

    moderator_context = browser.new_context(base_url=base_url, locale="nl-NL")
    moderator = moderator_context.new_page()
    login(moderator, MODERATOR)
    moderator.goto("/forum/moderatie/")
    row = moderator.locator("tr", has_text="Toetsenbordtest")
    row.get_by_role("link").last.focus()
    moderator.keyboard.press("Enter")
    moderator.wait_for_url(re.compile("/moderatie/bericht/"))
    moderator.locator("input[name=action][value=approve]").focus()
    moderator.keyboard.press("Space")
    moderator.locator("textarea[name=reason]").focus()
    moderator.keyboard.type("Past prima bij het onderwerp.")
    moderator.get_by_role("button", name="Besluit opslaan").focus()
    moderator.keyboard.press("Enter")
    expect(moderator.locator(".message--success")).to_be_visible()
    moderator.goto("/forum/moderatie/logboek/")
    expect(moderator.get_by_text("Past prima bij het onderwerp.")).to_be_visible()
    moderator_context.close()


def test_xss_corpus_never_runs_in_chromium(page):
    login(page, TRUSTED)
    page.goto(CATEGORY + "nieuw/")
    page.locator("input[name=title]").fill("XSS-corpus")
    page.locator("textarea[name=body_markdown]").fill(XSS_PAYLOADS[0])
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("XSS-corpus")
    topic_url = page.url.split("#")[0].split("?")[0]
    # The rest go through the same reply form's endpoint with the browser's session and CSRF
    # token, without rendering the growing topic after each one (the pages are read below).
    reply_form = page.locator("form[action$='/reageren/']")
    action = reply_form.get_attribute("action")
    token = reply_form.locator("input[name=csrfmiddlewaretoken]").input_value()
    for payload in XSS_PAYLOADS[1:]:
        response = page.request.post(
            action if action.startswith("http") else page.url.split("/forum/")[0] + action,
            form={"csrfmiddlewaretoken": token, "body_markdown": payload},
            headers={"Referer": page.url},
            max_redirects=0,
        )
        assert response.status == 302, (payload, response.status)
    pages = (len(XSS_PAYLOADS) + 19) // 20
    for number in range(1, pages + 1):
        page.goto(f"{topic_url}?page={number}")
        page.wait_for_load_state("load")
        on_page = min(20, len(XSS_PAYLOADS) - 20 * (number - 1))
        expect(page.locator(".forum-post__body")).to_have_count(on_page)
        # hover and focus everything a payload might have attached a handler to
        for body in page.locator(".forum-post__body").all()[:20]:
            body.hover()
        page.wait_for_timeout(300)
        assert page.dialogs == [], f"a dialog fired on page {number}: {page.dialogs}"
        assert page.evaluate("() => typeof window.__xss") == "undefined"
        unsafe = page.evaluate(
            """() => [...document.querySelectorAll('.forum-post__body *')].filter(el =>
                !['P','BR','HR','STRONG','EM','CODE','PRE','BLOCKQUOTE','UL','OL','LI','A',
                  'H3','H4','H5','H6'].includes(el.tagName)
                || [...el.attributes].some(a => a.name.startsWith('on') || a.name === 'style')
                || (el.tagName === 'A' && !/^(https?:|mailto:)/i.test(el.getAttribute('href') || 'https:'))
            ).map(el => el.outerHTML)"""
        )
        assert unsafe == [], unsafe
    # the payloads are shown as text, so readers can see what was attempted
    page.goto(f"{topic_url}?page=1")
    expect(page.get_by_text("<script>window.__xss=1;alert(1)</script>")).to_be_visible()
