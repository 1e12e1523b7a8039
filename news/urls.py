from django.urls import path

from . import views

app_name = "news"
urlpatterns = [
    path("nieuws/reacties/<int:pk>/", views.reaction_create, name="reaction_create"),
]
