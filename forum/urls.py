from django.urls import path

from . import views
from .feeds import LatestPostsFeed

app_name = "forum"
urlpatterns = [
    path("", views.index, name="index"),
    path("zoeken/", views.search, name="search"),
    path("feed/", LatestPostsFeed(), name="feed"),
    path("categorie/<slug:slug>/", views.category_detail, name="category"),
    path("categorie/<slug:slug>/nieuw/", views.topic_create, name="topic_create"),
    path(
        "categorie/<slug:key>/volgen/",
        views.subscription_toggle,
        {"kind": "category"},
        name="category_subscribe",
    ),
    path("onderwerp/<int:pk>/", views.topic_detail, name="topic"),
    path("onderwerp/<int:pk>/reageren/", views.post_create, name="reply"),
    path(
        "onderwerp/<int:key>/volgen/",
        views.subscription_toggle,
        {"kind": "topic"},
        name="topic_subscribe",
    ),
    path("bericht/<int:pk>/", views.post_redirect, name="post"),
    path("bericht/<int:pk>/citeren/", views.post_quote, name="quote"),
    path("bericht/<int:pk>/bewerken/", views.post_edit, name="post_edit"),
    path("bericht/<int:pk>/melden/", views.post_flag, name="flag"),
    path("moderatie/", views.moderation_queue, name="moderation_queue"),
    path("moderatie/logboek/", views.moderation_log, name="moderation_log"),
    path("moderatie/bericht/<int:pk>/", views.post_moderate, name="moderate"),
    path("moderatie/lid/<int:user_id>/schorsen/", views.member_suspend, name="suspend"),
]
