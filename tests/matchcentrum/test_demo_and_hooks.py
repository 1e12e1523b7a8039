"""Demo data in every state, the profile links and the admin menu entry."""

import io

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from matchcentrum import demo
from matchcentrum.models import Match, MatchEvent, MatchRequest, MatchState
from matchcentrum.wagtail_hooks import register_matchcentrum_menu_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_demo_has_every_state_with_history_and_runs_twice(make_municipality):
    codes = {code for scenario in demo.SCENARIOS for code in (scenario[0], scenario[6]) if code}
    for code in sorted(codes):
        make_municipality(f"Gemeente {code}", cbs_code=code)
    demo.load(scale=1, stdout=io.StringIO())
    demo.load(scale=1, stdout=io.StringIO())

    assert set(Match.objects.values_list("state", flat=True)) == set(MatchState.values)
    assert set(MatchRequest.objects.values_list("status", flat=True)) == set(
        MatchRequest.Status.values
    )
    assert MatchRequest.objects.count() == len(demo.SCENARIOS)
    for match in Match.objects.all():
        states = list(match.events.values_list("to_state", flat=True))
        assert states[0] == MatchState.PROPOSED and states[-1] == match.state
    completed = Match.objects.get(state=MatchState.COMPLETED)
    assert completed.shown_on_profiles and completed.evaluation_useful is True
    assert MatchEvent.objects.filter(match__state=MatchState.DECLINED, to_state="declined").exists()


def render_profile_section(user) -> str:
    template = Template('{% include "matchcentrum/includes/profile_section.html" %}')
    return template.render(Context({"user": user}))


def test_profile_section_links_per_role(member, official, team_member, make_municipality, link):
    assert render_profile_section(member).strip() == ""
    assert render_profile_section(official).strip() == ""  # not linked to a municipality yet
    link(official, make_municipality("Vraagdorp"))
    assert "/matchcentrum/mijn-gemeente/" in render_profile_section(official)
    assert "/matchcentrum/dashboard/" in render_profile_section(team_member)


def test_admin_menu_item_only_for_the_team(team_member, official):
    item = register_matchcentrum_menu_item()
    request = RequestFactory().get("/admin/")
    request.user = team_member
    assert item.is_shown(request)
    request.user = official
    assert not item.is_shown(request)
