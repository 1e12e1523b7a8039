from django.urls import path

from . import views

app_name = "internships"

urlpatterns = [
    path("", views.offer_list, name="list"),
    path("aanbieden/", views.offer_create, name="create"),
    path("mijn-aanmeldingen/", views.mine, name="mine"),
    path("<int:pk>/", views.offer_detail, name="detail"),
    path("<int:pk>/wijzigen/", views.offer_edit, name="edit"),
    path("<int:pk>/aanmelden/", views.apply, name="apply"),
    path("aanmelding/<int:pk>/status/", views.application_transition, name="transition"),
]
