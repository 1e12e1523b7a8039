"""Background work of the matchcentrum: the proposal emails."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from network.notifications import absolute_url

from .models import Match, Side
from .tokens import response_token


def offering_contacts(match: Match) -> list[str]:
    """Who hears about a proposal on the offering side: the chosen contact or its officials."""
    if match.offering_contact_email:
        return [match.offering_contact_email]
    if match.offering_municipality.inclusion_contact_email:
        return [match.offering_municipality.inclusion_contact_email]
    memberships = match.offering_municipality.memberships.filter(is_contact=True)
    return sorted({m.user.email for m in memberships.select_related("user")})


@task()
def send_match_proposal(*, match_id: int) -> int:
    """Email both sides of a proposed match, each with its own accept and decline link."""
    match = (
        Match.objects.select_related("request", "asking_municipality", "offering_municipality")
        .filter(pk=match_id)
        .first()
    )
    if match is None:
        return 0
    recipients = {
        Side.ASKING: [match.request.contact_email],
        Side.OFFERING: offering_contacts(match),
    }
    sent = 0
    # The site's default language: the recipients' own preference is not known.
    with translation.override(settings.LANGUAGE_CODE):
        for side, emails in recipients.items():
            if not emails:
                continue
            context = {
                "match": match,
                "side": side,
                "own": match.municipality_of(side),
                "other": match.municipality_of(
                    Side.OFFERING if side == Side.ASKING else Side.ASKING
                ),
                "accept_url": absolute_url(
                    reverse("matchcentrum:respond", args=[response_token(match, side, "accept")])
                ),
                "decline_url": absolute_url(
                    reverse("matchcentrum:respond", args=[response_token(match, side, "decline")])
                ),
                "match_url": absolute_url(reverse("matchcentrum:match_detail", args=[match.pk])),
            }
            subject = render_to_string("matchcentrum/email/proposal_subject.txt", context)
            body = render_to_string("matchcentrum/email/proposal.txt", context)
            sent += send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, emails)
    return sent
