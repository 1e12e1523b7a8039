"""The audit trail of special-category data: every view or export of accessibility needs."""

from django.http import HttpRequest

from .models import SensitiveDataAccess


def sensitive_access_record(
    *, request: HttpRequest, action: str, subject: str, record_count: int = 0
) -> SensitiveDataAccess:
    """Record that `request.user` saw or exported sensitive data about `subject`."""
    user = request.user if request.user.is_authenticated else None
    return SensitiveDataAccess.objects.create(
        user=user,
        user_email=getattr(user, "email", "") or "",
        action=action[:40],
        subject=subject[:255],
        path=request.get_full_path()[:500],
        record_count=record_count,
    )
