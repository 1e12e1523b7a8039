"""The route: steps, progress per municipality with history, who may record, who is stuck."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from municipalities.factories import (
    MunicipalityMembershipFactory,
    RouteStepFactory,
    RouteStepLinkFactory,
)
from municipalities.models import RouteProgressEntry, RouteStatus, RouteStepState
from municipalities.route import municipality_route, route_steps, stuck_municipalities
from municipalities.services import route_progress_record
from network.privacy import export_user_data
from network.registry import inbox
from tests.utils import get_html

pytestmark = pytest.mark.django_db

ROUTE_URL = "/gemeenten/utrecht/route/"


@pytest.fixture
def steps(db):
    return [
        RouteStepFactory(title="Bestuurlijk draagvlak", slug="draagvlak", sort_order=1),
        RouteStepFactory(title="Ervaringsdeskundigen betrekken", slug="betrekken", sort_order=2),
        RouteStepFactory(title="LIA vastgesteld", slug="vastgesteld", sort_order=3),
    ]


def _record(municipality, step, status, date, user=None, **kwargs):
    return route_progress_record(
        municipality=municipality, step=step, status=status, date=date, user=user, **kwargs
    )


def _form(step, **overrides):
    data = {
        "route-step": step.pk,
        "route-status": RouteStatus.DONE,
        "route-date": "2024-05-01",
        "route-note": "Raadsbesluit genomen",
        "route-evidence_url": "https://example.org/besluit",
    }
    data.update(overrides)
    return data


def test_route_page_shows_steps_counts_and_links(client, steps, utrecht, zeist):
    RouteStepLinkFactory(step=steps[1], title="Handreiking ervaringsdeskundigen")
    _record(utrecht, steps[0], RouteStatus.DONE, datetime.date(2023, 1, 5))
    _record(zeist, steps[0], RouteStatus.BUSY, datetime.date(2024, 1, 5))

    response = client.get("/route/")

    html = response.content.decode()
    assert html.index("Bestuurlijk draagvlak") < html.index("LIA vastgesteld")
    # Zeist is at step 1, Utrecht finished it and is at step 2.
    assert "1 gemeente is nu bij deze stap." in html
    assert "1 gemeente heeft deze stap afgerond." in html
    assertContains(response, 'href="https://example.org/handreiking"')
    assertNotContains(response, "/route/vastgelopen/")


def test_route_page_query_count(client, steps, utrecht, django_assert_max_num_queries):
    _record(utrecht, steps[0], RouteStatus.DONE, datetime.date(2023, 1, 5))
    client.get("/route/")
    with django_assert_max_num_queries(12):
        assert client.get("/route/").status_code == 200


def test_progress_is_append_only_and_the_newest_counts(steps, utrecht, team_member):
    _record(utrecht, steps[0], RouteStatus.BUSY, datetime.date(2023, 1, 5), team_member)
    _record(utrecht, steps[0], RouteStatus.DONE, datetime.date(2024, 2, 1), team_member)
    # A late entry with an older date does not overrule the newer one.
    _record(utrecht, steps[0], RouteStatus.NOT_STARTED, datetime.date(2022, 1, 1), team_member)

    assert RouteProgressEntry.objects.filter(municipality=utrecht).count() == 3
    state = RouteStepState.objects.get(municipality=utrecht, step=steps[0])
    assert (state.status, state.date) == (RouteStatus.DONE, datetime.date(2024, 2, 1))
    route = municipality_route(utrecht, route_steps())
    assert (route.done, route.total) == (1, 3)
    assert route.current.step == steps[1]


def test_service_refuses_others(steps, utrecht, member, official):
    for user in (member, official):
        with pytest.raises(PermissionDenied):
            _record(utrecht, steps[0], RouteStatus.DONE, datetime.date(2024, 1, 1), user)
    assert not RouteProgressEntry.objects.exists()


def test_profile_shows_the_route_as_a_step_list(client, steps, utrecht, team_member):
    _record(utrecht, steps[0], RouteStatus.DONE, datetime.date(2023, 1, 5), team_member)
    _record(utrecht, steps[1], RouteStatus.BUSY, datetime.date(2024, 3, 1), team_member)

    response = client.get("/gemeenten/utrecht/")

    assertContains(response, "1 van 3 stappen")
    assertContains(response, '<ol class="route-steps" id="route-steps">')
    html = response.content.decode()
    assert "Bestuurlijk draagvlak</span>" in html
    assert "<strong>Klaar</strong>" in html and "<strong>Bezig</strong>" in html
    assert "<strong>Niet begonnen</strong>" in html
    assertContains(response, 'href="/gemeenten/utrecht/betrokkenen/"')


def test_the_kept_route_section_still_differs_between_editors_and_visitors(
    client, steps, utrecht, official_of_utrecht, member
):
    _record(utrecht, steps[0], RouteStatus.DONE, datetime.date(2023, 1, 5))
    for _ in range(2):  # built, then kept
        assert "Geschiedenis van de route" in get_html(client, "/gemeenten/utrecht/")
    client.force_login(official_of_utrecht)
    html = get_html(client, "/gemeenten/utrecht/")
    assert "Voortgang op de route vastleggen" in html
    assert "Geschiedenis van de route" not in html
    client.force_login(member)
    assert "Geschiedenis van de route" in get_html(client, "/gemeenten/utrecht/")
    # New progress shows at once, kept section or not.
    _record(utrecht, steps[1], RouteStatus.BUSY, datetime.date(2024, 3, 1))
    assert "<strong>Bezig</strong>" in get_html(client, "/gemeenten/utrecht/")


def test_anonymous_and_other_officials_see_no_form_and_may_not_post(
    client, steps, utrecht, zeist, official
):
    MunicipalityMembershipFactory(user=official, municipality=zeist)
    response = client.get(ROUTE_URL)
    assert response.status_code == 200
    assertNotContains(response, 'name="route-status"')
    assert client.post(ROUTE_URL, _form(steps[0])).status_code == 403
    client.force_login(official)
    assertNotContains(client.get(ROUTE_URL), 'name="route-status"')
    assert client.post(ROUTE_URL, _form(steps[0])).status_code == 403
    assert not RouteProgressEntry.objects.exists()


@pytest.mark.parametrize("who", ["official_of_utrecht", "team_member"])
def test_official_and_team_record_progress(client, steps, utrecht, who, request):
    user = request.getfixturevalue(who)
    client.force_login(user)
    assertContains(client.get(ROUTE_URL), 'name="route-status"')

    response = client.post(ROUTE_URL, _form(steps[0]))

    assert response.status_code == 302
    entry = RouteProgressEntry.objects.get()
    assert (entry.status, entry.recorded_by, entry.evidence_url) == (
        RouteStatus.DONE,
        user,
        "https://example.org/besluit",
    )
    page = client.get(ROUTE_URL)
    assertContains(page, "Raadsbesluit genomen")
    assertContains(page, "1 van 3 stappen")


def test_evidence_document_upload(client, steps, utrecht, official_of_utrecht):
    client.force_login(official_of_utrecht)
    upload = SimpleUploadedFile("besluit.pdf", b"%PDF-1.4 test", content_type="application/pdf")

    response = client.post(ROUTE_URL, {**_form(steps[0]), "route-evidence_file": upload})

    assert response.status_code == 302
    entry = RouteProgressEntry.objects.get()
    assert entry.evidence_document is not None
    assert entry.evidence_document.uploaded_by_user == official_of_utrecht
    assertContains(client.get(ROUTE_URL), entry.evidence_document.url)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"route-date": "2999-01-01"}, "De datum kan niet in de toekomst liggen."),
        ({"route-date": "2010-01-01"}, "De datum kan niet vóór 2016 liggen."),
        ({"route-date": "gisteren"}, "Voer een geldige datum in."),
        ({"route-status": "finished"}, "Selecteer een geldige keuze."),
        ({"route-step": "999999"}, "Selecteer een geldige keuze."),
        ({"route-evidence_url": "geen link"}, "Voer een geldige URL in."),
    ],
)
def test_bad_input_answers_400_and_keeps_the_form(
    client, steps, utrecht, official_of_utrecht, overrides, message
):
    client.force_login(official_of_utrecht)

    response = client.post(ROUTE_URL, _form(steps[0], **overrides))

    assertContains(response, message, status_code=400)
    assertContains(response, "Raadsbesluit genomen", status_code=400)
    assert not RouteProgressEntry.objects.exists()


def test_wrong_file_type_answers_400(client, steps, utrecht, official_of_utrecht):
    client.force_login(official_of_utrecht)
    upload = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(ROUTE_URL, {**_form(steps[0]), "route-evidence_file": upload})
    assertContains(response, "Dit soort bestand wordt niet geaccepteerd", status_code=400)


def test_unknown_municipality_is_404(client, steps, index_page):
    assert client.get("/gemeenten/nergenshuizen/route/").status_code == 404


def test_stuck_view_only_for_the_team(
    client, steps, utrecht, zeist, member, official_of_utrecht, team_member
):
    long_ago = timezone.localdate() - datetime.timedelta(days=400)
    _record(utrecht, steps[0], RouteStatus.DONE, long_ago - datetime.timedelta(days=30))
    _record(utrecht, steps[1], RouteStatus.BUSY, long_ago)
    _record(zeist, steps[0], RouteStatus.BUSY, timezone.localdate() - datetime.timedelta(days=20))

    assert client.get("/route/vastgelopen/").status_code == 403
    for user in (member, official_of_utrecht):
        client.force_login(user)
        assert client.get("/route/vastgelopen/").status_code == 403
    client.force_login(team_member)
    response = client.get("/route/vastgelopen/")
    assertContains(response, "<caption")
    assertContains(response, "Utrecht</a>")
    assertContains(response, "Ervaringsdeskundigen betrekken")
    assertNotContains(response, "Zeist")
    assert [item.municipality for item in stuck_municipalities()] == [utrecht]


def test_stuck_after_finishing_a_step_long_ago(steps, utrecht):
    # Step 1 done 14 months ago and nothing since: stuck on step 2 from that date.
    done_on = timezone.localdate() - datetime.timedelta(days=430)
    _record(utrecht, steps[0], RouteStatus.DONE, done_on)
    [item] = stuck_municipalities()
    assert (item.step, item.since) == (steps[1], done_on)


def test_inbox_source_for_the_team_only(steps, utrecht, team_member, official_of_utrecht):
    _record(
        utrecht, steps[0], RouteStatus.BUSY, timezone.localdate() - datetime.timedelta(days=500)
    )
    source = next(source for source in inbox if source.key == "route_stuck")
    assert source.count(official_of_utrecht) == 0 and source.rows(official_of_utrecht) == []
    assert source.count(team_member) == 1
    [row] = source.rows(team_member)
    assert row.title == "Utrecht: Bestuurlijk draagvlak"
    assert row.url == "/gemeenten/utrecht/route/"


def test_data_export_lists_recorded_progress(steps, utrecht, team_member):
    _record(utrecht, steps[0], RouteStatus.DONE, datetime.date(2024, 1, 1), team_member)
    data = export_user_data(team_member)
    assert data["municipalities"]["route_progress_recorded"][0]["step"] == "Bestuurlijk draagvlak"
