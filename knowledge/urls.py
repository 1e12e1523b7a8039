from django.urls import path

from .views import PracticeFeed

app_name = "knowledge"
urlpatterns = [path("kennisbank/feed/", PracticeFeed(), name="feed")]
