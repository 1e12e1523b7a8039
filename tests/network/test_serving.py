"""Serving pages: Wagtail's route, site and view restrictions in fewer queries, same answers."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from events.factories import EventIndexPageFactory, EventPageFactory
from knowledge.factories import PracticeIndexPageFactory, PracticePageFactory
from network import lookups, serving
from network.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def _request(path: str = "/"):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    return request


def _wagtails_route(path: str):
    """What Wagtail's own routing answers, as (page id, page type, route arguments)."""
    request = _request(path)
    site = Site.find_for_request(request)
    try:
        page, args, kwargs = site.root_page.localized.specific.route(
            request, [part for part in path.split("/") if part]
        )
    except Http404:
        return None
    return page.pk, type(page), _named(args), kwargs


def _our_route(path: str):
    try:
        found = serving._route(_request(path), path)
    except Http404:
        return None
    assert found is not serving.LEAVE_TO_WAGTAIL
    page, args, kwargs = found
    return page.pk, type(page), _named(args), kwargs


def _named(args) -> tuple:
    # A routable page's route carries its view function: compare it by name.
    return tuple(getattr(arg, "__name__", arg) for arg in args)


@pytest.fixture
def tree(home_page):
    about = StandardPageFactory(parent=home_page, title="Over ons", slug="over-ons")
    StandardPageFactory(parent=about, title="Team", slug="team")
    StandardPageFactory(parent=about, title="Concept", slug="concept", live=False)
    # The same slug deeper elsewhere: only the page on the path counts.
    StandardPageFactory(parent=home_page, title="Elders", slug="elders")
    library = PracticeIndexPageFactory(parent=home_page)
    practice = PracticePageFactory(parent=library, title="Stembureau", slug="team")
    agenda = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=agenda)
    return {"library": library, "practice": practice, "agenda": agenda, "event": event}


def test_the_route_is_wagtails_own_for_pages_sub_routes_and_bad_paths(tree):
    paths = [
        "/",
        "/over-ons/",
        "/over-ons/team/",
        "/over-ons/concept/",  # not live: 404
        "/over-ons/bestaat-niet/",
        "/over-ons/team/dieper/",
        "/elders/team/",
        "/bestaat-niet/team/",
        tree["library"].url,
        tree["practice"].url,
        # The agenda routes in its own way: its month view, an event and the event's own routes.
        tree["agenda"].url,
        tree["agenda"].url + "maand/",
        tree["event"].url,
        tree["event"].url + "ical/",
        tree["event"].url + "onbekend/",
    ]
    answers = {path: _our_route(path) for path in paths}
    assert answers == {path: _wagtails_route(path) for path in paths}
    assert answers["/over-ons/concept/"] is None
    assert answers["/over-ons/team/"][1].__name__ == "StandardPage"
    assert answers[tree["event"].url + "ical/"][2][0] == "ical_route"


def test_a_deep_page_is_found_in_two_queries(tree, django_assert_num_queries):
    path = tree["practice"].url
    lookups.site_for_request(_request(path))  # the site is remembered from here on
    with django_assert_num_queries(2):
        page, _args, _kwargs = serving._route(_request(path), path)
    assert page.pk == tree["practice"].pk and page.title == "Stembureau"


def test_pages_are_served_through_the_short_route(client, tree):
    response = client.get("/over-ons/team/")
    assert response.status_code == 200
    assert response.context["page"].title == "Team"
    assert client.get("/over-ons/concept/").status_code == 404
    assert client.get(tree["event"].url + "ical/")["Content-Type"].startswith("text/calendar")


def test_the_site_is_looked_up_once_until_sites_change(home_page, django_assert_num_queries):
    lookups.site_for_request(_request())
    with django_assert_num_queries(0):
        site = lookups.site_for_request(_request())
    assert site.root_page_id == home_page.pk
    other_root = StandardPageFactory(parent=home_page, slug="tweede")
    Site.objects.create(hostname="tweede.example.org", root_page=other_root)
    request = RequestFactory().get("/", HTTP_HOST="tweede.example.org")
    assert lookups.site_for_request(request).root_page_id == other_root.pk
    # Each request gets its own copy: what Wagtail caches on it stays with the request.
    assert lookups.site_for_request(_request()) is not lookups.site_for_request(_request())


def test_view_restrictions_cost_nothing_while_there_are_none(
    client, home_page, django_assert_num_queries
):
    about = StandardPageFactory(parent=home_page, title="Over ons", slug="over-ons")
    team = StandardPageFactory(parent=about, title="Team", slug="team")
    assert list(team.get_view_restrictions()) == []
    with django_assert_num_queries(0):
        assert list(team.get_view_restrictions()) == []
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.LOGIN
    )
    assert list(Page.objects.get(pk=team.pk).specific.get_view_restrictions()) == [restriction]
    response = client.get("/over-ons/team/")
    assert response.status_code == 302 and "next=/over-ons/team/" in response["Location"]
    restriction.delete()
    assert client.get("/over-ons/team/").status_code == 200
