"""Easy language and sign language (NGT) on standard pages, the home page and events."""

import io

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from events import demo as events_demo
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventPage
from municipalities import demo as municipalities_demo
from network import demo as network_demo
from network.factories import StandardPageFactory
from network.models import StandardPage
from tests.utils import get_html

pytestmark = pytest.mark.django_db

EASY = "Deze pagina gaat over meedoen.\nIedereen hoort erbij."


@pytest.fixture
def video_documents():
    Document = get_document_model()
    video = Document.objects.create(
        title="Uitleg in NGT", file=ContentFile(b"\x1aE\xdf\xa3 webm", name="uitleg.webm")
    )
    captions = Document.objects.create(
        title="Ondertitels",
        file=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nWelkom.\n", name="uitleg.vtt"),
    )
    return video, captions


def sign_video(video, captions) -> list:
    return [
        {
            "type": "video",
            "value": {
                "title": "Deze pagina in gebarentaal",
                "video": video.pk,
                "captions": captions.pk,
                "transcript": "Welkom. Op deze pagina leest u over meedoen.",
            },
        }
    ]


def test_a_standard_page_offers_easy_language_and_an_ngt_video(client, home_page, video_documents):
    page = StandardPageFactory(
        parent=home_page,
        title="Meedoen",
        slug="meedoen",
        easy_read_summary=EASY,
        sign_language_video=sign_video(*video_documents),
    )
    html = get_html(client, page.url)
    assert '<details class="easy-read">' in html
    assert "<summary>Lees dit in makkelijke taal</summary>" in html
    assert "Deze pagina gaat over meedoen.<br>Iedereen hoort erbij." in html
    assert '<h2 id="sign-language-title">In Nederlandse Gebarentaal (NGT)</h2>' in html
    assert '<video controls preload="metadata">' in html
    assert "autoplay" not in html
    video, captions = video_documents
    assert f'<source src="{video.url}">' in html
    assert f'<track kind="captions" src="{captions.url}" srclang="nl"' in html
    assert "Op deze pagina leest u over meedoen." in html  # the transcript
    english = get_html(client, "/en" + page.url)
    assert '<p lang="nl">Deze pagina gaat over meedoen.' in english
    assert "<summary>Read this in easy language</summary>" in english
    # the video's title and transcript are Dutch, whatever the page's language
    assert '<figcaption lang="nl">Deze pagina in gebarentaal</figcaption>' in english
    assert '<p lang="nl">Welkom. Op deze pagina leest u over meedoen.</p>' in english
    assert "<figcaption>Deze pagina in gebarentaal</figcaption>" in html


def test_without_them_the_page_shows_neither(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Kaal", slug="kaal")
    html = get_html(client, page.url)
    assert "easy-read" not in html and "<video" not in html


def test_an_event_offers_easy_language_and_lists_do_not_load_the_video(
    client, home_page, video_documents
):
    agenda = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(
        parent=agenda, easy_read_summary=EASY, sign_language_video=sign_video(*video_documents)
    )
    html = get_html(client, event.url)
    assert '<details class="easy-read">' in html and "<video controls" in html
    assert "<video" not in get_html(client, agenda.url)


@pytest.mark.slow
def test_the_demo_has_easy_language_on_the_home_page_the_manifest_and_three_events(home_page):
    network_demo.load(scale=1, stdout=io.StringIO())
    municipalities_demo.load(scale=1, stdout=io.StringIO())
    events_demo.load(scale=1, stdout=io.StringIO())
    home_page.refresh_from_db()
    assert home_page.easy_read_summary
    assert StandardPage.objects.get(slug="manifest").easy_read_summary
    assert EventPage.objects.exclude(easy_read_summary="").count() >= 3


def test_the_video_must_be_mp4_or_webm_and_the_captions_webvtt(video_documents):
    from wagtail.blocks import StructBlockValidationError

    from network.blocks import VideoBlock

    video, captions = video_documents
    Document = get_document_model()
    leaflet = Document.objects.create(
        title="Folder", file=ContentFile(b"%PDF-1.4", name="folder.pdf")
    )
    subtitles = Document.objects.create(
        title="Ondertitels",
        file=ContentFile(b"1\n00:00:00,000 --> 00:00:02,000\nHoi\n", name="o.srt"),
    )
    block = VideoBlock()

    def clean(video_doc, captions_doc):
        return block.clean(
            block.to_python({"title": "Uitleg", "video": video_doc.pk, "captions": captions_doc.pk})
        )

    assert clean(video, captions)["video"] == video
    with pytest.raises(StructBlockValidationError) as error:
        clean(leaflet, subtitles)
    assert set(error.value.block_errors) == {"video", "captions"}
    assert "mp4" in str(error.value.block_errors["video"].messages)
