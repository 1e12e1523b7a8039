"""Easy language and the sign-language (NGT) player in a real browser, in Dutch and English.

The demo ships no NGT video (a made-up one would not be sign language); these tests attach a
short test video with WebVTT captions to a standard page and an event, as an editor would.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import tab_to

MEDIA = Path(__file__).parent / "media"
ABOUT = "/over-het-netwerk/"

ATTACH = """
from django.core.files import File
from wagtail.documents import get_document_model
from events.models import EventPage
from network.models import StandardPage

Document = get_document_model()
with open({video!r}, "rb") as video_file, open({captions!r}, "rb") as captions_file:
    video = Document.objects.create(
        title="Over het netwerk in NGT", file=File(video_file, name="over-het-netwerk-ngt.webm")
    )
    captions = Document.objects.create(
        title="Ondertitels", file=File(captions_file, name="over-het-netwerk-ngt.vtt")
    )
event = EventPage.objects.live().exclude(easy_read_summary="").order_by("start").last()
for page in [StandardPage.objects.get(slug="over-het-netwerk"), event]:
    page.sign_language_video = [{{"type": "video", "value": {{
        "title": "Het netwerk in Nederlandse Gebarentaal",
        "video": video.pk,
        "captions": captions.pk,
        "transcript": "Welkom bij het netwerk Iedereen doet mee. Hier leest u hoe gemeenten samenwerken.",
    }}}}]
    page.save_revision().publish()
print(event.url)
"""


@pytest.fixture(scope="session")
def video_pages(base_url, manage) -> list[str]:
    """The pages that now carry the test video: the about page and an event."""
    script = ATTACH.format(video=str(MEDIA / "ngt-test.webm"), captions=str(MEDIA / "ngt-test.vtt"))
    event_url = manage("shell", "-c", script).strip().splitlines()[-1]
    return [ABOUT, event_url]


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("which", [0, 1], ids=["standard page", "event"])
def test_the_ngt_video_plays_by_keyboard_with_captions(
    page, assert_accessible, video_pages, prefix, which
):
    page.goto(prefix + video_pages[which])
    section = page.locator("section.sign-language")
    expect(section.get_by_role("heading", level=2)).to_have_text(
        "In Nederlandse Gebarentaal (NGT)" if not prefix else "In Dutch Sign Language (NGT)"
    )
    video = section.locator("video")
    assert video.get_attribute("controls") is not None
    assert video.get_attribute("autoplay") is None
    # The captions track loads (the browser fetched and parsed the WebVTT file).
    page.wait_for_function(
        "v => v.textTracks.length && v.textTracks[0].cues && v.textTracks[0].cues.length === 2",
        arg=video.element_handle(),
    )
    assert video.evaluate("v => v.paused"), "the video must never start by itself"
    if prefix:
        expect(section.locator("figcaption")).to_have_attribute("lang", "nl")
    assert_accessible(page, f"sign-language video ({prefix or 'nl'})")

    # Keyboard only: Tab reaches the player, Space plays and pauses.
    tab_to(page, video)
    page.keyboard.press("Space")
    page.wait_for_function("v => !v.paused", arg=video.element_handle())
    page.keyboard.press("Space")
    page.wait_for_function("v => v.paused", arg=video.element_handle())
    # The transcript opens with Enter.
    summary = section.locator("details summary")
    tab_to(page, summary)
    page.keyboard.press("Enter")
    expect(section.locator("details p")).to_contain_text("hoe gemeenten samenwerken")


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("path", ["/", "/manifest/"])
def test_easy_language_opens_by_keyboard(page, assert_accessible, prefix, path):
    page.goto(prefix + path)
    toggle = page.locator("main details.easy-read > summary").first
    expect(toggle).to_have_text(
        "Lees dit in makkelijke taal" if not prefix else "Read this in easy language"
    )
    text = page.locator("main details.easy-read > p").first
    expect(text).to_be_hidden()
    tab_to(page, toggle)
    page.keyboard.press("Enter")
    expect(text).to_be_visible()
    if prefix:
        expect(text).to_have_attribute("lang", "nl")
    assert_accessible(page, f"easy language open on {path} ({prefix or 'nl'})")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_practice_says_what_it_is_about_in_easy_language(page, assert_accessible, prefix):
    page.goto(prefix + "/kennisbank/toegankelijk-stembureau-in-elke-wijk/")
    section = page.locator("section[aria-labelledby=easy-read-heading]")
    expect(section.get_by_role("heading", level=2)).to_have_text(
        "In makkelijke taal" if not prefix else "In easy language"
    )
    expect(section.locator("p")).to_contain_text("kan iedereen stemmen in de eigen wijk")
    if prefix:
        expect(section.locator("p")).to_have_attribute("lang", "nl")
    assert_accessible(page, f"practice with easy language ({prefix or 'nl'})")
