"""Ranking, proposing and moving matches: the rules the project team relies on."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from matchcentrum.factories import MatchFactory, MatchRequestFactory
from matchcentrum.models import Match, MatchEvent, MatchRequest, MatchState, Side
from matchcentrum.scoring import DEFAULT_WEIGHTS, haversine_km, match_suggestions
from matchcentrum.services import (
    TransitionError,
    match_propose,
    match_request_create,
    match_respond,
    match_transition,
)
from matchcentrum.tokens import response_token, response_token_read
from municipalities.models import LiaStatus, SizeClass

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def asker(make_municipality):
    return make_municipality("Vraagdorp", centroid=(52.37, 4.89))


def by_title(suggestions):
    return {s.title: s for s in suggestions}


def test_haversine_amsterdam_utrecht():
    assert haversine_km(52.3676, 4.9041, 52.0907, 5.1214) == pytest.approx(34.5, abs=1)


def test_practices_and_adopted_lia_rank_above_a_candidate_without(
    asker, make_municipality, make_practice, art29
):
    strong = make_municipality("Sterkstad", current_lia_status=LiaStatus.ADOPTED)
    make_municipality("Zwakstad")
    for _ in range(3):
        make_practice(municipalities=[strong], themes=[art29])
    request = MatchRequestFactory(municipality=asker, themes=[art29])

    suggestions = match_suggestions(request)
    titles = [s.title for s in suggestions]
    assert titles.index("Sterkstad") < titles.index("Zwakstad")
    reasons = by_title(suggestions)["Sterkstad"].reasons
    assert "3 practices on art. 29" in reasons
    assert "LIA adopted" in reasons
    assert not any("art. 29" in r for r in by_title(suggestions)["Zwakstad"].reasons)


def test_willing_ranks_above_unwilling_when_otherwise_equal(asker, make_municipality, art29):
    make_municipality("Onwillig", willing_to_be_asked=False)
    make_municipality("Willig", willing_to_be_asked=True)
    request = MatchRequestFactory(municipality=asker, themes=[art29])

    suggestions = by_title(match_suggestions(request))
    assert suggestions["Willig"].score > suggestions["Onwillig"].score
    assert "open to questions" in suggestions["Willig"].reasons
    assert "open to questions" not in suggestions["Onwillig"].reasons


def test_reasons_match_the_score_parts(
    asker, make_municipality, make_practice, art29, housing, settings
):
    settings.MATCHCENTRUM_WEIGHTS = {"practice": 2.0, "same_province": 7.0}
    near = make_municipality(
        "Buurdorp",
        centroid=(52.37, 5.24),  # about 24 km east of the asker
        current_lia_status=LiaStatus.IN_EXECUTION,
        region_code="AM01",
    )
    asker.region_code = "AM01"
    asker.save()
    make_practice(municipalities=[near], themes=[art29], life_domains=[housing])
    request = MatchRequestFactory(municipality=asker, themes=[art29], life_domains=[housing])

    suggestion = by_title(match_suggestions(request))["Buurdorp"]
    parts = {part.key.split(":")[0]: part for part in suggestion.parts}
    assert suggestion.score == pytest.approx(sum(p.points for p in suggestion.parts), abs=0.1)
    assert parts["theme"].reason == "1 practice on art. 29" and parts["theme"].points == 2.0
    assert parts["domain"].reason == "1 practice on housing"
    assert (
        parts["lia"].reason == "LIA in execution"
        and parts["lia"].points == DEFAULT_WEIGHTS["lia_step"] * 4
    )
    assert parts["province"].points == 7.0
    assert parts["region"].reason == "same labour-market region"
    assert parts["size_class"].reason == "same size class"
    assert parts["distance"].reason == "24 km"
    assert suggestion.reasons == [p.reason for p in suggestion.parts]


def test_unpublished_practices_do_not_count(asker, make_municipality, make_practice, art29):
    draft = make_municipality("Conceptdorp")
    make_practice(municipalities=[draft], themes=[art29], live=False)
    request = MatchRequestFactory(municipality=asker, themes=[art29])

    suggestion = by_title(match_suggestions(request))["Conceptdorp"]
    assert not any(part.key.startswith("theme") for part in suggestion.parts)


def test_different_size_and_province_give_no_points(asker, make_municipality, art29):
    far = make_municipality(
        "Verweg", population=150_000, province_code="PV20", centroid=(53.2, 6.56)
    )
    assert far.size_class == SizeClass.VERY_LARGE
    request = MatchRequestFactory(municipality=asker, themes=[art29])
    keys = {p.key for p in by_title(match_suggestions(request))["Verweg"].parts}
    assert keys == {"willing"}


def test_asker_retired_and_already_proposed_are_left_out(
    asker, make_municipality, art29, team_member
):
    proposed = make_municipality("Al-voorgesteld")
    make_municipality("Opgeheven", retired_on="2025-01-01")
    make_municipality("Kandidaat")
    request = MatchRequestFactory(municipality=asker, themes=[art29])
    match_propose(match_request=request, offering_municipality=proposed, proposed_by=team_member)

    titles = {s.title for s in match_suggestions(request)}
    assert titles == {"Kandidaat"}


def test_suggestions_need_few_queries(
    asker, make_municipality, make_practice, art29, art9, housing, django_assert_max_num_queries
):
    towns = [make_municipality(f"Dorp {i}", centroid=(52 + i / 10, 5.0)) for i in range(12)]
    for town in towns:
        make_practice(municipalities=[town], themes=[art29, art9], life_domains=[housing])
    request = MatchRequestFactory(municipality=asker, themes=[art29, art9], life_domains=[housing])
    request = MatchRequest.objects.get(pk=request.pk)
    with django_assert_max_num_queries(10):
        suggestions = match_suggestions(request, limit=10)
        urls = [s.municipality.url_path for s in suggestions]
    assert len(urls) == 10


def test_request_create_validates_and_links_terms(asker, official, art29):
    request = match_request_create(
        municipality=asker,
        requested_by=official,
        question="Hoe maken we stembureaus toegankelijk?",
        contact_name="Anne",
        contact_email="anne@example.org",
        themes=[art29],
    )
    assert request.status == MatchRequest.Status.OPEN
    assert list(request.themes.all()) == [art29]
    with pytest.raises(ValidationError):
        match_request_create(
            municipality=asker,
            requested_by=official,
            question="",
            contact_name="Anne",
            contact_email="geen-adres",
        )


def test_propose_emails_both_sides_with_working_links(
    asker, make_municipality, team_member, link, django_capture_on_commit_callbacks
):
    from network.factories import UserFactory
    from network.roles import MUNICIPAL_OFFICIAL

    offering = make_municipality("Helpstad")
    helper = UserFactory(email="helper@helpstad.example.org", roles=[MUNICIPAL_OFFICIAL])
    link(helper, offering)
    request = MatchRequestFactory(municipality=asker, contact_email="vraag@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        match = match_propose(
            match_request=request,
            offering_municipality=offering,
            proposed_by=team_member,
            notes="Helpstad deed dit in 2024.",
        )
    request.refresh_from_db()
    assert request.status == MatchRequest.Status.MATCHED
    assert sorted(m.to[0] for m in mail.outbox) == [
        "helper@helpstad.example.org",
        "vraag@example.org",
    ]
    asking_mail = next(m for m in mail.outbox if m.to == ["vraag@example.org"])
    assert "Helpstad" in asking_mail.subject
    accept_url = next(line for line in asking_mail.body.splitlines() if "/antwoord/" in line)
    token = accept_url.rsplit("/antwoord/", 1)[1].strip("/")
    assert response_token_read(token) == (match, Side.ASKING, "accept")
    assert [e.to_state for e in match.events.all()] == [MatchState.PROPOSED]


def test_propose_refuses_the_same_municipality_twice_and_itself(
    asker, make_municipality, team_member
):
    offering = make_municipality("Helpstad")
    request = MatchRequestFactory(municipality=asker)
    match_propose(match_request=request, offering_municipality=offering, proposed_by=team_member)
    with pytest.raises(ValidationError, match="already been proposed"):
        match_propose(
            match_request=request, offering_municipality=offering, proposed_by=team_member
        )
    with pytest.raises(ValidationError, match="itself"):
        match_propose(match_request=request, offering_municipality=asker, proposed_by=team_member)


def test_forged_or_revoked_tokens_are_refused(asker, make_municipality):
    match = MatchFactory(
        request=MatchRequestFactory(municipality=asker),
        offering_municipality=make_municipality("Helpstad"),
    )
    token = response_token(match, Side.OFFERING, "decline")
    assert response_token_read(token + "x") is None
    assert response_token_read("nonsense") is None
    match.offering_token = "rotated"
    match.save()
    assert response_token_read(token) is None


@pytest.fixture
def match(asker, make_municipality):
    return MatchFactory(
        request=MatchRequestFactory(municipality=asker, status=MatchRequest.Status.MATCHED),
        offering_municipality=make_municipality("Helpstad"),
    )


def test_full_happy_path_is_logged(match, team_member):
    match = match_respond(match=match, side=Side.ASKING, accept=True)
    assert match.state == MatchState.PROPOSED
    match = match_respond(match=match, side=Side.OFFERING, accept=True, note="Graag!")
    assert match.state == MatchState.ACCEPTED
    match = match_transition(match=match, to_state=MatchState.IN_CONVERSATION, user=team_member)
    match = match_transition(
        match=match,
        to_state=MatchState.COMPLETED,
        user=team_member,
        evaluation_useful=True,
        evaluation_outcome="Nieuwe aanpak stembureaus.",
    )
    assert match.completed_at is not None
    moves = list(MatchEvent.objects.filter(match=match).values_list("from_state", "to_state"))
    assert moves == [
        ("proposed", "proposed"),
        ("proposed", "accepted"),
        ("accepted", "in_conversation"),
        ("in_conversation", "completed"),
    ]


def test_completing_a_declined_match_is_refused_with_a_clear_message(match, team_member):
    match_transition(match=match, to_state=MatchState.DECLINED, user=team_member)
    with pytest.raises(TransitionError) as refused:
        match_transition(
            match=match, to_state=MatchState.COMPLETED, user=team_member, evaluation_useful=True
        )
    assert refused.value.messages == [
        "A declined match cannot become completed. It is closed: nothing more can change."
    ]
    assert Match.objects.get(pk=match.pk).state == MatchState.DECLINED


def test_skipping_a_step_is_refused_and_names_the_options(match, team_member):
    with pytest.raises(TransitionError) as refused:
        match_transition(match=match, to_state=MatchState.IN_CONVERSATION, user=team_member)
    assert "From here it can become: accepted, declined." in refused.value.messages[0]


def test_completion_needs_an_evaluation(match, team_member):
    match.state = MatchState.IN_CONVERSATION
    match.save()
    with pytest.raises(TransitionError, match="useful"):
        match_transition(match=match, to_state=MatchState.COMPLETED, user=team_member)


def test_a_decline_reopens_the_request_for_the_team(match):
    match_respond(match=match, side=Side.OFFERING, accept=False)
    match.request.refresh_from_db()
    assert match.request.status == MatchRequest.Status.OPEN


def test_a_side_cannot_accept_twice(match):
    match_respond(match=match, side=Side.ASKING, accept=True)
    with pytest.raises(TransitionError, match="already accepted"):
        match_respond(match=match, side=Side.ASKING, accept=True)
