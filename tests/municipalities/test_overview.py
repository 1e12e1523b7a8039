"""The overview at /gemeenten/: filters, table, map, counts and exports agree; query counts."""

import csv
import datetime
import gzip
import io
import json
import re

import pytest
from django.core.cache import cache

from municipalities.importer import import_municipalities
from municipalities.models import LiaStatus, MunicipalityPage
from municipalities.services import lia_status_record, map_cache_invalidate
from tests.utils import get_html

pytestmark = pytest.mark.django_db

MAP_LINK = re.compile(r'<a href="(/(?:en/)?gemeenten/[^"]+/)" aria-label="([^"]+)">')
TABLE_LINK = re.compile(r'<th scope="row"><a href="(/(?:en/)?gemeenten/[^"]+/)">')


def _map(html: str) -> str:
    return html[
        html.index('<svg class="lia-map"') : html.index("</svg>", html.index('class="lia-map"'))
    ]


def _table(html: str) -> str:
    start = html.index('id="municipality-table"')
    return html[start : html.index("</table>", start)]


def _counts_total(html: str) -> int:
    table = html[html.index('class="province-counts"') :]
    footer = table[table.index("<tfoot>") : table.index("</tfoot>")]
    return int(re.findall(r'<td class="numeric">(\d+)</td>', footer)[-1])


def _legend_counts(html: str) -> dict[str, int]:
    legend = html[
        html.index('class="lia-legend"') : html.index("</ul>", html.index('class="lia-legend"'))
    ]
    return {
        label: int(count) for label, count in re.findall(r"<span>([^<:]+): (\d+)</span>", legend)
    }


def _expected(**filters) -> set[str]:
    queryset = MunicipalityPage.objects.live().filter(retired_on__isnull=True, **filters)
    return {f"/gemeenten/{slug}/" for slug in queryset.values_list("slug", flat=True)}


def _export_codes(client, query: str) -> tuple[set[str], set[str]]:
    csv_response = client.get(f"/gemeenten/export.csv{query}")
    json_response = client.get(f"/gemeenten/export.json{query}")
    assert csv_response.status_code == json_response.status_code == 200
    csv_codes = {row["code"] for row in csv.DictReader(io.StringIO(csv_response.content.decode()))}
    data = json.loads(json_response.content)
    assert data["count"] == len(data["municipalities"])
    return csv_codes, {row["code"] for row in data["municipalities"]}


def test_overview_lists_all_342_with_one_map_link_each(client, all_municipalities):
    response = client.get("/gemeenten/")

    assert response.status_code == 200
    html = response.content.decode()
    assert len(set(MAP_LINK.findall(html))) == 342
    assert len(TABLE_LINK.findall(_table(html))) == 342
    assert _counts_total(html) == 342
    assert sum(_legend_counts(html).values()) == 342
    assert "Bron: CBS / PDOK, CBS Gebiedsindelingen" in html
    csv_codes, json_codes = _export_codes(client, "")
    assert len(csv_codes) == len(json_codes) == 342


def test_map_links_have_status_and_date_in_their_name(client, index_page, team_member):
    import_municipalities()
    almere = MunicipalityPage.objects.get(cbs_code="GM0034")
    lia_status_record(
        municipality=almere,
        status=LiaStatus.ADOPTED,
        date=datetime.date(2024, 3, 12),
        source="project_team",
        user=team_member,
    )
    html = get_html(client, "/gemeenten/")
    names = dict(MAP_LINK.findall(html))
    assert names["/gemeenten/almere/"] == "Almere: vastgesteld sinds 12-03-2024"
    assert names["/gemeenten/amsterdam/"] == "Amsterdam: geen"
    english = dict(MAP_LINK.findall(get_html(client, "/en/gemeenten/")))
    assert english["/en/gemeenten/almere/"] == "Almere: adopted since 12-03-2024"
    assert 'fill="url(#lia-adopted)"' in _map(html)


@pytest.mark.parametrize(
    "query,filters",
    [
        ("?province=PV27", {"province_code": "PV27"}),
        ("?status=adopted", {"current_lia_status": "adopted"}),
        ("?manifest=yes", {"manifest_signed_on__isnull": False}),
        ("?manifest=no", {"manifest_signed_on__isnull": True}),
        ("?size=very_large", {"size_class": "very_large"}),
        ("?region=AM21", {"region_code": "AM21"}),
        (
            "?province=PV27&status=adopted&manifest=yes",
            {
                "province_code": "PV27",
                "current_lia_status": "adopted",
                "manifest_signed_on__isnull": False,
            },
        ),
        (
            "?province=PV28&status=&manifest=no&size=medium&region=",
            {"province_code": "PV28", "manifest_signed_on__isnull": True, "size_class": "medium"},
        ),
    ],
)
def test_table_map_counts_and_exports_agree(client, all_municipalities, query, filters):
    expected = _expected(**filters)
    assert expected, "the test data should match something"

    response = client.get(f"/gemeenten/{query}")

    assert response.status_code == 200
    html = response.content.decode()
    table_links = set(TABLE_LINK.findall(_table(html)))
    map_links = {url for url, _name in MAP_LINK.findall(_map(html))}
    assert table_links == expected
    assert map_links == expected
    assert _counts_total(html) == len(expected)
    assert sum(_legend_counts(html).values()) == len(expected)
    csv_codes, json_codes = _export_codes(client, query)
    expected_codes = set(
        MunicipalityPage.objects.filter(retired_on__isnull=True, **filters).values_list(
            "cbs_code", flat=True
        )
    )
    assert csv_codes == json_codes == expected_codes
    # Filtered-out municipalities stay on the map, muted and without a link.
    assert _map(html).split("</defs>")[1].count("<path ") == 342


def test_legend_counts_per_status(client, all_municipalities):
    html = get_html(client, "/gemeenten/?province=PV26")
    legend = _legend_counts(html)
    for value, label in LiaStatus.choices:
        expected = MunicipalityPage.objects.filter(
            province_code="PV26", current_lia_status=value
        ).count()
        assert legend[str(label).capitalize()] == expected


@pytest.mark.parametrize(
    "query",
    [
        "?province=PV99",
        "?status=finished",
        "?manifest=maybe",
        "?size=huge",
        "?region=AM99",
        "?sort=colour",
        "?province=PV27&status=bogus",
    ],
)
def test_invalid_filters_answer_400_with_a_message(client, index_page, query):
    response = client.get(f"/gemeenten/{query}")

    assert response.status_code == 400
    html = response.content.decode()
    assert "data-error-summary" in html
    assert "Selecteer een geldige keuze" in html
    assert client.get(f"/gemeenten/export.csv{query}").status_code == 400
    assert client.get(f"/gemeenten/export.json{query}").status_code == 400


def test_invalid_filter_keeps_the_valid_input(client, index_page):
    html = get_html(client, "/gemeenten/?province=PV27&status=bogus", status=400)
    assert '<option value="PV27" selected>' in html


def test_sorting_by_population_with_aria_sort(client, all_municipalities):
    html = get_html(client, "/gemeenten/?sort=-population")
    table = _table(html)
    first = TABLE_LINK.findall(table)[0]
    assert first == "/gemeenten/amsterdam/"
    assert re.search(r'<th scope="col" aria-sort="descending" class="numeric">', table)
    assert table.count("aria-sort=") == 1
    ascending = get_html(client, "/gemeenten/?sort=name")
    assert TABLE_LINK.findall(_table(ascending))[0] == "/gemeenten/aa-en-hunze/"
    # The header link of the sorted column reverses it and keeps the filters.
    filtered = get_html(client, "/gemeenten/?province=PV27&sort=population")
    assert "?province=PV27&amp;sort=-population#municipality-table" in filtered


def test_overview_query_count_with_342_municipalities(
    client, all_municipalities, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        assert client.get("/gemeenten/").status_code == 200
    # Warm: rows, map and counts come from the cache.
    with django_assert_max_num_queries(12):
        assert client.get("/gemeenten/?province=PV27&sort=-date").status_code == 200


def test_map_is_small_enough_and_cached_until_a_status_changes(
    client, all_municipalities, team_member, django_capture_on_commit_callbacks
):
    html = get_html(client, "/gemeenten/")
    svg = _map(html) + "</svg>"
    assert len(gzip.compress(svg.encode())) <= 60 * 1024
    assert any(key.startswith(":1:municipalities:map:") for key in cache._cache)  # noqa: SLF001

    zeist = MunicipalityPage.objects.get(cbs_code="GM0355")
    with django_capture_on_commit_callbacks(execute=True):
        lia_status_record(
            municipality=zeist,
            status=LiaStatus.EVALUATED,
            date=datetime.date(2026, 1, 5),
            source="project_team",
            user=team_member,
        )
    names = dict(MAP_LINK.findall(get_html(client, "/gemeenten/")))
    assert names["/gemeenten/zeist/"] == "Zeist: geëvalueerd sinds 05-01-2026"


def test_retired_municipalities_leave_the_lists(client, all_municipalities):
    MunicipalityPage.objects.filter(cbs_code="GM0355").update(retired_on="2026-01-01")
    map_cache_invalidate()
    html = get_html(client, "/gemeenten/")
    assert "/gemeenten/zeist/" not in _table(html)
    assert _counts_total(html) == 341
    csv_codes, _json = _export_codes(client, "")
    assert "GM0355" not in csv_codes


def test_export_contents(client, all_municipalities):
    amsterdam = MunicipalityPage.objects.get(cbs_code="GM0363")
    rows = list(csv.DictReader(io.StringIO(get_html(client, "/gemeenten/export.csv"))))
    row = next(r for r in rows if r["code"] == "GM0363")
    assert row == {
        "code": "GM0363",
        "name": "Amsterdam",
        "province": "Noord-Holland",
        "population": str(amsterdam.population),
        "lia_status": amsterdam.current_lia_status,
        "lia_status_date": amsterdam.current_lia_status_date.isoformat()
        if amsterdam.current_lia_status_date
        else "",
        "manifest_signed_on": amsterdam.manifest_signed_on.isoformat()
        if amsterdam.manifest_signed_on
        else "",
    }
    response = client.get("/gemeenten/export.json")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert "CBS" in data["source"]
    assert data["count"] == 342
