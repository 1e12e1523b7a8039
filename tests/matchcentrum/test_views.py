"""The matchcentrum's pages, per role: who may see and do what, and bad input answered."""

import pytest
from django.core import mail
from django.template import Context, Template
from django.urls import reverse
from pytest_django.asserts import assertContains

from matchcentrum.factories import MatchFactory, MatchRequestFactory
from matchcentrum.models import Match, MatchRequest, MatchState, Side
from matchcentrum.tokens import response_token
from network.factories import UserFactory
from network.roles import MUNICIPAL_OFFICIAL

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def u(name: str, *args) -> str:
    """A matchcentrum URL in the active language (English in these tests: /en/...)."""
    return reverse(f"matchcentrum:{name}", args=args)


@pytest.fixture
def towns(make_municipality):
    return {
        "asker": make_municipality("Vraagdorp", centroid=(52.37, 4.89)),
        "helper": make_municipality("Helpstad", centroid=(52.37, 5.0)),
        "other": make_municipality("Anderdorp"),
    }


@pytest.fixture
def asking_official(official, link, towns):
    link(official, towns["asker"])
    return official


@pytest.fixture
def helping_official(link, towns):
    user = UserFactory(email="helper@example.org", roles=[MUNICIPAL_OFFICIAL])
    link(user, towns["helper"])
    return user


@pytest.fixture
def outsider_official(link, towns):
    user = UserFactory(email="outsider@example.org", roles=[MUNICIPAL_OFFICIAL])
    link(user, towns["other"])
    return user


@pytest.fixture
def match_request(towns, art29, asking_official):
    return MatchRequestFactory(
        municipality=towns["asker"], themes=[art29], requested_by=asking_official
    )


@pytest.fixture
def match(match_request, towns):
    match_request.status = MatchRequest.Status.MATCHED
    match_request.save()
    return MatchFactory(request=match_request, offering_municipality=towns["helper"])


def form_data(municipality, theme, **overrides):
    data = {
        "municipality": municipality.pk,
        "themes": [theme.pk],
        "question": "Hoe maken we stembureaus toegankelijk?",
        "preferred_contact": "email",
        "contact_name": "Anne",
        "contact_email": "anne@example.org",
        "contact_phone": "",
    }
    data.update(overrides)
    return data


# The request form ---------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client):
    for url in (u("request_create"), u("index"), u("dashboard"), u("mine")):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["member", "expert", "moderator", "official"])
def test_only_linked_officials_and_the_team_may_ask(client, request, who, towns):
    # 'official' here has the role but no membership: the team has not linked them yet.
    client.force_login(request.getfixturevalue(who))
    response = client.get(u("request_create"))
    assert response.status_code == 403


def test_official_asks_for_own_municipality(client, asking_official, towns, art29):
    client.force_login(asking_official)
    page = client.get(u("request_create"))
    assert page.status_code == 200
    assert page.context["form"]["municipality"].value() == towns["asker"].pk
    assert [m.pk for m in page.context["form"].fields["municipality"].queryset] == [
        towns["asker"].pk
    ]
    response = client.post(u("request_create"), form_data(towns["asker"], art29))
    created = MatchRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == u("request_detail", created.pk)
    assert created.requested_by == asking_official and list(created.themes.all()) == [art29]


def test_official_cannot_ask_for_another_municipality(client, asking_official, towns, art29):
    client.force_login(asking_official)
    response = client.post(u("request_create"), form_data(towns["other"], art29))
    assert response.status_code == 400
    assert not MatchRequest.objects.exists()
    assert "Select a valid choice" in str(response.context["form"].errors["municipality"])


def test_team_asks_on_behalf_of_any_municipality(client, team_member, towns, art29):
    client.force_login(team_member)
    response = client.post(u("request_create"), form_data(towns["other"], art29))
    assert response.status_code == 302
    assert MatchRequest.objects.get().municipality == towns["other"]


def test_errors_answer_400_keep_input_and_explain(client, asking_official, towns):
    client.force_login(asking_official)
    response = client.post(
        u("request_create"),
        form_data(
            towns["asker"],
            towns["asker"],
            themes=[],
            preferred_contact="phone",
            question="Mijn vraag blijft staan",
        ),
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Choose at least one theme or life domain." in content
    assert "Give a phone number if you prefer to be called." in content
    assert "Mijn vraag blijft staan" in content
    assert 'aria-invalid="true"' in content


def test_practice_link_prefills_the_form(
    client, asking_official, towns, make_practice, art29, housing
):
    practice = make_practice(
        municipalities=[towns["helper"]], themes=[art29], life_domains=[housing]
    )
    client.force_login(asking_official)
    response = client.get(
        f"{u('request_create')}?practice={practice.pk}&municipality={towns['helper'].pk}"
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form["themes"].value() == [art29.pk] or list(form["themes"].value()) == [art29]
    assertContains(response, practice.title)
    post = client.post(
        f"{u('request_create')}?practice={practice.pk}&municipality={towns['helper'].pk}",
        form_data(
            towns["asker"], art29, practice=practice.pk, target_municipality=towns["helper"].pk
        ),
    )
    assert post.status_code == 302
    created = MatchRequest.objects.get()
    assert created.practice == practice and created.target_municipality == towns["helper"]


@pytest.mark.parametrize("query", ["practice=abc", "practice=999999", "municipality=-1"])
def test_broken_practice_links_explain_and_still_offer_the_form(client, asking_official, query):
    client.force_login(asking_official)
    response = client.get(f"{u('request_create')}?{query}")
    assert response.status_code == 400
    assert "could not be found" in response.content.decode()
    assert "form" in response.context


# The team's list, a request, the dashboard -------------------------------------------------


@pytest.mark.parametrize("who", ["member", "expert", "moderator", "asking_official"])
def test_team_pages_are_closed_to_others(client, request, who, match_request):
    client.force_login(request.getfixturevalue(who))
    for url in (u("index"), u("dashboard"), u("request_close", match_request.pk)):
        response = client.post(url) if "sluiten" in url else client.get(url)
        assert response.status_code == 403, url


def test_team_list_shows_open_requests_oldest_first(
    client, team_member, towns, art29, django_assert_max_num_queries
):
    newer = MatchRequestFactory(municipality=towns["helper"], themes=[art29])
    older = MatchRequestFactory(municipality=towns["asker"], themes=[art29])
    MatchRequest.objects.filter(pk=older.pk).update(created_at=newer.created_at.replace(year=2025))
    MatchRequestFactory(municipality=towns["other"], status=MatchRequest.Status.CLOSED)
    for _ in range(20):
        MatchRequestFactory(municipality=towns["other"], themes=[art29], status="matched")
    client.force_login(team_member)
    client.get(u("index"))  # first visit creates the user's admin profile and site settings
    # The base page's own queries plus five of the list, however many requests there are.
    with django_assert_max_num_queries(18):
        response = client.get(u("index"))
    assert response.status_code == 200
    assert [r.pk for r in response.context["page_obj"]] == [older.pk, newer.pk]
    closed = client.get(u("index") + "?status=closed")
    assert closed.status_code == 200
    assert len(closed.context["page_obj"]) == 1
    with django_assert_max_num_queries(18):
        matched = client.get(u("index") + "?status=matched")
    assert matched.status_code == 200
    assert len(matched.context["page_obj"]) == 20


def test_unknown_status_filter_is_a_400_with_a_message(client, team_member):
    client.force_login(team_member)
    response = client.get(u("index") + "?status=nonsense")
    assert response.status_code == 400
    assert "This list does not exist" in response.content.decode()


def test_team_sees_suggestions_with_reasons_and_proposes(
    client,
    team_member,
    match_request,
    towns,
    helping_official,
    make_practice,
    art29,
    django_capture_on_commit_callbacks,
):
    make_practice(municipalities=[towns["helper"]], themes=[art29])
    client.force_login(team_member)
    url = u("request_detail", match_request.pk)
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["suggestions"][0].title == "Helpstad"
    assert "1 practice on art. 29" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        proposed = client.post(
            url,
            {"propose-offering_municipality": towns["helper"].pk, "propose-notes": "Past goed."},
        )
    match = Match.objects.get()
    assert proposed.status_code == 302
    assert proposed["Location"] == u("match_detail", match.pk)
    assert {m.to[0] for m in mail.outbox} == {match_request.contact_email, "helper@example.org"}


def test_propose_with_bad_input_is_a_400_and_keeps_the_notes(client, team_member, match_request):
    client.force_login(team_member)
    url = u("request_detail", match_request.pk)
    response = client.post(
        url, {"propose-offering_municipality": "999999", "propose-notes": "Mijn toelichting"}
    )
    assert response.status_code == 400
    assert "Choose one of the suggested municipalities." in response.content.decode()
    assert "Mijn toelichting" in response.content.decode()
    assert not Match.objects.exists()


def test_asking_official_sees_own_request_without_suggestions(
    client, asking_official, match_request
):
    client.force_login(asking_official)
    url = u("request_detail", match_request.pk)
    response = client.get(url)
    assert response.status_code == 200
    assert "suggestions" not in response.context
    assert client.post(url, {"propose-notes": "x"}).status_code == 403


@pytest.mark.parametrize(
    "who", ["member", "expert", "moderator", "outsider_official", "helping_official"]
)
def test_nobody_else_sees_a_request(client, request, who, match_request):
    client.force_login(request.getfixturevalue(who))
    url = u("request_detail", match_request.pk)
    assert client.get(url).status_code == 403


def test_team_closes_a_request(client, team_member, match_request):
    client.force_login(team_member)
    client.post(u("request_close", match_request.pk))
    match_request.refresh_from_db()
    assert match_request.status == MatchRequest.Status.CLOSED


def test_dashboard_counts(client, team_member, match, towns, art29):
    MatchRequest.objects.filter(pk=match.request_id).update(
        created_at=match.created_at.replace(year=match.created_at.year - 1)
    )
    MatchRequestFactory(municipality=towns["other"], themes=[art29])
    client.force_login(team_member)
    response = client.get(u("dashboard"))
    assert response.status_code == 200
    assert response.context["open_count"] == 1
    assert dict(response.context["states"])["proposed"] == 1
    assert response.context["median_days"] >= 365
    assert [(t.article, t.n) for t in response.context["themes"]] == [(29, 2)]


# Matches -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "who,status",
    [
        ("team_member", 200),
        ("asking_official", 200),
        ("helping_official", 200),
        ("outsider_official", 403),
        ("member", 403),
        ("moderator", 403),
    ],
)
def test_who_sees_a_match(client, request, match, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(u("match_detail", match.pk)).status_code == status


def move(client, match, to_state, **extra):
    data = {"move-to_state": to_state, **{f"move-{k}": v for k, v in extra.items()}}
    return client.post(u("match_move", match.pk), data)


def test_both_sides_accept_then_talk_and_complete(client, match, asking_official, helping_official):
    client.force_login(helping_official)
    assert move(client, match, "accepted").status_code == 302
    match.refresh_from_db()
    assert match.state == "proposed" and match.offering_accepted_at is not None
    client.force_login(asking_official)
    move(client, match, "accepted")
    match.refresh_from_db()
    assert match.state == "accepted"
    move(client, match, "in_conversation", note="Eerste gesprek gepland.")
    response = move(
        client, match, "completed", evaluation_useful="yes", evaluation_outcome="Veel geleerd."
    )
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.state == "completed" and match.evaluation_useful is True
    assert match.events.filter(actor=asking_official, to_state="in_conversation").exists()


@pytest.mark.parametrize("who", ["outsider_official", "member", "expert", "moderator"])
def test_outsiders_cannot_move_note_or_consent(client, request, match, who):
    client.force_login(request.getfixturevalue(who))
    assert move(client, match, "declined").status_code == 403
    url = u("match_note", match.pk)
    assert client.post(url, {"note-note": "x"}).status_code == 403
    consent = u("match_consent", match.pk, "asking")
    assert client.post(consent, {"consent-asking-show": "on"}).status_code == 403
    match.refresh_from_db()
    assert match.state == "proposed" and not match.events.exists()


def test_completing_a_declined_match_is_refused_with_400_and_message(client, team_member, match):
    client.force_login(team_member)
    move(client, match, "declined")
    response = move(client, match, "completed", evaluation_useful="yes")
    assert response.status_code == 400
    assert "A declined match cannot become completed." in response.content.decode()
    match.refresh_from_db()
    assert match.state == "declined"


def test_completing_without_evaluation_is_a_400(client, team_member, match):
    Match.objects.filter(pk=match.pk).update(state=MatchState.IN_CONVERSATION)
    client.force_login(team_member)
    response = move(client, match, "completed", evaluation_outcome="Iets")
    assert response.status_code == 400
    assert "Say whether the match was useful" in response.content.decode()
    assert "Iets" in response.content.decode()


def test_unknown_state_is_a_400(client, team_member, match):
    client.force_login(team_member)
    assert move(client, match, "exploded").status_code == 400


def test_a_side_cannot_consent_for_the_other(client, match, helping_official):
    Match.objects.filter(pk=match.pk).update(state=MatchState.COMPLETED)
    client.force_login(helping_official)
    url = u("match_consent", match.pk, "asking")
    assert client.post(url, {"consent-asking-show": "on"}).status_code == 403
    bad = client.post(u("match_consent", match.pk, "nobody"), {})
    assert bad.status_code == 400
    assert "an asking and an offering side" in bad.content.decode()


def test_notes_go_into_the_history(client, match, helping_official):
    client.force_login(helping_official)
    url = u("match_note", match.pk)
    assert client.post(url, {"note-note": ""}).status_code == 400
    client.post(url, {"note-note": "Wij bellen volgende week."})
    assert match.events.get().note == "Wij bellen volgende week."
    page = client.get(u("match_detail", match.pk))
    assertContains(page, "Wij bellen volgende week.")


# One-link answers --------------------------------------------------------------------------


def test_one_link_accept_works_without_login(client, match):
    url = u("respond", response_token(match, Side.OFFERING, "accept"))
    page = client.get(url)
    assert page.status_code == 200
    match.refresh_from_db()
    assert match.offering_accepted_at is None  # a GET (mail scanners) changes nothing
    client.post(url, {"note": "Graag"})
    match.refresh_from_db()
    assert match.offering_accepted_at is not None
    again = client.post(url, {})
    assert again.status_code == 409


def test_one_link_decline(client, match):
    url = u("respond", response_token(match, Side.ASKING, "decline"))
    client.post(url, {"note": "Geen tijd"})
    match.refresh_from_db()
    assert match.state == "declined"
    assert match.events.get().actor_side == "asking"


def test_broken_one_link_is_a_404_with_an_explanation(client, match):
    token = response_token(match, Side.ASKING, "accept")
    response = client.get(reverse("matchcentrum:respond", args=[token[:-2] + "xx"]))
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


# My municipality, the profile section, privacy ---------------------------------------------


def test_officials_see_their_own_requests_and_matches_only(
    client, match, asking_official, outsider_official, helping_official
):
    client.force_login(asking_official)
    response = client.get(u("mine"))
    assert response.status_code == 200
    assert [r.pk for r in response.context["requests"]] == [match.request_id]
    assert [m.pk for m in response.context["matches"]] == [match.pk]
    client.force_login(helping_official)
    response = client.get(u("mine"))
    assert response.status_code == 200
    assert response.context["requests"] == [] and [m.pk for m in response.context["matches"]] == [
        match.pk
    ]
    client.force_login(outsider_official)
    response = client.get(u("mine"))
    assert response.status_code == 200
    assert response.context["requests"] == [] and response.context["matches"] == []


def test_member_without_municipality_is_told_so(client, member, match):
    client.force_login(member)
    response = client.get(u("mine"))
    assert response.status_code == 200
    assert "not linked to a municipality" in response.content.decode()
    assert response.context["matches"] == []


def render_section(page) -> str:
    return Template('{% include "matchcentrum/includes/municipality_section.html" %}').render(
        Context({"page": page})
    )


def test_profile_shows_completed_matches_only_when_both_agree(
    client, match, asking_official, helping_official, towns, django_assert_max_num_queries
):
    Match.objects.filter(pk=match.pk).update(
        state=MatchState.COMPLETED, evaluation_useful=True, evaluation_outcome="Nieuwe werkwijze."
    )
    client.force_login(asking_official)
    url = u("match_consent", match.pk, "asking")
    client.post(url, {"consent-asking-show": "on"})
    assert "Helpstad" not in render_section(towns["asker"])
    client.force_login(helping_official)
    client.post(u("match_consent", match.pk, "offering"), {"consent-offering-show": "on"})
    assert ">Vraagdorp</a>" in render_section(towns["helper"])  # also warms the site's URL cache
    with django_assert_max_num_queries(2):
        html = render_section(towns["asker"])
    assert f'With <a href="{towns["helper"].url}">Helpstad</a>' in html
    assert "Nieuwe werkwijze." in html
    assert render_section(towns["other"]).strip() == ""


def test_data_export_lists_my_requests(match_request, asking_official):
    from network.privacy import export_user_data

    data = export_user_data(asking_official)["matchcentrum"]
    assert [item["question"] for item in data] == [match_request.question]


def test_team_can_list_and_propose_every_candidate(
    client, team_member, match_request, make_municipality
):
    for i in range(11):
        make_municipality(f"Extra {i:02}")
    client.force_login(team_member)
    url = u("request_detail", match_request.pk)
    response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["suggestions"]) == 10
    response = client.get(url + "?all=1")
    assert response.status_code == 200
    everyone = response.context["suggestions"]
    assert len(everyone) == 13  # every other municipality
    last = everyone[-1]
    response = client.post(
        url + "?all=1",
        {
            "propose-offering_municipality": last.municipality_id,
            "propose-notes": "Verderop.",
            "propose-offering_contact_email": "verderop@example.org",
        },
    )
    assert response.status_code == 302
    assert Match.objects.get().offering_municipality_id == last.municipality_id


def test_dashboard_and_my_overview_need_a_fixed_number_of_queries(
    client, team_member, asking_official, towns, art29, django_assert_max_num_queries
):
    for _ in range(15):
        request = MatchRequestFactory(municipality=towns["asker"], themes=[art29])
        MatchFactory(request=request, offering_municipality=towns["helper"])
    client.force_login(team_member)
    client.get(u("dashboard"))  # first visit creates the user's admin profile and site settings
    with django_assert_max_num_queries(16):
        assert client.get(u("dashboard")).status_code == 200
    client.force_login(asking_official)
    client.get(u("mine"))
    with django_assert_max_num_queries(16):
        response = client.get(u("mine"))
    assert response.status_code == 200
    assert len(response.context["matches"]) == 15


def test_propose_to_a_municipality_nobody_answers_for_is_a_400_with_the_reason(
    client, team_member, towns
):
    match_request = MatchRequestFactory(municipality=towns["asker"])
    client.force_login(team_member)
    response = client.post(
        u("request_detail", match_request.pk),
        {"propose-offering_municipality": towns["other"].pk, "propose-notes": "Misschien."},
    )
    assert response.status_code == 400
    assert "has no contact for inclusion questions" in response.content.decode()


def test_proposal_on_a_request_closed_meanwhile_says_why(
    client, team_member, match_request, towns, make_practice, art29
):
    make_practice(municipalities=[towns["helper"]], themes=[art29])
    client.force_login(team_member)
    MatchRequest.objects.filter(pk=match_request.pk).update(status=MatchRequest.Status.CLOSED)
    response = client.post(
        u("request_detail", match_request.pk),
        {"propose-offering_municipality": towns["helper"].pk, "propose-notes": "Past goed."},
    )
    assert response.status_code == 400
    messages = [str(m) for m in response.context["messages"]]
    assert messages and all(m.strip() for m in messages)
    assert messages[0] in response.content.decode()
    assert not Match.objects.exists()
