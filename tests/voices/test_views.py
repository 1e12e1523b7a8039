"""The voices pages: who sees what, filters, anonymity, sharing, editing, withdrawing, moderating."""

import pytest
from django.core import mail
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from network.factories import UserFactory
from network.models import NetworkSettings
from network.registry import running_hashtags
from network.roles import EXPERT_BY_EXPERIENCE
from voices.factories import OrganisationFactory, VoiceFactory
from voices.models import Voice, VoiceModeration

LIST = "/stemmen/"
SHARE = "/stemmen/delen/"


def _form_data(**overrides):
    data = {
        "title": "Een lift bij het gemeentehuis",
        "body_markdown": "Ik kan het **gemeentehuis** niet in met mijn rolstoel.",
        "name": "Fatima El Amrani",
        "display": "first",
        "consent_publish": "on",
        "tag_text": "#2MiljoenStemmen, wonen",
    }
    data.update(overrides)
    return data


# --- the list ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_list_shows_only_published_voices_with_consent(client, utrecht):
    VoiceFactory(title="Gepubliceerd verhaal", municipality=utrecht)
    VoiceFactory(title="Wacht nog", status=Voice.Status.PENDING)
    VoiceFactory(title="Ingetrokken verhaal", status=Voice.Status.WITHDRAWN)
    VoiceFactory(title="Afgewezen verhaal", status=Voice.Status.DECLINED)
    VoiceFactory(title="Zonder toestemming", consent_publish=False)
    response = client.get(LIST)
    assertContains(response, "Gepubliceerd verhaal")
    assertContains(response, "1 stem")
    for hidden in ("Wacht nog", "Ingetrokken verhaal", "Afgewezen verhaal", "Zonder toestemming"):
        assertNotContains(response, hidden)


@pytest.mark.django_db
def test_list_in_english(client):
    VoiceFactory(title="Een verhaal")
    response = client.get("/en/stemmen/")
    assertContains(response, "1 voice")
    assertContains(response, "Een verhaal")


@pytest.mark.django_db
def test_filters_by_municipality_province_theme_life_domain_and_tag(
    client, utrecht, zwolle, theme, other_theme, life_domain
):
    VoiceFactory(
        title="Uit Utrecht", municipality=utrecht, themes=[theme], tags=["2MiljoenStemmen"]
    )
    VoiceFactory(
        title="Uit Zwolle", municipality=zwolle, themes=[other_theme], life_domains=[life_domain]
    )
    VoiceFactory(title="Landelijk verhaal")

    def titles(query):
        response = client.get(LIST + query)
        assert response.status_code == 200
        return {v.title for v in response.context["page_obj"].object_list}

    assert titles("") == {"Uit Utrecht", "Uit Zwolle", "Landelijk verhaal"}
    assert titles("?municipality=utrecht") == {"Uit Utrecht"}
    assert titles("?province=Overijssel") == {"Uit Zwolle"}
    assert titles("?theme=artikel-19") == {"Uit Utrecht"}
    assert titles("?life_domain=wonen") == {"Uit Zwolle"}
    assert titles("?tag=2miljoenstemmen") == {"Uit Utrecht"}


@pytest.mark.django_db
def test_unknown_filter_value_answers_400_not_500(client):
    response = client.get(LIST + "?municipality=bestaat-niet")
    assert response.status_code == 400
    assertContains(response, "Fout:", status_code=400)


@pytest.mark.django_db
def test_anonymous_voice_shows_no_personal_data_in_list_detail_and_feed(client, utrecht):
    person = UserFactory(
        email="geheim@example.org", display_name="Geheime Naam", roles=[EXPERT_BY_EXPERIENCE]
    )
    voice = VoiceFactory(
        title="Anoniem verhaal",
        author=person,
        name="Geheime Naam",
        display=Voice.Display.ANONYMOUS,
        municipality=utrecht,
    )
    for url in (LIST, voice.get_absolute_url(), reverse("voices:feed"), utrecht.url):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert "Anoniem verhaal" in content, url
        assert "Geheime" not in content, url
        assert "geheim@example.org" not in content, url
        # The badge would say who it is just as well.
        assert "badge--expert" not in content, url


@pytest.mark.django_db
def test_first_name_only_and_expert_badge(client):
    person = UserFactory(display_name="Karin Bos", roles=[EXPERT_BY_EXPERIENCE])
    voice = VoiceFactory(title="Met badge", author=person, name="Karin Bos", display="first")
    for url in (LIST, voice.get_absolute_url()):
        response = client.get(url)
        assertContains(response, "Karin")
        assertNotContains(response, "Bos")
        assertContains(response, "ervaringsdeskundige")


@pytest.mark.django_db
def test_list_query_count_does_not_grow(client, django_assert_max_num_queries, utrecht, theme):
    for _ in range(5):
        VoiceFactory(municipality=utrecht, themes=[theme])
    with django_assert_max_num_queries(12):
        client.get(LIST)
    for _ in range(40):
        VoiceFactory(municipality=utrecht, themes=[theme])
    with django_assert_max_num_queries(12):
        response = client.get(LIST + "?theme=artikel-19&page=2")
    assertContains(response, "45 stemmen")


@pytest.mark.django_db
def test_feed_is_atom_with_published_voices(client):
    VoiceFactory(title="In de feed")
    VoiceFactory(title="Niet in de feed", status=Voice.Status.PENDING)
    response = client.get(reverse("voices:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    assertContains(response, "In de feed")
    assertNotContains(response, "Niet in de feed")


# --- a voice's page ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_detail_has_plain_share_links_with_hashtag_and_related_voices(client, utrecht):
    voice = VoiceFactory(title="Toegankelijke bus", municipality=utrecht)
    VoiceFactory(title="Ook uit Utrecht", municipality=utrecht)
    response = client.get(voice.get_absolute_url())
    assertContains(response, "%232MiljoenStemmen")
    assertContains(response, "https://bsky.app/intent/compose?")
    assertContains(response, "Ook uit Utrecht")
    # No script of another site.
    assert '<script src="http' not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["pending", "changes_requested", "declined", "withdrawn"])
def test_unpublished_voice_is_404_for_visitors_and_other_members(client, member, status):
    voice = VoiceFactory(status=status)
    assert client.get(voice.get_absolute_url()).status_code == 404
    client.force_login(member)
    assert client.get(voice.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_pending_voice_is_visible_to_its_author_and_moderators(client, author, moderator):
    voice = VoiceFactory(author=author, title="Nog even wachten", status=Voice.Status.PENDING)
    client.force_login(author)
    assertContains(client.get(voice.get_absolute_url()), "Nog even wachten")
    client.force_login(moderator)
    assertContains(client.get(voice.get_absolute_url()), "Nog even wachten")


# --- sharing, editing, withdrawing -------------------------------------------------------------


@pytest.mark.django_db
def test_share_needs_login(client):
    response = client.get(SHARE)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_share_needs_a_verified_email(client):
    user = UserFactory(email="onbevestigd@example.org", verified=False)
    client.force_login(user)
    assertContains(client.get(SHARE), "Bevestig", status_code=403)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "official", "expert", "moderator", "team_member"])
def test_every_role_may_share(client, request, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    response = client.get(SHARE)
    assertContains(response, "Deel uw stem")
    response = client.post(SHARE, _form_data(body_markdown=f"Verhaal van {who}"))
    assert response.status_code == 302
    voice = Voice.objects.get(body_markdown=f"Verhaal van {who}")
    assert voice.status == Voice.Status.PENDING
    assert voice.author == user


@pytest.mark.django_db
def test_shared_voice_waits_for_moderation_and_keeps_tags(client, author):
    client.force_login(author)
    response = client.post(SHARE, _form_data())
    voice = Voice.objects.get()
    assert response["Location"] == voice.get_absolute_url()
    assert voice.status == Voice.Status.PENDING
    assert voice.consent_method == Voice.ConsentMethod.ONLINE
    assert sorted(t.name for t in voice.tags.all()) == ["2MiljoenStemmen", "wonen"]
    assert "<strong>gemeentehuis</strong>" in voice.body_html
    client.logout()
    assertNotContains(client.get(LIST), "Een lift bij het gemeentehuis")


@pytest.mark.django_db
def test_share_without_consent_answers_400_and_keeps_the_text(client, author):
    client.force_login(author)
    data = _form_data()
    del data["consent_publish"]
    response = client.post(SHARE, data)
    assertContains(response, "toestemming", status_code=400)
    assertContains(response, "Ik kan het **gemeentehuis** niet in", status_code=400)
    assert not Voice.objects.exists()


@pytest.mark.django_db
def test_too_long_text_gets_a_clear_message(client, author):
    client.force_login(author)
    response = client.post(SHARE, _form_data(body_markdown="a" * 5001))
    assertContains(response, "5000", status_code=400)
    assert not Voice.objects.exists()


@pytest.mark.django_db
def test_name_required_unless_anonymous(client, author):
    client.force_login(author)
    response = client.post(SHARE, _form_data(name=""))
    assert response.status_code == 400
    response = client.post(SHARE, _form_data(name="", display="anonymous"))
    assert response.status_code == 302


@pytest.mark.django_db
def test_preview_shows_sanitised_text_and_saves_nothing(client, author):
    client.force_login(author)
    body = "Hallo <script>alert(1)</script> **vet**"
    response = client.post(SHARE, _form_data(body_markdown=body, preview="1"))
    assertContains(response, "<strong>vet</strong>")
    assert "<script>alert(1)" not in response.content.decode()
    assert not Voice.objects.exists()


@pytest.mark.django_db
def test_new_members_are_rate_limited_with_429(client, author, settings):
    settings.VOICES_NEW_MEMBER_PER_DAY = 2
    client.force_login(author)
    for number in range(2):
        assert client.post(SHARE, _form_data(body_markdown=f"Verhaal {number}")).status_code == 302
    response = client.post(SHARE, _form_data(body_markdown="Verhaal drie"))
    assertContains(response, "Verhaal drie", status_code=429)
    assert Voice.objects.count() == 2


@pytest.mark.django_db
def test_members_with_a_published_voice_are_not_rate_limited(client, author, settings):
    settings.VOICES_NEW_MEMBER_PER_DAY = 1
    VoiceFactory(author=author)
    client.force_login(author)
    for number in range(2):
        assert client.post(SHARE, _form_data(body_markdown=f"Verhaal {number}")).status_code == 302


@pytest.mark.django_db
def test_author_edits_and_the_voice_goes_back_to_the_queue(client, author):
    voice = VoiceFactory(author=author, title="Oude titel")
    client.force_login(author)
    edit = reverse("voices:edit", kwargs={"pk": voice.pk})
    assertContains(client.get(edit), "Oude titel")
    response = client.post(edit, _form_data(title="Nieuwe titel"))
    assert response.status_code == 302
    voice.refresh_from_db()
    assert voice.title == "Nieuwe titel"
    assert voice.status == Voice.Status.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "moderator", "team_member"])
def test_only_the_author_may_edit_or_withdraw(client, request, author, who):
    voice = VoiceFactory(author=author, title="Van een ander")
    client.force_login(request.getfixturevalue(who))
    assert (
        client.post(reverse("voices:edit", kwargs={"pk": voice.pk}), _form_data()).status_code
        == 403
    )
    assert client.post(reverse("voices:withdraw", kwargs={"pk": voice.pk})).status_code == 403
    voice.refresh_from_db()
    assert voice.title == "Van een ander"
    assert voice.status == Voice.Status.PUBLISHED


@pytest.mark.django_db
def test_withdraw_hides_the_voice_at_once(client, author):
    voice = VoiceFactory(author=author, title="Weg ermee")
    client.force_login(author)
    withdraw = reverse("voices:withdraw", kwargs={"pk": voice.pk})
    assertContains(client.get(withdraw), "Ja, trek mijn stem in")
    response = client.post(withdraw)
    assert response["Location"] == reverse("voices:mine")
    client.logout()
    assert client.get(voice.get_absolute_url()).status_code == 404
    assertNotContains(client.get(LIST), "Weg ermee")


@pytest.mark.django_db
def test_my_voices_lists_only_my_own(client, author, member):
    VoiceFactory(author=author, title="Mijn verhaal", status=Voice.Status.PENDING)
    VoiceFactory(author=member, title="Verhaal van iemand anders")
    client.force_login(author)
    response = client.get(reverse("voices:mine"))
    assertContains(response, "Mijn verhaal")
    assertNotContains(response, "Verhaal van iemand anders")


@pytest.mark.django_db
def test_share_in_the_name_of_a_linked_organisation_only(client, author):
    linked = OrganisationFactory(name="Cliëntenraad Utrecht", members=[author])
    other = OrganisationFactory(name="Andere club")
    client.force_login(author)
    assert client.post(SHARE, _form_data(organisation=other.pk)).status_code == 400
    assert client.post(SHARE, _form_data(organisation=linked.pk)).status_code == 302
    assert Voice.objects.get().organisation == linked


@pytest.mark.django_db
def test_share_form_offers_running_hashtags(client, author):
    running_hashtags.register("test", lambda: ["#Verkiezingen2026"])
    try:
        client.force_login(author)
        assertContains(client.get(SHARE), "#Verkiezingen2026")
    finally:
        running_hashtags.unregister("test")


@pytest.mark.django_db
def test_share_page_names_the_offline_route(client, author, home_page):
    settings_obj = NetworkSettings.for_site(home_page.get_site())
    settings_obj.contact_phone = "0800 123 4567"
    settings_obj.save()
    client.force_login(author)
    response = client.get(SHARE)
    assertContains(response, "Geen social media? Mail of bel ons")
    assertContains(response, "0800 123 4567")


# --- moderating --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_moderation_queue_needs_login(client):
    response = client.get(reverse("voices:moderation_queue"))
    assert response.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "official", "expert"])
def test_members_may_not_moderate(client, request, who):
    voice = VoiceFactory(status=Voice.Status.PENDING)
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("voices:moderation_queue")).status_code == 403
    response = client.post(
        reverse("voices:moderate", kwargs={"pk": voice.pk}), {"action": "publish"}
    )
    assert response.status_code == 403
    voice.refresh_from_db()
    assert voice.status == Voice.Status.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["moderator", "team_member"])
def test_moderators_and_team_publish_and_the_author_is_told(
    client, request, author, who, django_capture_on_commit_callbacks
):
    voice = VoiceFactory(author=author, title="Graag publiceren", status=Voice.Status.PENDING)
    client.force_login(request.getfixturevalue(who))
    assertContains(client.get(reverse("voices:moderation_queue")), "Graag publiceren")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("voices:moderate", kwargs={"pk": voice.pk}),
            {"action": "publish", "reason": ""},
        )
    assert response.status_code == 302
    voice.refresh_from_db()
    assert voice.status == Voice.Status.PUBLISHED
    assert voice.published_at is not None
    assert VoiceModeration.objects.get(voice=voice).action == "publish"
    assert mail.outbox[-1].to == ["auteur@example.org"]
    client.logout()
    assertContains(client.get(LIST), "Graag publiceren")


@pytest.mark.django_db
def test_ask_for_a_change_needs_a_reason_and_emails_the_edit_link(
    client, author, moderator, django_capture_on_commit_callbacks
):
    voice = VoiceFactory(author=author, status=Voice.Status.PENDING)
    client.force_login(moderator)
    url = reverse("voices:moderate", kwargs={"pk": voice.pk})
    response = client.post(url, {"action": "request_changes", "reason": ""})
    assertContains(response, "reden", status_code=400)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"action": "request_changes", "reason": "Haal de achternaam weg."}
        )
    assert response.status_code == 302
    voice.refresh_from_db()
    assert voice.status == Voice.Status.CHANGES_REQUESTED
    message = mail.outbox[-1]
    assert "Haal de achternaam weg." in message.body
    assert reverse("voices:edit", kwargs={"pk": voice.pk}) in message.body
    client.force_login(author)
    assertContains(client.get(voice.get_absolute_url()), "Haal de achternaam weg.")


@pytest.mark.django_db
def test_decline_with_reason(client, author, moderator):
    voice = VoiceFactory(author=author, status=Voice.Status.PENDING)
    client.force_login(moderator)
    client.post(
        reverse("voices:moderate", kwargs={"pk": voice.pk}),
        {"action": "decline", "reason": "Dit is reclame."},
    )
    voice.refresh_from_db()
    assert voice.status == Voice.Status.DECLINED
    assert VoiceModeration.objects.get(voice=voice).reason == "Dit is reclame."


@pytest.mark.django_db
def test_a_withdrawn_voice_cannot_be_published(client, moderator):
    voice = VoiceFactory(status=Voice.Status.WITHDRAWN)
    client.force_login(moderator)
    response = client.post(
        reverse("voices:moderate", kwargs={"pk": voice.pk}), {"action": "publish"}
    )
    assert response.status_code == 400
    voice.refresh_from_db()
    assert voice.status == Voice.Status.WITHDRAWN
