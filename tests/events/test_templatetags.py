"""The agenda's sections on the home page and the municipality profile."""

from datetime import timedelta

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from events.models import EventScope
from municipalities.models import MunicipalityIndexPage, MunicipalityPage
from tests.utils import get_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def municipality(home_page):
    index = home_page.add_child(instance=MunicipalityIndexPage(title="Gemeenten", slug="gemeenten"))
    return index.add_child(
        instance=MunicipalityPage(
            title="Zwolle",
            slug="zwolle",
            cbs_code="GM0193",
            official_name="Zwolle",
            province="Overijssel",
            province_code="PV23",
        )
    )


@pytest.fixture(autouse=True)
def page_request(home_page):
    """A request whose site is already known, as on the home page or a profile that includes us."""
    from wagtail.models import Site

    request = RequestFactory().get("/")
    Site.find_for_request(request)
    return request


def render(template: str, request=None, **context) -> str:
    request = request or RequestFactory().get("/")
    return Template(template).render(Context({"request": request, **context}))


def test_municipality_section_shows_its_events_and_regional_ones_in_its_province(
    municipality, make_event, django_assert_max_num_queries, page_request
):
    linked = make_event(title="Zwolle presenteert", days=3)
    linked.municipalities.add(municipality)
    linked.save()
    make_event(title="Regio Overijssel", scope=EventScope.REGIONAL, province="PV23", days=4)
    make_event(title="Regio Limburg", scope=EventScope.REGIONAL, province="PV31", days=5)
    make_event(title="Landelijk", days=6)
    old = make_event(title="Oud Zwolle", days=-20)
    old.municipalities.add(municipality)
    old.save()
    render('{% include "events/includes/municipality_section.html" %}', page=municipality)
    with django_assert_max_num_queries(2):
        html = render(
            '{% include "events/includes/municipality_section.html" %}',
            request=page_request,
            page=municipality,
        )
    assert "Zwolle presenteert" in html and "Regio Overijssel" in html
    assert "Regio Limburg" not in html and "Landelijk" not in html and "Oud Zwolle" not in html
    assert html.index("Zwolle presenteert") < html.index("Regio Overijssel")
    assert 'href="/agenda/?scope=regional&amp;province=PV23"' in html


def test_municipality_section_without_events_says_so(municipality):
    html = render('{% include "events/includes/municipality_section.html" %}', page=municipality)
    assert "Geen komende bijeenkomsten" in html


def test_home_section_lists_the_next_three(make_event, django_assert_max_num_queries, page_request):
    for days in (9, 1, 5, 3, -2):
        make_event(title=f"Over {days} dagen", days=days)
    render('{% include "events/includes/home_section.html" %}')
    with django_assert_max_num_queries(2):
        html = render('{% include "events/includes/home_section.html" %}', request=page_request)
    assert [t for t in ("Over 1 dagen", "Over 3 dagen", "Over 5 dagen") if t in html] == [
        "Over 1 dagen",
        "Over 3 dagen",
        "Over 5 dagen",
    ]
    assert html.index("Over 1 dagen") < html.index("Over 3 dagen") < html.index("Over 5 dagen")
    assert "Over 9 dagen" not in html and "Over -2 dagen" not in html
    assert 'href="/agenda/"' in html


def test_home_page_includes_the_section(client, make_event):
    make_event(title="Op de voorpagina", days=2)
    assert "Op de voorpagina" in get_html(client, "/")


def test_event_when_multi_day(make_event):
    start = timezone.now() + timedelta(days=3)
    event = make_event(start=start, end=start + timedelta(days=1))
    html = render("{% load events_tags %}{% event_when event %}", event=event)
    assert html.count(" – ") == 1
