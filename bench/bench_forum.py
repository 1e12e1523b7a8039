"""The forum: a topic with 1,000 posts and a category with 10,000 topics (queries and server time)."""

from django.test import Client

from bench.utils import Report, time_get
from forum.demo import bulk_posts, bulk_topics
from forum.factories import CategoryFactory, TopicFactory
from forum.models import Topic
from network.factories import UserFactory
from network.roles import MODERATOR

QUERY_TARGET = 12


def run(report: Report) -> None:
    authors = [UserFactory(email=f"forum-bench-{n}@example.org") for n in range(20)]
    category = CategoryFactory(name="Benchmark: grote categorie", slug="bench-groot")
    bulk_topics(category=category, count=10_000, posts_per_topic=1, authors=authors)

    long_topic = TopicFactory(
        category=CategoryFactory(name="Benchmark: lang onderwerp", slug="bench-lang"),
        title="Een onderwerp met duizend berichten",
        author=authors[0],
    )
    bulk_posts(topics=[long_topic], posts_per_topic=1000, authors=authors)
    Topic.objects.filter(pk=long_topic.pk).update(visible_post_count=1000)

    member = Client()
    member.force_login(authors[1])
    moderator = Client()
    moderator.force_login(UserFactory(email="forum-bench-mod@example.org", roles=[MODERATOR]))
    pages = [
        ("category 10,000 topics, page 1", category.get_absolute_url(), None),
        ("category 10,000 topics, page 400", category.get_absolute_url() + "?page=400", None),
        ("topic 1,000 posts, page 1", long_topic.get_absolute_url(), None),
        ("topic 1,000 posts, page 50", long_topic.get_absolute_url() + "?page=50", None),
        ("category 10,000 topics, member", category.get_absolute_url() + "?page=2", member),
        ("topic 1,000 posts, member", long_topic.get_absolute_url() + "?page=25", member),
        ("topic 1,000 posts, moderator", long_topic.get_absolute_url() + "?page=25", moderator),
        ("forum index", "/forum/", None),
    ]
    for label, url, client in pages:
        timing = time_get(url, client=client)
        report.add("forum", f"{label} median", f"{timing.median:.1f} ms", "", timing.status == 200)
        report.add(
            "forum",
            f"{label} queries",
            str(timing.queries),
            f"<= {QUERY_TARGET}",
            timing.queries <= QUERY_TARGET,
        )
