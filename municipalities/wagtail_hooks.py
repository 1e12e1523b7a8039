"""Admin for the project team: the LIA history (append-only) and officials' memberships."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from .models import LiaStatusChange, MunicipalityMembership, RouteProgressEntry, RouteStep
from .services import lia_status_record, membership_add


class AppendOnlyPermissionPolicy(ModelPermissionPolicy):
    """Nobody edits or deletes history, not even a superuser: a correction is a new entry."""

    def user_has_permission(self, user, action):
        if action in ("change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_permission(self, action):
        if action in ("change", "delete"):
            return get_user_model().objects.none()
        return super().users_with_permission(action)


register_permission_policy(LiaStatusChange, AppendOnlyPermissionPolicy(LiaStatusChange))
register_permission_policy(RouteProgressEntry, AppendOnlyPermissionPolicy(RouteProgressEntry))


class LiaStatusChangeCreateView(CreateView):
    def save_instance(self):
        # Through the service, so the current status and the map cache follow the new entry.
        data = self.form.cleaned_data
        return lia_status_record(
            municipality=data["municipality"],
            status=data["status"],
            date=data["date"],
            source=data["source"],
            note=data["note"],
            user=self.request.user,
        )


class LiaStatusChangeViewSet(SnippetViewSet):
    model = LiaStatusChange
    icon = "history"
    menu_label = _("LIA history")
    add_view_class = LiaStatusChangeCreateView
    inspect_view_enabled = True
    form_fields = ["municipality", "status", "date", "source", "note"]
    list_display = [
        "municipality",
        "status",
        "date",
        "source",
        "recorded_by",
        "recorded_at",
        BooleanColumn("is_demo_data", label=_("demo data")),
    ]
    list_filter = ["status", "source", "is_demo_data"]
    ordering = ["-recorded_at"]
    list_per_page = 50

    def get_queryset(self, request):
        return LiaStatusChange.objects.select_related("municipality", "recorded_by")


class MembershipCreateView(CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return membership_add(
            user=data["user"],
            municipality=data["municipality"],
            job_title=data["job_title"],
            is_contact=data["is_contact"],
            added_by=self.request.user,
        )


class MunicipalityMembershipViewSet(SnippetViewSet):
    model = MunicipalityMembership
    icon = "group"
    menu_label = _("Officials")
    add_view_class = MembershipCreateView
    form_fields = ["user", "municipality", "job_title", "is_contact"]
    list_display = ["user", "municipality", "job_title", BooleanColumn("is_contact")]
    list_filter = ["is_contact"]
    list_per_page = 50

    def get_queryset(self, request):
        return MunicipalityMembership.objects.select_related("municipality", "user")


class RouteStepViewSet(SnippetViewSet):
    """The steps of the route: the project team writes and orders them."""

    model = RouteStep
    icon = "list-ol"
    menu_label = _("Route steps")
    list_display = ["title", "slug", "sort_order"]
    ordering = ["sort_order", "pk"]


class RouteProgressEntryViewSet(SnippetViewSet):
    """The route history, read-only: officials and the team record on the municipality's page."""

    model = RouteProgressEntry
    icon = "history"
    menu_label = _("Route history")
    add_view_enabled = False
    inspect_view_enabled = True
    list_display = ["municipality", "step", "status", "date", "recorded_by", "recorded_at"]
    list_filter = ["status", "step", "is_demo_data"]
    ordering = ["-recorded_at"]
    list_per_page = 50

    def get_queryset(self, request):
        return RouteProgressEntry.objects.select_related("municipality", "step", "recorded_by")


class MunicipalitiesViewSetGroup(SnippetViewSetGroup):
    items = (
        LiaStatusChangeViewSet,
        MunicipalityMembershipViewSet,
        RouteStepViewSet,
        RouteProgressEntryViewSet,
    )
    menu_icon = "site"
    menu_label = _("Municipalities")
    menu_name = "municipalities"


register_snippet(MunicipalitiesViewSetGroup)
