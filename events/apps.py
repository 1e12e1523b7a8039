from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def export_registrations(user) -> list[dict]:
    """A person's registrations, linked to the account or made with the same email address."""
    from django.db.models import Q

    from .models import Registration

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


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda")
    default_auto_field = "django.db.models.BigAutoField"
    role_permissions = {
        "project_team": [
            "events.view_registration",
            "events.add_eventpage",
            "events.change_eventpage",
            "events.publish_eventpage",
        ],
    }

    def ready(self) -> None:
        from network.privacy import register_data_exporter

        from . import sections  # noqa: F401

        register_data_exporter("events", export_registrations)
