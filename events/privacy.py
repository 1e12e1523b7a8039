"""What the agenda holds about a person, for 'Download my data'."""

from django.db.models import Q

from .models.registrations import Registration


def export_registrations(user) -> list[dict]:
    """A person's registrations, linked to the account or made with the same email address."""
    registrations = (
        Registration.objects.filter(Q(user=user) | Q(email__iexact=user.email))
        .select_related("event", "municipality")
        .order_by("created_at")
    )
    return [
        {
            "event": r.event.title,
            "event_start": r.event.start.isoformat(),
            "name": r.name,
            "email": r.email,
            "organisation": r.organisation,
            "role": r.role,
            "municipality": r.municipality.title if r.municipality else None,
            "status": r.status,
            "accessibility_needs": r.needs,
            "other_needs": r.needs_other,
            "needs_consent": r.needs_consent,
            "registered_at": r.created_at.isoformat(),
        }
        for r in registrations
    ]
