"""The shared guards against bad input and stored text: fields, query parameters, feeds, CSV."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from django import forms
from django.test import RequestFactory
from pytest_django.asserts import assertContains

from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from forum.factories import CategoryFactory, PostFactory, TopicFactory
from knowledge.factories import PracticeIndexPageFactory, PracticePageFactory
from municipalities.factories import MunicipalityIndexPageFactory, MunicipalityPageFactory
from municipalities.models import MunicipalityPage
from network.feeds import clean_value
from network.fields import SafeModelChoiceField, SafeModelMultipleChoiceField
from network.params import clean_text, parse_int, query_int, query_list
from network.spreadsheets import SafeCsvDictWriter, SafeCsvWriter, csv_safe
from taxonomy.factories import ThemeFactory
from taxonomy.models import Theme

HUGE = "99999999999999999999"


# -- query parameters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12", 12), (" 7 ", 7), (HUGE, None), ("-1", None), ("²", None), ("1e3", None), ("", None)],
)
def test_parse_int_accepts_only_plain_numbers_in_range(raw, expected):
    assert parse_int(raw, minimum=0) == expected


def test_query_helpers_refuse_control_characters_and_overlong_values():
    request = RequestFactory().get("/", {"p": ["ok", "a\x00b", "x" * 300], "n": HUGE})
    assert query_list(request, "p") == ["ok", None, None]
    assert query_int(request, "n") is None
    assert clean_text("Uit\x0cPDF\x00 met\ttab") == "UitPDF met\ttab"


# -- form fields -----------------------------------------------------------------------------


class ChoiceForm(forms.Form):
    municipality = SafeModelChoiceField(queryset=MunicipalityPage.objects.all(), required=False)
    themes = SafeModelMultipleChoiceField(queryset=Theme.objects.all(), required=False)
    theme = SafeModelChoiceField(queryset=Theme.objects.all(), to_field_name="slug", required=False)


@pytest.mark.parametrize(
    "data",
    [
        {"municipality": HUGE},
        {"municipality": "-99999999999999999999"},
        {"municipality": "1\x00"},
        {"themes": [HUGE]},
        {"themes": ["1", "\x00"]},
        {"theme": "a\x00b"},
    ],
)
def test_safe_choice_fields_reject_what_the_database_cannot_look_up(db, data):
    form = ChoiceForm(data)
    assert not form.is_valid()
    field = next(iter(data))
    assert form.errors[field] == ["Kies een van de opties in de lijst."] or form.errors[field]


def test_safe_choice_fields_still_accept_real_choices(db, home_page):
    index = MunicipalityIndexPageFactory(parent=home_page)
    municipality = MunicipalityPageFactory(parent=index)
    theme = ThemeFactory()
    form = ChoiceForm(
        {"municipality": str(municipality.pk), "themes": [str(theme.pk)], "theme": theme.slug}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["municipality"] == municipality
    assert list(form.cleaned_data["themes"]) == [theme]


# -- feeds -----------------------------------------------------------------------------------


def test_clean_value_strips_control_characters_in_nested_values():
    assert clean_value(["a\x0cb", ("c\x01",)]) == ["ab", ("c",)]
    assert clean_value(3) == 3


def test_forum_feed_survives_a_form_feed_in_a_post(client, db):
    topic = TopicFactory(category=CategoryFactory(), title="Geplakt\x0cuit Word")
    PostFactory(topic=topic, author=topic.author, body_markdown="Tekst\x0cmet\x01tekens")
    response = client.get("/forum/feed/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed; well-formed XML 1.0
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert "Geplaktuit Word" in titles


def test_practice_feed_survives_control_characters(client, home_page):
    library = PracticeIndexPageFactory(parent=home_page)
    PracticePageFactory(parent=library, title="Praktijk\x0c1", summary="Samen\x0bvatting")
    response = client.get("/kennisbank/feed/")
    assert response.status_code == 200
    ET.fromstring(response.content)  # noqa: S314 - our own feed
    assertContains(response, "Samenvatting")


# -- CSV -------------------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_safe_neutralises_every_formula_start(start):
    assert csv_safe(f"{start}SUM(A1)") == f"'{start}SUM(A1)"


def test_csv_writers_round_trip_with_neutralised_cells():
    stream = io.StringIO()
    SafeCsvWriter(stream).writerow(["=1+1", "Almere", 3, None, "-5"])
    writer = SafeCsvDictWriter(stream, fieldnames=["a", "b"])
    writer.writerow({"a": "@cmd", "b": "ok"})
    rows = list(csv.reader(io.StringIO(stream.getvalue())))
    assert rows == [["'=1+1", "Almere", "3", "", "'-5"], ["'@cmd", "ok"]]


def test_municipalities_export_neutralises_formulas(client, home_page):
    index = MunicipalityIndexPageFactory(parent=home_page)
    MunicipalityPageFactory(parent=index, title='=HYPERLINK("x")', slug="formule")
    response = client.get("/gemeenten/export.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["name"] for row in rows] == ['\'=HYPERLINK("x")']


def test_participants_csv_neutralises_formulas_and_leaves_out_cancelled(
    client, home_page, team_member
):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    RegistrationFactory(event=event, name="+31 6 1234", needs_other="@SUM(1)")
    RegistrationFactory(event=event, name="Weg", status="cancelled")
    client.force_login(team_member)
    response = client.get(event.url + "deelnemers/csv/")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[1][0] == "'+31 6 1234"
    assert "'@SUM(1)" in rows[1]


# -- URLs and views --------------------------------------------------------------------------


@pytest.mark.parametrize("token", ["a%00" + "b" * 30, "x" * 10, "é" * 30, "b" * 65])
def test_registration_links_with_a_malformed_token_are_not_found(client, db, token):
    for action in ("bevestigen", "annuleren"):
        response = client.get(f"/agenda/aanmelding/{token}/{action}/")
        assert response.status_code == 404
        assertContains(response, "<h1>Pagina niet gevonden</h1>", status_code=404)


def test_library_refuses_a_filter_with_a_nul_byte(client, home_page):
    PracticeIndexPageFactory(parent=home_page)
    response = client.get("/kennisbank/?q=zorg&province=PV%00")
    assertContains(response, "niet geldig", status_code=400)


def test_unknown_bad_request_shows_a_page_in_the_layout(client, db):
    response = client.get("/forum/", HTTP_HOST="bad host name")
    assert response.status_code == 400
    assertContains(response, "<main", status_code=400)
