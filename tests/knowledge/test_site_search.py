"""Site search (/zoeken/) and forum search read Dutch on PostgreSQL (SEARCH_CONFIG)."""

import pytest
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from forum.factories import PostFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_the_search_backend_is_configured_for_dutch():
    assert get_search_backend().config == "dutch"


def test_site_search_finds_a_plural_through_its_dutch_stem(client, corpus):
    # 'speeltuinen' and 'speeltuin' share a stem only in the Dutch configuration.
    response = client.get(reverse("search"), {"q": "speeltuinen"})
    assert response.status_code == 200
    assert "Inclusieve speeltuin" in response.content.decode()


def test_forum_search_finds_a_plural_through_its_dutch_stem(client):
    PostFactory(body_markdown="Wij hebben drie rolstoelen geleend voor de markt.")
    response = client.get(reverse("forum:search"), {"q": "rolstoel"})
    assert response.status_code == 200
    assert "rolstoelen" in response.content.decode()
