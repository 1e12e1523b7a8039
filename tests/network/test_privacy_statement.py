"""The demo privacy statement names every kind of personal data the site keeps, truthfully."""

import io

import pytest
from django.conf import settings

from network import demo
from tests.utils import get_html

pytestmark = pytest.mark.django_db


def test_every_kind_of_personal_data_and_its_retention_is_named(client, home_page):
    demo.load(scale=1, stdout=io.StringIO())
    html = get_html(client, "/privacy/")
    for kind in (
        "Uw account",
        "Inschrijvingen voor bijeenkomsten",
        "Toegankelijkheidswensen",
        "Stemmen",
        "Matchaanvragen",
        "Forumberichten",
        "Sollicitaties op stageplaatsen",
        "Inloggen",
    ):
        assert f"<b>{kind}" in html, kind
    # The retention the text promises is the one the erasure commands use.
    assert f"{settings.EVENTS_NEEDS_RETENTION_DAYS} dagen na de bijeenkomst" in html
    assert f"{settings.INTERNSHIPS_NEEDS_RETENTION_DAYS} dagen nadat de stage" in html
    assert "Autoriteit Persoonsgegevens" in html
