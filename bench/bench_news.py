"""The news: a list of 2,000 articles with tags, and an article with 300 reactions."""

from datetime import date, timedelta

from django.test import Client

from bench.utils import Report, time_get
from network.factories import UserFactory
from network.pages import ensure_home_page
from network.roles import MODERATOR
from news.factories import NewsArticlePageFactory, NewsCategoryFactory, NewsIndexPageFactory
from news.services import reaction_create

QUERY_TARGET = 12
ARTICLES = 2_000


def run(report: Report) -> None:
    index = NewsIndexPageFactory(parent=ensure_home_page(), slug="bench-nieuws")
    categories = [NewsCategoryFactory(slug=f"bench-{n}") for n in range(3)]
    for n in range(ARTICLES):
        NewsArticlePageFactory(
            parent=index,
            category=categories[n % 3],
            date=date(2020, 1, 1) + timedelta(days=n),
            tags=[f"tag{n % 50}", "algemeen"],
        )
    article = NewsArticlePageFactory(parent=index, title="Bericht met veel reacties")
    moderator = UserFactory(email="news-bench-mod@example.org", roles=[MODERATOR])
    for n in range(300):
        reaction_create(article=article, author=moderator, body_markdown=f"Reactie {n}")
    member = Client()
    member.force_login(UserFactory(email="news-bench-member@example.org"))
    pages = [
        (f"list of {ARTICLES} articles, page 1", index.url, None, QUERY_TARGET),
        (f"list of {ARTICLES} articles, page 150", index.url + "?page=150", None, QUERY_TARGET),
        (
            "list filtered on category and year",
            index.url + "?category=bench-1&year=2022",
            None,
            QUERY_TARGET,
        ),
        ("tag page", index.url + "tag/tag7/", member, QUERY_TARGET),
        ("article with 300 reactions", article.url, member, 25),
    ]
    for label, url, client, target in pages:
        timing = time_get(url, client=client)
        report.add("news", f"{label} median", f"{timing.median:.1f} ms", "", timing.status == 200)
        report.add(
            "news",
            f"{label} queries",
            str(timing.queries),
            f"<= {target}",
            timing.queries <= target,
        )
