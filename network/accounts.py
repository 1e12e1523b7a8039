"""Questions about accounts that more than one app asks."""

from allauth.account.models import EmailAddress
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q


def has_verified_email(user, email: str | None = None) -> bool:
    """Whether the user has confirmed an email address (this one, if given, case-insensitive)."""
    if user is None or not user.is_authenticated:
        return False
    addresses = EmailAddress.objects.filter(user=user, verified=True)
    if email is not None:
        addresses = addresses.filter(email__iexact=email)
    return addresses.exists()


class PermissionBackend(ModelBackend):
    """Django's model backend, with a user's own and group permissions read in one query.

    Every page a signed-in person sees asks for at least one permission (Wagtail's user bar
    asks whether they may use the admin); Django reads the two kinds in two queries.
    """

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                permissions = Permission.objects.all()
            else:
                permissions = Permission.objects.filter(Q(user=user_obj) | Q(group__user=user_obj))
            user_obj._perm_cache = {
                f"{app_label}.{codename}"
                for app_label, codename in permissions.values_list(
                    "content_type__app_label", "codename"
                )
            }
        return user_obj._perm_cache
