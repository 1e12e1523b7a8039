from django.urls import path

from . import views

app_name = "matchcentrum"
urlpatterns = [
    path("", views.index, name="index"),
    path("aanvraag/", views.request_create, name="request_create"),
    path("aanvragen/<int:pk>/", views.request_detail, name="request_detail"),
    path("aanvragen/<int:pk>/sluiten/", views.request_close, name="request_close"),
    path("matches/<int:pk>/", views.match_detail, name="match_detail"),
    path("matches/<int:pk>/status/", views.match_move, name="match_move"),
    path("matches/<int:pk>/notitie/", views.match_note, name="match_note"),
    path("matches/<int:pk>/profiel/<str:side>/", views.match_consent, name="match_consent"),
    path("antwoord/<str:token>/", views.respond, name="respond"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("mijn-gemeente/", views.mine, name="mine"),
]
