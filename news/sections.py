"""What the news adds to lower apps' pages: the home page and the running campaigns' hashtags."""

from network.registry import home_sections, running_hashtags

from .models import NewsArticlePage, running_campaigns


def latest_news(request=None, **kwargs) -> dict | None:
    articles = list(
        NewsArticlePage.objects.live().select_related("category").order_by("-date", "-pk")[:3]
    )
    if not articles:
        return None
    return {"latest_articles": articles, "news_index": articles[0].get_parent()}


def running_campaign(request=None, **kwargs) -> dict | None:
    campaign = running_campaigns().order_by("end_date").first()
    return {"running_campaign": campaign} if campaign else None


def campaign_hashtags() -> list[str]:
    return list(running_campaigns().order_by("start_date").values_list("hashtag", flat=True))


home_sections.register(
    "news_campaign", "news/includes/home_campaign.html", order=5, context=running_campaign
)
home_sections.register("news", "news/includes/home_news.html", order=15, context=latest_news)
running_hashtags.register("news", campaign_hashtags)
