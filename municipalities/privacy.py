"""What the municipalities app holds about a person, for 'Download my data'."""

from .models import LiaStatusChange, MunicipalityMembership


def export_user_data(user) -> dict:
    """What this app holds about a person: their memberships and the statuses they recorded."""
    memberships = MunicipalityMembership.objects.filter(user=user).select_related("municipality")
    changes = LiaStatusChange.objects.filter(recorded_by=user).select_related("municipality")
    return {
        "memberships": [
            {
                "municipality": membership.municipality.title,
                "cbs_code": membership.municipality.cbs_code,
                "job_title": membership.job_title,
                "shown_as_contact": membership.is_contact,
                "since": membership.created_at.isoformat(),
            }
            for membership in memberships
        ],
        "lia_status_changes_recorded": [
            {
                "municipality": change.municipality.title,
                "status": change.status,
                "date": change.date.isoformat(),
                "source": change.source,
                "note": change.note,
                "recorded_at": change.recorded_at.isoformat(),
            }
            for change in changes
        ],
    }
