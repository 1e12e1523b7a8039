from django.urls import path

from . import views
from .feeds import MunicipalityCommitmentsFeed

app_name = "commitments"
urlpatterns = [
    path("toezeggingen/", views.overview, name="overview"),
    path("toezeggingen/export.csv", views.export_csv, name="export_csv"),
    path("toezeggingen/export.json", views.export_json, name="export_json"),
    path(
        "gemeenten/<slug:slug>/prioriteiten/",
        views.municipality_priorities,
        name="municipality_priorities",
    ),
    path(
        "gemeenten/<slug:slug>/prioriteiten/<int:pk>/bewerken/",
        views.priority_edit,
        name="priority_edit",
    ),
    path(
        "gemeenten/<slug:slug>/prioriteiten/<int:pk>/steun/",
        views.priority_endorse,
        name="priority_endorse",
    ),
    path(
        "gemeenten/<slug:slug>/toezeggingen/",
        views.municipality_commitments,
        name="municipality_commitments",
    ),
    path(
        "gemeenten/<slug:slug>/toezeggingen/feed/",
        MunicipalityCommitmentsFeed(),
        name="municipality_feed",
    ),
    path(
        "gemeenten/<slug:slug>/toezeggingen/<int:pk>/",
        views.commitment_detail,
        name="commitment",
    ),
    path("gemeenten/<slug:slug>/volgen/", views.follow_toggle, name="follow"),
    path("verkiezingen/<int:year>/", views.election_detail, name="election"),
    path("verkiezingen/<int:year>/partijprogramma/", views.election_guide, name="election_guide"),
    path(
        "verkiezingen/<int:year>/<slug:slug>/",
        views.election_municipality,
        name="election_municipality",
    ),
    path(
        "verkiezingen/<int:year>/<slug:slug>/partij/<int:pk>/",
        views.party_answer_by_team,
        name="party_answer_by_team",
    ),
    path("verkiezingen/antwoord/<str:token>/", views.party_answer, name="party_answer"),
]
