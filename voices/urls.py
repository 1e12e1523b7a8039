from django.urls import path

from . import views
from .feeds import LatestVoicesFeed

app_name = "voices"
urlpatterns = [
    path("stemmen/", views.voice_list, name="list"),
    path("stemmen/feed/", LatestVoicesFeed(), name="feed"),
    path("stemmen/delen/", views.voice_share, name="share"),
    path("stemmen/mijn-stemmen/", views.my_voices, name="mine"),
    path("stemmen/moderatie/", views.moderation_queue, name="moderation_queue"),
    path("stemmen/moderatie/<int:pk>/", views.voice_moderate, name="moderate"),
    path("stemmen/<int:pk>/", views.voice_detail, name="detail"),
    path("stemmen/<int:pk>/bewerken/", views.voice_edit, name="edit"),
    path("stemmen/<int:pk>/intrekken/", views.voice_withdraw, name="withdraw"),
    path("organisaties/", views.organisation_list, name="organisations"),
    path("organisaties/aanmelden/", views.organisation_apply, name="organisation_apply"),
    path("organisaties/export.csv", views.organisation_export_csv, name="organisations_csv"),
    path("organisaties/export.json", views.organisation_export_json, name="organisations_json"),
    path(
        "organisaties/beoordelen/<int:pk>/", views.organisation_decide, name="organisation_decide"
    ),
    path("organisaties/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("organisaties/<slug:slug>/standpunt/", views.position_create, name="position_create"),
]
