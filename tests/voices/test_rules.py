"""Rules behind the pages: files, captions, watched words, privacy, sections, the Markdown move."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.test import RequestFactory

from forum.factories import PostFactory, TopicFactory
from forum.models import WatchedWord
from municipalities.registry import profile_sections
from network.markdown import render_markdown
from network.moderation import check_text, register_text_check, unregister_text_check
from network.privacy import delete_account, export_user_data
from network.registry import campaign_sections, inbox
from voices import services
from voices.factories import OrganisationFactory, VoiceFactory
from voices.models import Voice, VoiceModeration
from voices.sections import municipality_context
from voices.validators import validate_captions, validate_image, validate_media, vtt_errors
from voices.views import csv_safe

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
MP3 = b"ID3\x03\x00" + b"\x00" * 64
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64
VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nIk wil meedoen.\n\n00:02.500 --> 00:04.000\nNet als iedereen.\n"


# --- files -------------------------------------------------------------------------------------


def test_a_real_png_passes_and_a_renamed_html_file_does_not():
    validate_image(SimpleUploadedFile("foto.png", PNG))
    with pytest.raises(ValidationError) as error:
        validate_image(SimpleUploadedFile("foto.png", b"<html><script>alert(1)</script>"))
    assert error.value.code == "file_content"


def test_image_types_and_size_are_checked(settings):
    with pytest.raises(ValidationError) as error:
        validate_image(SimpleUploadedFile("foto.svg", b"<svg></svg>"))
    assert error.value.code == "file_type"
    big = SimpleUploadedFile("foto.png", PNG + b"\x00" * (5 * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        validate_image(big)
    assert error.value.code == "file_size"


def test_media_accepts_audio_and_video_by_content():
    validate_media(SimpleUploadedFile("stem.mp3", MP3))
    validate_media(SimpleUploadedFile("stem.mp4", MP4))
    with pytest.raises(ValidationError):
        validate_media(SimpleUploadedFile("stem.mp3", MP4[:4] + b"xxxx"))
    with pytest.raises(ValidationError):
        validate_media(SimpleUploadedFile("stem.exe", MP3))


def test_webvtt_header_and_cues_are_validated():
    assert vtt_errors(VTT) == []
    assert vtt_errors("\ufeffWEBVTT - ondertiteling\n\n00:01.000 --> 00:02.000\nHoi\n") == []
    assert "WEBVTT" in vtt_errors("00:00:00.000 --> 00:00:02.000\nHoi\n")[0]
    assert "Regel 3" in vtt_errors("WEBVTT\n\n00:00:00 --> 00:00:02\nHoi\n")[0]
    assert "Regel 3" in vtt_errors("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nHoi\n")[0]
    assert vtt_errors("WEBVTT\n\nalleen tekst\n")


def test_captions_file_must_be_vtt_and_utf8():
    validate_captions(SimpleUploadedFile("ondertitels.vtt", VTT.encode()))
    with pytest.raises(ValidationError):
        validate_captions(SimpleUploadedFile("ondertitels.srt", VTT.encode()))
    with pytest.raises(ValidationError):
        validate_captions(SimpleUploadedFile("ondertitels.vtt", b"WEBVTT\n\xff\xfe"))


@pytest.mark.django_db
def test_video_needs_transcript_and_captions_image_needs_alt(author):
    voice = Voice(
        author=author,
        body_markdown="Tekst",
        name="Fatima",
        consent_publish=True,
        image=SimpleUploadedFile("foto.png", PNG),
        media=SimpleUploadedFile("stem.mp4", MP4),
    )
    with pytest.raises(ValidationError) as error:
        voice.full_clean()
    assert {"image_alt", "transcript", "captions"} <= set(error.value.message_dict)


@pytest.mark.django_db
def test_uploaded_files_get_random_names_under_media_root(author, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    voice = services.voice_create(
        author=author,
        body_markdown="Met geluid",
        name="Fatima",
        consent_publish=True,
        media=SimpleUploadedFile("<script>.mp3", MP3),
        transcript="Ik wil meedoen.",
    )
    assert voice.media.name.startswith("voices/media/")
    assert voice.media.name.endswith(".mp3")
    assert "script" not in voice.media.name
    assert (tmp_path / voice.media.name).exists()


# --- services ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_no_voice_without_consent(author):
    with pytest.raises(ValidationError):
        services.voice_create(author=author, body_markdown="Tekst", name="F", consent_publish=False)
    assert not Voice.objects.exists()


@pytest.mark.django_db
def test_a_voice_without_consent_cannot_be_published(moderator):
    voice = VoiceFactory(status=Voice.Status.PENDING, consent_publish=False)
    with pytest.raises(services.VoiceError):
        services.voice_moderate(voice=voice, moderator=moderator, action="publish", reason="")


@pytest.mark.django_db
def test_forum_watched_words_are_recorded_for_the_moderator(author):
    WatchedWord.objects.create(word="casino*", action=WatchedWord.Action.QUEUE)
    voice = services.voice_create(
        author=author, body_markdown="Win geld in het casinospel!", name="F", consent_publish=True
    )
    assert voice.watched_words == "casino*"
    assert check_text("niets aan de hand") == []


@pytest.mark.django_db
def test_text_check_registry_merges_words():
    register_text_check("test.a", lambda text: ["een"] if "een" in text else [])
    register_text_check("test.b", lambda text: ["een", "twee"] if "twee" in text else [])
    try:
        assert check_text("een twee") == ["een", "twee"]
    finally:
        unregister_text_check("test.a")
        unregister_text_check("test.b")


def test_markdown_lives_in_network_and_sanitises():
    html = render_markdown("<img src=x onerror=alert(1)> [klik](javascript:alert(1)) **ja**")
    assert "<img" not in html
    assert 'href="javascript' not in html
    assert "<strong>ja</strong>" in html


def test_csv_cells_that_look_like_formulas_are_neutralised():
    for value in ("=HYPERLINK(1)", "+31", "-2", "@SUM", "\tx", "\rx"):
        assert csv_safe(value).startswith("'")
    assert csv_safe("Ieder(in)") == "Ieder(in)"


# --- privacy -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_download_my_data_includes_voices(author):
    VoiceFactory(author=author, title="Mijn stem", contact_details="06 123", tags=["wonen"])
    data = export_user_data(author)
    assert data["voices"]["voices"][0]["title"] == "Mijn stem"
    assert data["voices"]["voices"][0]["tags"] == ["wonen"]


@pytest.mark.django_db
def test_deleting_an_account_withdraws_and_anonymises_its_voices(author):
    voice = VoiceFactory(
        author=author, name="Fatima El Amrani", display="full", contact_details="06 1"
    )
    organisation = OrganisationFactory(members=[author])
    on_behalf = VoiceFactory(author=None, name="Iemand Anders", title="Namens iemand")
    delete_account(author)
    voice.refresh_from_db()
    assert voice.status == Voice.Status.WITHDRAWN
    assert voice.name == ""
    assert voice.display == Voice.Display.ANONYMOUS
    assert voice.contact_details == ""
    assert voice.author is None
    assert VoiceModeration.objects.filter(voice=voice, action="anonymise").exists()
    assert not organisation.members.exists()
    on_behalf.refresh_from_db()
    assert on_behalf.status == Voice.Status.PUBLISHED


# --- sections ----------------------------------------------------------------------------------


def _render(place: str, **kwargs) -> str:
    request = RequestFactory().get("/")
    template = Template(
        "{% load network_tags %}{% render_sections place page=page hashtag=hashtag %}"
    )
    return template.render(Context({"request": request, "place": place, **kwargs}))


@pytest.mark.django_db
def test_municipality_profile_shows_latest_three_voices_and_count(
    utrecht, django_assert_max_num_queries
):
    assert "voices" in [section.key for section in profile_sections]
    for number in range(4):
        VoiceFactory(municipality=utrecht, title=f"Utrechts verhaal {number}")
    VoiceFactory(municipality=utrecht, title="Wacht nog", status=Voice.Status.PENDING)
    with django_assert_max_num_queries(1):
        context = municipality_context(page=utrecht)
    assert context["municipality_voice_count"] == 4
    assert len(context["municipality_voices"]) == 3
    html = _render("municipality_profile", page=utrecht, hashtag="")
    assert "Stemmen uit Utrecht" in html
    assert "4 stemmen" in html
    assert html.count("Utrechts verhaal") == 3
    assert "Wacht nog" not in html
    assert "/stemmen/?municipality=utrecht" in html


@pytest.mark.django_db
def test_campaign_section_lists_tagged_voices_and_approved_organisations():
    assert "voices" in [section.key for section in campaign_sections]
    VoiceFactory(title="Met de hashtag", tags=["2MiljoenStemmen"])
    VoiceFactory(title="Zonder hashtag")
    OrganisationFactory(name="Steunt de campagne", tags=["2MiljoenStemmen"])
    OrganisationFactory(name="Nog niet goedgekeurd", tags=["2MiljoenStemmen"], status="pending")
    html = _render("campaign", page=None, hashtag="#2MiljoenStemmen")
    assert "Met de hashtag" in html
    assert "Zonder hashtag" not in html
    assert "Steunt de campagne" in html
    assert "Nog niet goedgekeurd" not in html


@pytest.mark.django_db
def test_inbox_rows_only_for_those_who_may_handle_them(member, moderator, team_member):
    VoiceFactory(title="Wacht in de inbox", status=Voice.Status.PENDING)
    OrganisationFactory(name="Wachtende club", status="pending")
    sources = {source.key: source for source in inbox}
    voices, organisations = sources["voices"], sources["voices_organisations"]
    assert voices.count(member) == 0 and voices.rows(member) == []
    assert voices.count(moderator) == 1
    assert voices.rows(moderator)[0].title == "Wacht in de inbox"
    assert organisations.count(moderator) == 0
    assert organisations.count(team_member) == 1
    assert organisations.rows(team_member)[0].title == "Wachtende club"


@pytest.mark.django_db
def test_forum_posts_show_the_expert_badge(client, expert, member):
    topic = TopicFactory(title="Vraag over de bus", author=member)
    PostFactory(topic=topic, author=expert, body_markdown="Ik ben ervaringsdeskundige.")
    PostFactory(topic=topic, author=member, body_markdown="Dank u.")
    response = client.get(topic.get_absolute_url())
    assert response.content.decode().count("badge--expert") == 1
