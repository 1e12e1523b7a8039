"""What the matchcentrum holds about a person, for 'Download my data'."""

from .models import MatchRequest


def export_match_requests(user) -> list[dict]:
    """'Download my data': the match requests this person made, with their contact details."""
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
