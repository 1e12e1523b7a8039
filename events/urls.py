"""App URLs of the agenda; the pages themselves (/agenda/...) are served by Wagtail."""

from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("agenda/feed.ics", views.agenda_feed, name="feed"),
    path(
        "agenda/aanmelding/<token:token>/bevestigen/",
        views.registration_confirm,
        name="registration_confirm",
    ),
    path(
        "agenda/aanmelding/<token:token>/annuleren/",
        views.registration_cancel_view,
        name="registration_cancel",
    ),
]
