"""Questions about accounts that more than one app asks."""

from allauth.account.models import EmailAddress


def has_verified_email(user, email: str | None = None) -> bool:
    """Whether the user has confirmed an email address (this one, if given, case-insensitive)."""
    if user is None or not user.is_authenticated:
        return False
    addresses = EmailAddress.objects.filter(user=user, verified=True)
    if email is not None:
        addresses = addresses.filter(email__iexact=email)
    return addresses.exists()
