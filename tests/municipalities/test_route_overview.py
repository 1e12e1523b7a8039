"""The route in the overview: column, filter and sorting, and the step data in the exports."""

import csv
import datetime
import io
import json
import re

import pytest
from pytest_django.asserts import assertContains

from municipalities.factories import RouteStepFactory
from municipalities.models import RouteStatus
from municipalities.services import route_progress_record
from tests.utils import get_html

pytestmark = pytest.mark.django_db

TABLE_LINK = re.compile(r'<th scope="row"><a href="(/gemeenten/[^"]+/)">')


@pytest.fixture
def route(make_municipality):
    steps = [
        RouteStepFactory(title="Draagvlak", slug="draagvlak", sort_order=1),
        RouteStepFactory(title="LIA vastgesteld", slug="vastgesteld", sort_order=2),
    ]
    towns = {
        name: make_municipality(title=name, slug=slug, manifest_signed_on=signed)
        for name, slug, signed in [
            ("Alfa", "alfa", None),
            ("Bravo", "bravo", datetime.date(2018, 1, 1)),
            ("Charlie", "charlie", None),
            # A name a spreadsheet would run as a formula.
            ("=HYPERLINK(1)", "hyperlink", None),
        ]
    }
    for step in steps:
        route_progress_record(
            municipality=towns["Bravo"],
            step=step,
            status=RouteStatus.DONE,
            date=datetime.date(2024, 1, 1),
            user=None,
        )
    route_progress_record(
        municipality=towns["Charlie"],
        step=steps[0],
        status=RouteStatus.DONE,
        date=datetime.date(2024, 2, 1),
        user=None,
    )
    route_progress_record(
        municipality=towns["Charlie"],
        step=steps[1],
        status=RouteStatus.BUSY,
        date=datetime.date(2024, 3, 1),
        user=None,
    )
    return steps, towns


def _table_links(html: str) -> list[str]:
    table = html[html.index('id="municipality-table"') :]
    return TABLE_LINK.findall(table)


def test_overview_has_a_route_column(client, route):
    response = client.get("/gemeenten/")
    assertContains(response, "Routestappen klaar")
    assertContains(response, '<td class="numeric">2 van 2</td>')
    assertContains(response, '<td class="numeric">1 van 2</td>')


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("none", {"/gemeenten/alfa/", "/gemeenten/hyperlink/"}),
        ("started", {"/gemeenten/charlie/"}),
        ("complete", {"/gemeenten/bravo/"}),
    ],
)
def test_route_filter(client, route, value, expected):
    html = get_html(client, f"/gemeenten/?route={value}")
    assert set(_table_links(html)) == expected


def test_bad_route_filter_is_400(client, route):
    assertContains(client.get("/gemeenten/?route=half"), "route", status_code=400)
    assert client.get("/gemeenten/export.csv?route=half").status_code == 400


def test_sort_by_route(client, route):
    html = get_html(client, "/gemeenten/?sort=-route")
    assert _table_links(html)[:2] == ["/gemeenten/bravo/", "/gemeenten/charlie/"]
    assert 'aria-sort="descending"' in html


def test_overview_query_count_with_the_route(client, route, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        assert client.get("/gemeenten/?route=started&sort=route").status_code == 200


def test_csv_export_has_the_steps_and_neutralises_formulas(client, route):
    content = get_html(client, "/gemeenten/export.csv")
    rows = {row["code"]: row for row in csv.DictReader(io.StringIO(content))}
    _steps, towns = route
    charlie = rows[towns["Charlie"].cbs_code]
    assert charlie["route_steps_done"] == "1"
    assert charlie["route_draagvlak"] == "done"
    assert charlie["route_draagvlak_date"] == "2024-02-01"
    assert charlie["route_vastgesteld"] == "busy"
    assert rows[towns["Alfa"].cbs_code]["route_vastgesteld"] == "not_started"
    assert rows[towns["=HYPERLINK(1)"].cbs_code]["name"] == "'=HYPERLINK(1)"


def test_json_export_has_the_steps(client, route):
    data = json.loads(get_html(client, "/gemeenten/export.json?route=complete"))
    assert data["route_steps_total"] == 2
    [bravo] = data["municipalities"]
    assert bravo["route_steps_done"] == 2
    assert bravo["route_steps"] == [
        {"step": "draagvlak", "title": "Draagvlak", "status": "done", "date": "2024-01-01"},
        {"step": "vastgesteld", "title": "LIA vastgesteld", "status": "done", "date": "2024-01-01"},
    ]


def test_manifest_filter_initiators(client, make_municipality):
    make_municipality(
        title="Voorloper", manifest_signed_on=datetime.date(2017, 6, 29), manifest_initiator=True
    )
    make_municipality(title="Volger", manifest_signed_on=datetime.date(2019, 6, 29))
    html = get_html(client, "/gemeenten/?manifest=initiator")
    assert _table_links(html) == ["/gemeenten/voorloper/"]
    html = get_html(client, "/gemeenten/?manifest=yes")
    assert set(_table_links(html)) == {"/gemeenten/voorloper/", "/gemeenten/volger/"}
