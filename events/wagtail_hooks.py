"""The registrations in the Wagtail admin, read-only for the project team.

Accessibility needs are left out here: organisers read them on the event's own registrations
page, which checks who is the organiser; statuses change only through the services.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import LiaPresentation, Registration


class RegistrationIndexView(IndexView):
    def get_base_queryset(self):
        # The event column would otherwise cost a query per row.
        return super().get_base_queryset().select_related("event")


class RegistrationViewSet(ModelViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    icon = "group"
    menu_label = _("Registrations")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "email", "event", "role", "status", "created_at"]
    list_filter = ["status", "role"]
    search_fields = ["name", "email", "organisation"]
    search_backend_name = None
    form_fields = ["name", "email", "organisation", "role"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "event",
        "name",
        "email",
        "organisation",
        "role",
        "municipality",
        "status",
        "created_at",
        "confirmed_at",
        "waitlisted_at",
        "cancelled_at",
    ]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("event_registrations")


class LiaPresentationViewSet(ModelViewSet):
    """The team links an LIA status entry to the event where the agenda was presented."""

    model = LiaPresentation
    icon = "calendar-check"
    menu_label = _("LIA presentations")
    add_to_admin_menu = True
    menu_order = 251
    form_fields = ["event", "status_change"]
    list_display = ["status_change", "event"]


@hooks.register("register_admin_viewset")
def register_lia_presentation_viewset():
    return LiaPresentationViewSet("lia_presentations")
