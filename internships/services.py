"""What happens to offers and applications. Views call these; they check the rules."""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from network.notifications import absolute_url

from .models import Application, ApplicationStatus, InternshipOffer
from .permissions import can_manage_for, can_mediate

ALLOWED_TRANSITIONS: dict[str, list[str]] = {
    ApplicationStatus.RECEIVED: [ApplicationStatus.IN_CONVERSATION, ApplicationStatus.NOT_PLACED],
    ApplicationStatus.IN_CONVERSATION: [ApplicationStatus.PLACED, ApplicationStatus.NOT_PLACED],
    ApplicationStatus.PLACED: [],
    ApplicationStatus.NOT_PLACED: [],
}


class InternshipError(Exception):
    """A rule stopped the action; `message` is for the person, `status` for the response."""

    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class RateLimited(InternshipError):
    status = 429


def application_email(*, application_id: int) -> int:
    """Tell the applicant where their application stands (in the site's language)."""
    application = (
        Application.objects.select_related("offer__municipality", "applicant")
        .filter(pk=application_id)
        .first()
    )
    if application is None or not application.applicant.email:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "application": application,
            "offer": application.offer,
            "offer_url": absolute_url(reverse("internships:detail", args=[application.offer.pk])),
            "mine_url": absolute_url(reverse("internships:mine")),
        }
        subject = render_to_string("internships/email/status_subject.txt", context).strip()
        body = render_to_string("internships/email/status.txt", context)
    return send_mail(subject, body, None, [application.applicant.email])


def _email_on_commit(application: Application) -> None:
    transaction.on_commit(lambda: application_email(application_id=application.pk))


@transaction.atomic
def offer_save(*, offer: InternshipOffer, user) -> InternshipOffer:
    """Create or change an offer; only the municipality's officials and the team may."""
    if not can_manage_for(user, offer.municipality_id):
        raise PermissionDenied(_("Only officials of this municipality and the project team can."))
    if offer.pk is None:
        offer.created_by = user
    offer.full_clean()
    offer.save()
    return offer


@transaction.atomic
def application_create(
    *,
    offer: InternshipOffer,
    applicant,
    motivation: str,
    needs: list[str],
    needs_other: str = "",
    needs_consent: bool = False,
    now: datetime | None = None,
) -> Application:
    now = now or timezone.now()
    offer = InternshipOffer.objects.select_for_update().get(pk=offer.pk)
    if not offer.is_open or offer.end < timezone.localdate(now):
        raise InternshipError(_("This internship is closed. Have a look at the other offers."))
    if Application.objects.filter(offer=offer, applicant=applicant).exists():
        raise InternshipError(_("You have already applied for this internship."))
    limit = int(getattr(settings, "INTERNSHIPS_APPLICATIONS_PER_HOUR", 5))
    recent = Application.objects.filter(
        applicant=applicant, created_at__gte=now - timedelta(hours=1)
    ).count()
    if recent >= limit:
        raise RateLimited(
            _("You have applied %(count)s times in the last hour. Please try again later.")
            % {"count": recent}
        )
    application = Application(
        offer=offer,
        applicant=applicant,
        motivation=motivation,
        needs=list(needs),
        needs_other=needs_other,
        needs_consent=needs_consent,
        status_changed_at=now,
    )
    application.full_clean()
    application.save()
    _email_on_commit(application)
    return application


@transaction.atomic
def application_transition(
    *, application: Application, user, status: str, now: datetime | None = None
) -> Application:
    """The team moves an application on; placing the last free place closes the offer."""
    if not can_mediate(user):
        raise PermissionDenied(_("Only the project team can change the status."))
    application = Application.objects.select_for_update().get(pk=application.pk)
    if status not in ALLOWED_TRANSITIONS.get(application.status, []):
        raise InternshipError(_("This status change is not possible."))
    application.status = status
    application.status_changed_at = now or timezone.now()
    application.full_clean()
    application.save(update_fields=["status", "status_changed_at"])
    if status == ApplicationStatus.PLACED:
        offer = application.offer
        placed = offer.applications.filter(status=ApplicationStatus.PLACED).count()
        if placed >= offer.places and offer.is_open:
            offer.is_open = False
            offer.save(update_fields=["is_open"])
    _email_on_commit(application)
    return application


def needs_erase(*, now: datetime | None = None) -> int:
    """Erase accommodation data INTERNSHIPS_NEEDS_RETENTION_DAYS after each internship ends.

    Returns the number of applications whose accommodations were erased.
    """
    now = now or timezone.now()
    days = int(getattr(settings, "INTERNSHIPS_NEEDS_RETENTION_DAYS", 30))
    cutoff: date = timezone.localdate(now) - timedelta(days=days)
    with transaction.atomic():
        offers = InternshipOffer.objects.filter(end__lt=cutoff, needs_erased_at__isnull=True)
        offer_ids = list(offers.values_list("pk", flat=True))
        erased = (
            Application.objects.filter(offer_id__in=offer_ids)
            .exclude(needs=[], needs_other="")
            .update(needs=[], needs_other="", needs_consent=False)
        )
        InternshipOffer.objects.filter(pk__in=offer_ids).update(needs_erased_at=now)
    return erased
