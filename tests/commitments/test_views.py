"""The pages of the cycle as people use them: who sees which form, bad input, open data."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from commitments import services
from commitments.models import (
    Commitment,
    CommitmentStatus,
    Endorsement,
    Follow,
    PartyAnswer,
    PartyToken,
    Priority,
    StatusChange,
)
from municipalities.factories import MunicipalityPageFactory

pytestmark = pytest.mark.django_db


def _priorities_url(municipality):
    return reverse("commitments:municipality_priorities", args=[municipality.slug])


def _commitments_url(municipality):
    return reverse("commitments:municipality_commitments", args=[municipality.slug])


PRIORITY_POST = {
    "title": "Een gebarentolk bij elke raadsvergadering",
    "explanation": "Dan kunnen dove inwoners de raad volgen.",
    "source": "experts",
}


# --- priorities -------------------------------------------------------------------------------


def test_anyone_reads_the_priority_note(client, priority):
    response = client.get(_priorities_url(priority.municipality))
    assert response.status_code == 200
    assert "Toegankelijke bushaltes" in response.text
    assert "<strong>geen</strong>" in response.text
    assert 'name="title"' not in response.text  # no form for visitors


def test_an_expert_adds_a_priority(client, expert, utrecht):
    client.force_login(expert)
    response = client.post(_priorities_url(utrecht), PRIORITY_POST)
    assert response.status_code == 302
    priority = Priority.objects.get()
    assert priority.created_by == expert
    assert response["Location"].endswith(f"#prioriteit-{priority.pk}")


def test_an_official_of_another_municipality_may_not_add(client, official_of_zeist, utrecht):
    client.force_login(official_of_zeist)
    assert client.post(_priorities_url(utrecht), PRIORITY_POST).status_code == 403
    assert not Priority.objects.exists()


def test_anonymous_post_goes_to_login(client, utrecht):
    response = client.post(_priorities_url(utrecht), PRIORITY_POST)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Priority.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {**PRIORITY_POST, "title": ""},
        {**PRIORITY_POST, "source": "dialogue"},  # without the dialogue moment
        {**PRIORITY_POST, "themes": ["99999999999999999999"]},
        {**PRIORITY_POST, "dialogue": "abc"},
        {**PRIORITY_POST, "title": "a\x00b"},
        {**PRIORITY_POST, "source": "unknown"},
    ],
)
def test_bad_priority_input_is_a_400_with_the_text_kept(client, expert, utrecht, data):
    client.force_login(expert)
    response = client.post(_priorities_url(utrecht), data)
    assert response.status_code == 400
    assert "Dan kunnen dove inwoners de raad volgen." in response.text
    assert "error-summary" in response.text or "field__error" in response.text
    assert not Priority.objects.exists()


def test_editing_is_for_who_may_and_keeps_history(client, priority, member, expert):
    url = reverse("commitments:priority_edit", args=[priority.municipality.slug, priority.pk])
    client.force_login(member)
    assert client.get(url).status_code == 403
    client.force_login(expert)
    response = client.post(url, {**PRIORITY_POST, "title": "Bushaltes met een hoge rand"})
    assert response.status_code == 302
    page = client.get(url)
    assert "Toegankelijke bushaltes" in page.text  # the earlier version


def test_edit_of_a_priority_of_another_municipality_is_404(client, priority, zeist, team_member):
    client.force_login(team_member)
    url = reverse("commitments:priority_edit", args=[zeist.slug, priority.pk])
    assert client.get(url).status_code == 404
    huge = reverse("commitments:priority_edit", args=[priority.municipality.slug, 10**30])
    assert client.get(huge).status_code == 404


def test_endorse_once_and_as_organisation(client, priority, member, organisation):
    url = reverse("commitments:priority_endorse", args=[priority.municipality.slug, priority.pk])
    client.force_login(member)
    assert client.post(url, {"action": "endorse"}).status_code == 302
    assert client.post(url, {"action": "endorse"}).status_code == 302
    assert (
        client.post(url, {"action": "endorse", "organisation": organisation.pk}).status_code == 302
    )
    assert Endorsement.objects.count() == 2
    page = client.get(_priorities_url(priority.municipality))
    assert (
        "2 supporters" in page.text or "2 steunbetuigingen" in page.text or "2 mensen" in page.text
    )
    assert client.post(url, {"action": "endorse", "organisation": "x"}).status_code == 400
    assert client.post(url, {"action": "withdraw"}).status_code == 302
    assert Endorsement.objects.count() == 1


def test_endorse_needs_a_login_and_a_post(client, priority):
    url = reverse("commitments:priority_endorse", args=[priority.municipality.slug, priority.pk])
    assert client.get(url).status_code == 405
    response = client.post(url, {"action": "endorse"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Endorsement.objects.exists()


# --- commitments ------------------------------------------------------------------------------


COMMITMENT_POST = {
    "title": "Een VN-panel in 2027",
    "description": "Het panel adviseert gevraagd en ongevraagd.",
    "made_by": "party",
    "party_name": "Stadspartij",
    "term": "2026-2030",
    "source_title": "Verkiezingsprogramma Stadspartij",
    "source_url": "https://stadspartij.example.org/programma",
    "promised_on": "2026-02-01",
}


def test_an_official_records_a_commitment(client, official_of_utrecht, utrecht, priority):
    client.force_login(official_of_utrecht)
    response = client.post(
        _commitments_url(utrecht), {**COMMITMENT_POST, "priorities": [priority.pk]}
    )
    assert response.status_code == 302
    commitment = Commitment.objects.get()
    assert list(commitment.priorities.all()) == [priority]
    assert commitment.history.get().status == CommitmentStatus.PROMISED


@pytest.mark.parametrize(
    "change",
    [
        {"party_name": ""},
        {"term": "2026"},
        {"promised_on": "2999-01-01"},
        {"promised_on": "31-31-2026"},
        {"source_url": "javascript:alert(1)"},
        {"made_by": "king"},
        {"priorities": ["abc"]},
    ],
)
def test_bad_commitment_input_is_a_400_with_the_form_kept(
    client, official_of_utrecht, utrecht, change
):
    client.force_login(official_of_utrecht)
    response = client.post(_commitments_url(utrecht), {**COMMITMENT_POST, **change})
    assert response.status_code == 400
    assert "Het panel adviseert gevraagd en ongevraagd." in response.text
    assert not Commitment.objects.exists()


@pytest.mark.parametrize("who", ["member", "expert", "official_of_zeist"])
def test_others_may_not_record_a_commitment(client, utrecht, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.post(_commitments_url(utrecht), COMMITMENT_POST).status_code == 403
    assert 'name="made_by"' not in client.get(_commitments_url(utrecht)).text


def test_record_a_status_change_and_see_the_scoreboard(client, commitment, official_of_utrecht):
    url = reverse("commitments:commitment", args=[commitment.municipality.slug, commitment.pk])
    client.force_login(official_of_utrecht)
    response = client.post(
        url, {"status": "realised", "date": "2025-05-01", "note": "Klaar.", "evidence_url": ""}
    )
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.REALISED
    client.logout()
    page = client.get(_commitments_url(commitment.municipality))
    assert (
        "1 van 1 toezeggingen gerealiseerd" in page.text
        or "1 of 1 commitments realised" in page.text
    )
    profile = client.get(reverse("municipalities:profile", args=[commitment.municipality.slug]))
    assert "1 van 1 toezeggingen gerealiseerd" in profile.text or "1 of 1" in profile.text


@pytest.mark.parametrize(
    "data",
    [
        {"status": "realised", "date": "2999-01-01", "note": "Te vroeg"},
        {"status": "realised", "date": "2021-01-01", "note": "Voor de belofte"},
        {"status": "done", "date": "2025-01-01", "note": "Onbekend"},
        {"status": "realised", "date": "2025-01-01", "note": ""},
        {"status": "realised", "date": "gisteren", "note": "Geen datum"},
    ],
)
def test_bad_status_changes_are_refused(client, commitment, official_of_utrecht, data):
    url = reverse("commitments:commitment", args=[commitment.municipality.slug, commitment.pk])
    client.force_login(official_of_utrecht)
    response = client.post(url, data)
    assert response.status_code == 400
    if data["note"]:
        assert data["note"] in response.text
    assert StatusChange.objects.filter(commitment=commitment).count() == 1


def test_status_change_by_others_is_forbidden(client, commitment, expert, team_member):
    url = reverse("commitments:commitment", args=[commitment.municipality.slug, commitment.pk])
    data = {"status": "in_progress", "date": "2024-01-01", "note": "Bezig"}
    client.force_login(expert)
    assert client.post(url, data).status_code == 403
    client.force_login(team_member)
    assert client.post(url, data).status_code == 302


def test_a_stalled_commitment_says_so(client, commitment):
    page = client.get(
        reverse("commitments:commitment", args=[commitment.municipality.slug, commitment.pk])
    )
    assert "12 maanden" in page.text or "12 months" in page.text


def test_follow_and_unfollow(client, member, utrecht):
    url = reverse("commitments:follow", args=[utrecht.slug])
    assert "/accounts/login/" in client.post(url)["Location"]
    client.force_login(member)
    response = client.post(url, {"action": "follow", "next": "https://evil.example.org/"})
    assert response["Location"] == _commitments_url(utrecht)
    assert Follow.objects.filter(user=member, municipality=utrecht).exists()
    client.post(url, {"action": "unfollow"})
    assert not Follow.objects.exists()


def test_the_feed_lists_status_changes(client, commitment, official_of_utrecht):
    services.status_change_record(
        commitment=commitment,
        user=official_of_utrecht,
        status="in_progress",
        date=datetime.date(2024, 1, 1),
        note="Eerste haltes \x0b aangepast",
    )
    response = client.get(
        reverse("commitments:municipality_feed", args=[commitment.municipality.slug])
    )
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert any("Alle bushaltes" in (t or "") for t in titles)
    assert (
        client.get(reverse("commitments:municipality_feed", args=["bestaat-niet"])).status_code
        == 404
    )


# --- national overview, exports ---------------------------------------------------------------


@pytest.fixture
def many(index_page, team_member):
    municipalities = [
        MunicipalityPageFactory(
            parent=index_page,
            province="Utrecht" if i % 2 else "Gelderland",
            province_code="PV26" if i % 2 else "PV25",
        )
        for i in range(8)
    ]
    for municipality in municipalities:
        for n in range(8):
            services.commitment_save(
                municipality=municipality,
                user=team_member,
                title=f'=HYPERLINK("x") {n}',
                made_by="party",
                party_name="Partij voor Iedereen" if n % 2 else "Lokaal Belang",
                term="2022-2026",
                source_title="Programma",
                promised_on=datetime.date(2022, 3, n + 1),
            )
    return municipalities


def test_overview_filters_and_query_budget(client, many, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get(reverse("commitments:overview"))
    assert response.status_code == 200
    assert "0 van 64" in response.text or "0 of 64" in response.text
    with django_assert_max_num_queries(12):
        response = client.get(
            reverse("commitments:overview"), {"province": "PV26", "party": "Iedereen"}
        )
    assert "0 van 16" in response.text or "0 of 16" in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"province": "PV99"},
        {"status": "weg"},
        {"theme": "bestaat-niet"},
        {"term": "3000-3004"},
        {"party": "x" * 500},
        {"page": "0"},
    ],
)
def test_overview_bad_filters_are_400(client, params):
    assert client.get(reverse("commitments:overview"), params).status_code == 400
    assert client.get(reverse("commitments:export_csv"), params).status_code == 400


def test_csv_export_parses_back_and_neutralises_formulas(client, many):
    response = client.get(reverse("commitments:export_csv"), {"province": "PV26"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 32
    assert all(row["title"].startswith("'=") for row in rows)
    assert {row["province"] for row in rows} == {"Utrecht"}


def test_json_export_follows_the_filters(client, many):
    response = client.get(reverse("commitments:export_json"), {"party": "Lokaal"})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["count"] == 32
    assert {row["party"] for row in data["commitments"]} == {"Lokaal Belang"}


def test_municipality_pages_have_a_query_budget(
    client, many, member, django_assert_max_num_queries
):
    municipality = many[0]
    client.force_login(member)
    for url in (_commitments_url(municipality), _priorities_url(municipality)):
        client.get(url)  # the menu and site settings are cached after the first visit
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


# --- elections --------------------------------------------------------------------------------


def test_the_team_makes_a_link_and_the_party_answers(client, party, priority, team_member, member):
    url = reverse("commitments:election_municipality", args=[2026, party.municipality.slug])
    client.force_login(member)
    assert client.post(url, {"party": party.pk}).status_code == 403
    client.force_login(team_member)
    assert client.post(url, {"party": "abc"}).status_code == 400
    response = client.post(url, {"party": party.pk})
    assert response.status_code == 200
    link = response.context["new_link"]["url"]
    client.logout()
    path = link.split("testserver", 1)[-1]
    form = client.get(path)
    assert form.status_code == 200 and "Toegankelijke bushaltes" in form.text
    bad = client.post(
        path, {f"position_{priority.pk}": "maybe", f"explanation_{priority.pk}": "Wij steunen dit."}
    )
    assert bad.status_code == 400 and "Wij steunen dit." in bad.text
    done = client.post(
        path, {f"position_{priority.pk}": "agree", f"explanation_{priority.pk}": "Wij steunen dit."}
    )
    assert done.status_code == 302
    answer = PartyAnswer.objects.get()
    assert answer.position == "agree" and answer.via_token
    table = client.get(url)
    assert "Wij steunen dit." in table.text
    assert '<th scope="col">Stadspartij</th>' in table.text


def test_an_expired_or_unknown_token_is_refused(client, party, team_member, priority):
    raw = services.party_token_issue(party=party, user=team_member)
    PartyToken.objects.update(expires_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    url = reverse("commitments:party_answer", args=[raw])
    assert client.get(url).status_code == 404
    assert client.post(url, {f"position_{priority.pk}": "agree"}).status_code == 404
    assert not PartyAnswer.objects.exists()
    assert client.get(reverse("commitments:party_answer", args=["x" * 300])).status_code == 404


def test_election_pages(client, party, election):
    assert client.get(reverse("commitments:election", args=[2026])).status_code == 200
    assert client.get(reverse("commitments:election", args=[1066])).status_code == 404
    assert client.get(reverse("commitments:election", args=[99999999999])).status_code == 404
    assert client.get(reverse("commitments:election_guide", args=[2026])).status_code == 200
    assert (
        client.get(reverse("commitments:election_municipality", args=[2026, "nergens"])).status_code
        == 404
    )


def test_a_dialogue_moment_shows_the_priorities_that_came_out_of_it(
    client, home_page, utrecht, expert
):
    from django.utils import timezone

    from events.factories import EventIndexPageFactory, EventPageFactory

    agenda = EventIndexPageFactory(parent=home_page)
    start = timezone.now() - datetime.timedelta(days=7)
    dialogue = EventPageFactory(
        parent=agenda,
        title="Dialoogmoment Utrecht",
        kind="dialogue",
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    meeting = EventPageFactory(
        parent=agenda, title="Netwerkdag", start=start, end=start + datetime.timedelta(hours=2)
    )
    client.force_login(expert)
    response = client.post(
        _priorities_url(utrecht), {**PRIORITY_POST, "source": "dialogue", "dialogue": dialogue.pk}
    )
    assert response.status_code == 302
    # Only past dialogue moments can be chosen.
    response = client.post(
        _priorities_url(utrecht), {**PRIORITY_POST, "source": "dialogue", "dialogue": meeting.pk}
    )
    assert response.status_code == 400
    page = client.get(dialogue.url)
    assert "Dialoogmoment" in page.text
    assert "Een gebarentolk bij elke raadsvergadering" in page.text
    assert "Een gebarentolk bij elke raadsvergadering" not in client.get(meeting.url).text


def test_the_start_page_lists_followed_municipalities(client, member, commitment):
    client.force_login(member)
    start = reverse("start")
    assert "Gemeenten die ik volg" not in client.get(start).text
    services.follow(user=member, municipality=commitment.municipality)
    response = client.get(start)
    assert response.status_code == 200
    assert "Gemeenten die ik volg" in response.text
    assert "0 van 1 toezeggingen gerealiseerd" in response.text
    assert "12 maanden" in response.text  # the fixture's promise of 2022 has stalled


def test_change_links_only_for_points_one_may_change(client, priority, expert, official_of_utrecht):
    other = services.priority_save(
        municipality=priority.municipality,
        user=official_of_utrecht,
        title="Een loket zonder drempel",
        explanation="De balie is te hoog.",
    )
    own_link = reverse("commitments:priority_edit", args=[priority.municipality.slug, priority.pk])
    other_link = reverse("commitments:priority_edit", args=[other.municipality.slug, other.pk])
    client.force_login(expert)
    page = client.get(_priorities_url(priority.municipality))
    assert page.status_code == 200
    assert own_link in page.text and other_link not in page.text
    assert client.get(other_link).status_code == 403
    client.force_login(official_of_utrecht)
    page = client.get(_priorities_url(priority.municipality))
    assert own_link in page.text and other_link in page.text


def test_the_team_enters_answers_for_a_party(client, party, priority, team_member, member):
    url = reverse(
        "commitments:party_answer_by_team", args=[2026, party.municipality.slug, party.pk]
    )
    data = {f"position_{priority.pk}": "partly", f"explanation_{priority.pk}": "Per telefoon."}
    assert "/accounts/login/" in client.get(url)["Location"]
    client.force_login(member)
    assert client.get(url).status_code == 403
    assert client.post(url, data).status_code == 403
    client.force_login(team_member)
    assert client.get(url).status_code == 200
    bad = client.post(url, {**data, f"position_{priority.pk}": "misschien"})
    assert bad.status_code == 400 and "Per telefoon." in bad.text
    assert client.post(url, data).status_code == 302
    answer = PartyAnswer.objects.get()
    assert (answer.position, answer.answered_by, answer.via_token) == ("partly", team_member, False)
    other = reverse("commitments:party_answer_by_team", args=[2026, "zeist", party.pk])
    assert client.get(other).status_code == 404


def test_a_commitment_keeps_its_source_document(
    client, official_of_utrecht, utrecht, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client.force_login(official_of_utrecht)
    bad = client.post(
        _commitments_url(utrecht),
        {**COMMITMENT_POST, "source_file": SimpleUploadedFile("akkoord.exe", b"MZ")},
    )
    assert bad.status_code == 400 and "Het panel adviseert gevraagd en ongevraagd." in bad.text
    response = client.post(
        _commitments_url(utrecht),
        {**COMMITMENT_POST, "source_file": SimpleUploadedFile("akkoord.pdf", b"%PDF-1.4 akkoord")},
    )
    assert response.status_code == 302
    commitment = Commitment.objects.get()
    assert commitment.source_document is not None
    page = client.get(reverse("commitments:commitment", args=[utrecht.slug, commitment.pk]))
    assert commitment.source_document.url in page.text


def test_support_and_following_are_logged(client, priority, member, utrecht):
    from wagtail.models import ModelLogEntry

    services.priority_endorse(priority=priority, user=member)
    services.priority_withdraw_endorsement(priority=priority, user=member)
    services.follow(user=member, municipality=utrecht)
    services.unfollow(user=member, municipality=utrecht)
    actions = list(
        ModelLogEntry.objects.filter(user=member).order_by("pk").values_list("action", flat=True)
    )
    assert actions == ["wagtail.create", "wagtail.delete", "wagtail.create", "wagtail.delete"]


def test_the_organiser_of_a_dialogue_records_its_priorities(client, home_page, utrecht, member):
    from django.utils import timezone

    from events.factories import EventIndexPageFactory, EventPageFactory
    from network.factories import UserFactory

    agenda = EventIndexPageFactory(parent=home_page)
    start = timezone.now() - datetime.timedelta(days=3)
    organiser = UserFactory(email="organisator@example.org")
    own = EventPageFactory(
        parent=agenda,
        title="Dialoogmoment Utrecht-West",
        kind="dialogue",
        organiser=organiser,
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    other = EventPageFactory(
        parent=agenda,
        title="Dialoogmoment elders",
        kind="dialogue",
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    client.force_login(member)  # a member without a role or organisation
    assert client.post(_priorities_url(utrecht), PRIORITY_POST).status_code == 403
    client.force_login(organiser)
    page = client.get(_priorities_url(utrecht))
    assert page.status_code == 200
    assert "Dialoogmoment Utrecht-West" in page.text and "Dialoogmoment elders" not in page.text
    # Without their dialogue moment, or with someone else's: refused, the text kept.
    for data in ({**PRIORITY_POST}, {**PRIORITY_POST, "dialogue": other.pk}):
        response = client.post(_priorities_url(utrecht), {**data, "source": "dialogue"})
        assert response.status_code == 400
        assert "Dan kunnen dove inwoners de raad volgen." in response.text
    response = client.post(
        _priorities_url(utrecht), {**PRIORITY_POST, "source": "dialogue", "dialogue": own.pk}
    )
    assert response.status_code == 302
    priority = Priority.objects.get()
    assert (priority.dialogue, priority.created_by) == (own, organiser)
