from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def export_match_requests(user) -> list[dict]:
    """'Download my data': the match requests this person made, with their contact details."""
    from .models import MatchRequest

    requests = (
        MatchRequest.objects.filter(requested_by=user)
        .select_related("municipality")
        .prefetch_related("themes", "life_domains")
        .order_by("created_at")
    )
    return [
        {
            "municipality": item.municipality.title,
            "created_at": item.created_at.isoformat(),
            "status": item.status,
            "question": item.question,
            "themes": [theme.name for theme in item.themes.all()],
            "life_domains": [domain.name for domain in item.life_domains.all()],
            "preferred_contact": item.preferred_contact,
            "contact_name": item.contact_name,
            "contact_email": item.contact_email,
            "contact_phone": item.contact_phone,
        }
        for item in requests
    ]


class MatchcentrumConfig(AppConfig):
    name = "matchcentrum"
    verbose_name = _("Matchcentrum")
    default_auto_field = "django.db.models.BigAutoField"
    # The team works in the site's own matchcentrum pages; these let it browse in the admin too.
    role_permissions = {
        "project_team": [
            "matchcentrum.view_matchrequest",
            "matchcentrum.change_matchrequest",
            "matchcentrum.view_match",
            "matchcentrum.view_matchevent",
        ],
    }

    def ready(self) -> None:
        from network.privacy import register_data_exporter

        from . import sections  # noqa: F401

        register_data_exporter("matchcentrum", export_match_requests)
