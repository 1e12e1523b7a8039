"""Admin of the foundation: the read-only audit trail of access to sensitive data."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import SensitiveDataAccess


class SuperuserReadOnlyPolicy(BasePermissionPolicy):
    """Only superusers may see the audit trail, and nobody may add, change or delete it."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


register_permission_policy(SensitiveDataAccess, SuperuserReadOnlyPolicy(SensitiveDataAccess))


class SensitiveDataAccessViewSet(ModelViewSet):
    model = SensitiveDataAccess
    icon = "view"
    menu_label = _("Access to accessibility needs")
    add_to_settings_menu = True
    list_display = ["accessed_at", "user_email", "action", "subject", "record_count"]
    list_filter = ["action"]
    search_fields = ["user_email", "subject"]
    search_backend_name = None
    form_fields = ["action"]
    inspect_view_enabled = True
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_sensitive_access_viewset():
    return SensitiveDataAccessViewSet("sensitive_data_access")
