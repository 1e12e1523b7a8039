"""Priorities and commitments exist only in Dutch: under /en/ they say so (WCAG 3.1.2)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from commitments import services
from tests.utils import get_html, outside_dutch

pytestmark = pytest.mark.django_db


def test_priorities_and_commitments_are_marked_dutch_under_en(
    client, commitment, official_of_utrecht
):
    services.status_change_record(
        commitment=commitment,
        user=official_of_utrecht,
        status="in_progress",
        date=datetime.date(2024, 1, 1),
        note="De eerste twintig haltes zijn verhoogd.",
    )
    slug = commitment.municipality.slug
    with translation.override("nl"):
        urls = [
            reverse("commitments:commitment", args=[slug, commitment.pk]),
            reverse("commitments:municipality_commitments", args=[slug]),
            reverse("commitments:municipality_priorities", args=[slug]),
            reverse("commitments:overview"),
        ]
    dutch = {
        commitment.title,
        "Coalitieakkoord 2022-2026",  # the source
        "De eerste twintig haltes zijn verhoogd.",  # the status note
        "Toegankelijke bushaltes",  # the priority
        "hebben",  # its explanation: "Veel haltes hebben geen verhoogde rand."
    }
    dutch_page = get_html(client, urls[0])
    assert 'lang="nl"' not in dutch_page.split("<body", 1)[1]
    for url in urls:
        english = get_html(client, "/en" + url)
        assert [value for value in dutch if value in english], url  # something Dutch is shown
        text = outside_dutch(english)
        assert sorted(value for value in dutch if value in text) == [], url
