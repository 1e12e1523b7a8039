"""Forum fixtures: a public and a members-only category, a topic with posts, trusted members."""

import pytest

from forum.factories import CategoryFactory, PostFactory, TopicFactory
from network.factories import UserFactory


@pytest.fixture
def category(db):
    return CategoryFactory(name="Toegankelijke verkiezingen", slug="toegankelijke-verkiezingen")


@pytest.fixture
def private_category(db):
    return CategoryFactory(name="Ambtenarenoverleg", slug="ambtenarenoverleg", is_public=False)


@pytest.fixture
def topic(category):
    author = UserFactory(email="starter@example.org", display_name="Starter")
    topic = TopicFactory(category=category, author=author, title="Stembureaus toegankelijk maken")
    PostFactory(topic=topic, author=author, body_markdown="Hoe doen jullie dat?")
    topic.refresh_from_db()
    return topic


def make_trusted(user, topic, count: int = 2) -> None:
    """Give a member enough approved posts to post without waiting."""
    for _ in range(count):
        PostFactory(topic=topic, author=user, body_markdown="Eerder goedgekeurd bericht.")


@pytest.fixture
def trusted(topic):
    user = UserFactory(email="vertrouwd@example.org", display_name="Vera Vertrouwd")
    make_trusted(user, topic)
    return user
