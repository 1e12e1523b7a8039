from django.urls import path

from . import views

app_name = "municipalities"
urlpatterns = [
    path("gemeenten/export.csv", views.export_csv, name="export_csv"),
    path("gemeenten/export.json", views.export_json, name="export_json"),
    path("gemeenten/", views.municipality_index, name="index"),
    path("gemeenten/<slug:slug>/", views.municipality_profile, name="profile"),
    path("gemeenten/<slug:slug>/route/", views.municipality_route_view, name="route"),
    path("gemeenten/<slug:slug>/betrokkenen/", views.stakeholder_map, name="stakeholders"),
    path(
        "gemeenten/<slug:slug>/betrokkenen/<int:pk>/",
        views.stakeholder_edit,
        name="stakeholder_edit",
    ),
    path("route/", views.route_index, name="route_index"),
    path("route/vastgelopen/", views.route_stuck, name="route_stuck"),
    path("route/betrokkenenkaart/", views.stakeholder_template, name="stakeholder_template"),
    path("manifest/", views.manifest, name="manifest"),
    path("gemeenten/<slug:slug>/contact/", views.contact_edit, name="contact_edit"),
]
