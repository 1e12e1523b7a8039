"""The template tag for municipality profiles, the privacy export, factories, demo data, admin."""

import io

import pytest
from django.template import Context, Template

from forum import demo
from forum.factories import CategoryFactory, PostFactory, TopicFactory
from forum.models import Category, Flag, Post, Topic, WatchedWord
from forum.privacy import export_forum_data
from network.privacy import export_user_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def municipality(home_page):
    from municipalities.models import MunicipalityIndexPage, MunicipalityPage

    index = home_page.add_child(instance=MunicipalityIndexPage(title="Gemeenten", slug="gemeenten"))
    return index.add_child(
        instance=MunicipalityPage(
            title="Utrecht",
            slug="utrecht",
            cbs_code="GM0344",
            official_name="Utrecht",
            province="Utrecht",
            province_code="PV26",
        )
    )


def test_municipality_section_shows_public_visible_topics(
    municipality, category, private_category, django_assert_max_num_queries
):
    shown = TopicFactory(category=category, municipality=municipality, title="Zichtbaar onderwerp")
    PostFactory(topic=shown)
    waiting = TopicFactory(category=category, municipality=municipality, title="Wachtend onderwerp")
    PostFactory(topic=waiting, status="pending")
    private = TopicFactory(category=private_category, municipality=municipality, title="Intern")
    PostFactory(topic=private)
    template = Template('{% include "forum/includes/municipality_section.html" %}')
    with django_assert_max_num_queries(2):
        html = template.render(Context({"page": municipality}))
    assert "Zichtbaar onderwerp" in html
    assert "Wachtend onderwerp" not in html and "Intern" not in html


def test_municipality_section_is_empty_without_topics(municipality):
    html = Template('{% include "forum/includes/municipality_section.html" %}').render(
        Context({"page": municipality})
    )
    assert "<section" not in html


def test_privacy_export_lists_own_topics_and_posts(topic):
    author = topic.author
    data = export_forum_data(author)
    assert data["topics"][0]["title"] == topic.title
    assert data["posts"][0]["text"] == "Hoe doen jullie dat?"
    assert export_user_data(author)["forum"] == data


def test_factories_keep_counters_right(category):
    topic = TopicFactory(category=category)
    PostFactory.create_batch(3, topic=topic)
    PostFactory(topic=topic, status="pending")
    topic.refresh_from_db()
    assert topic.visible_post_count == 3
    assert "<p>" in topic.posts.first().body_html


def test_demo_is_believable_and_idempotent(home_page):
    demo.load(scale=1, stdout=io.StringIO())
    counts = (Category.objects.count(), Topic.objects.count(), Post.objects.count())
    demo.load(scale=1, stdout=io.StringIO())
    assert (Category.objects.count(), Topic.objects.count(), Post.objects.count()) == counts
    assert Category.objects.filter(name="Toegankelijke verkiezingen").exists()
    assert Post.objects.filter(status="pending").count() >= 2
    assert Flag.objects.exists() and Post.objects.filter(flag_count__gt=0).exists()
    assert WatchedWord.objects.filter(action="block").exists()
    assert Category.objects.filter(is_public=False).exists()
    for topic in Topic.objects.all():
        assert topic.visible_post_count == topic.posts.filter(status="visible").count()


def test_demo_scale_makes_many_topics(home_page):
    demo.load(scale=2, stdout=io.StringIO())
    assert Topic.objects.filter(title__startswith="Schaaltest").count() == 400
    assert Post.objects.filter(topic__title__startswith="Schaaltest").count() == 2000


def test_team_manages_snippets_in_admin(client, team_member, member):
    CategoryFactory(name="Werk en inkomen")
    client.force_login(team_member)
    listing = client.get("/admin/snippets/forum/category/")
    assert listing.status_code == 200 and "Werk en inkomen" in listing.content.decode()
    assert client.get("/admin/snippets/forum/watchedword/add/").status_code == 200
    client.force_login(member)
    assert client.get("/admin/snippets/forum/category/").status_code in (302, 403)
