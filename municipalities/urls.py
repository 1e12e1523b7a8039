from django.urls import path

from . import views

app_name = "municipalities"
urlpatterns = [
    path("gemeenten/export.csv", views.export_csv, name="export_csv"),
    path("gemeenten/export.json", views.export_json, name="export_json"),
    path("gemeenten/", views.municipality_index, name="index"),
    path("gemeenten/<slug:slug>/", views.municipality_profile, name="profile"),
    path("gemeenten/<slug:slug>/contact/", views.contact_edit, name="contact_edit"),
]
