"""The demo content loads, twice without doubling, with reactions in several states."""

import io

import pytest

from forum.models import Post
from network.demo import load as load_network
from news.demo import load
from news.models import CampaignPage, NewsArticlePage, NewsCategory

pytestmark = pytest.mark.django_db


def test_demo_loads_once():
    load_network(scale=1, stdout=io.StringIO())
    load(scale=1, stdout=io.StringIO())
    load(scale=1, stdout=io.StringIO())
    assert NewsArticlePage.objects.live().count() == 12
    assert NewsArticlePage.objects.filter(kind=NewsArticlePage.Kind.INTERVIEW).count() == 2
    assert NewsCategory.objects.count() == 3
    campaign = CampaignPage.objects.get(hashtag="2MiljoenStemmen")
    assert campaign.is_running()
    assert campaign.articles.filter(kind=NewsArticlePage.Kind.INTERVIEW).count() == 2
    statuses = set(Post.objects.values_list("status", flat=True))
    assert statuses == {"visible", "pending", "hidden", "removed"}
    assert NewsArticlePage.objects.filter(date__year=2020, date__month=9).exists()
    assert NewsArticlePage.objects.filter(reactions_closed=True).count() == 1
