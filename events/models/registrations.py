"""What the agenda's pages build on: provisions, formats, speakers and registrations.

The pages (`pages.py`) import the forms, services and calendar export, which import this
module; so it holds everything those need and nothing that needs them.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from municipalities.reference import load_provinces


class Provision(models.TextChoices):
    """Accessibility provisions an event can offer and a participant can ask for."""

    WHEELCHAIR = "wheelchair", _("Wheelchair-accessible venue and toilet")
    NGT = "ngt", _("Sign language interpreter (NGT)")
    SPEECH_TO_TEXT = "speech_to_text", _("Speech-to-text interpreter")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")
    QUIET_ROOM = "quiet_room", _("Quiet room")
    EASY_READ = "easy_read", _("Easy-read material")
    ASSISTANCE_ANIMALS = "assistance_animals", _("Assistance animals welcome")
    PARKING = "parking", _("Reserved parking")


# Short labels for counts ('2 × NGT interpreter') and the icon shown beside each provision.
PROVISION_SHORT = {
    Provision.WHEELCHAIR: _("wheelchair access"),
    Provision.NGT: _("NGT interpreter"),
    Provision.SPEECH_TO_TEXT: _("speech-to-text interpreter"),
    Provision.HEARING_LOOP: _("hearing loop"),
    Provision.QUIET_ROOM: _("quiet room"),
    Provision.EASY_READ: _("easy-read material"),
    Provision.ASSISTANCE_ANIMALS: _("assistance animal"),
    Provision.PARKING: _("reserved parking"),
}
# Line icons (24 x 24, drawn with the text colour) next to each provision's name. Inline SVG,
# not emoji: emoji need a font many systems lack, and then show as empty boxes. The name is
# always written out; the icon is decoration (aria-hidden in the template).
PROVISION_ICONS = {
    Provision.WHEELCHAIR: (
        "M10.5 4a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0 M12 7v6h5l2 5 M12 10h4 "
        "M9 10.5a5.5 5.5 0 1 0 7.5 7.5"
    ),
    Provision.NGT: (
        "M8 13V6a1 1 0 0 1 2 0v5 M10 11V4a1 1 0 0 1 2 0v7 M12 11V5a1 1 0 0 1 2 0v6 "
        "M14 11V7a1 1 0 0 1 2 0v7a6 6 0 0 1-6 6h-1a5 5 0 0 1-4-2l-3-4a1.3 1.3 0 0 1 2-1.6L8 15"
    ),
    Provision.SPEECH_TO_TEXT: "M4 5h16v11H9l-4 4v-4H4z M8 9h8 M8 12h5",
    Provision.HEARING_LOOP: (
        "M7 9a5 5 0 0 1 10 0c0 3-3 4-3 7a3 3 0 0 1-5.5 1.5 M10 10a2 2 0 0 1 4 0 M3 21l4-4"
    ),
    Provision.QUIET_ROOM: "M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z",
    Provision.EASY_READ: (
        "M3 5h6a3 3 0 0 1 3 3v12a2.5 2.5 0 0 0-2.5-2.5H3z "
        "M21 5h-6a3 3 0 0 0-3 3v12a2.5 2.5 0 0 1 2.5-2.5H21z"
    ),
    Provision.ASSISTANCE_ANIMALS: (
        "M8 16c0-2.5 2-4.5 4-4.5s4 2 4 4.5-2 3.5-4 3.5-4-1-4-3.5z "
        "M4.5 11a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0 M8.5 6.5a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0 "
        "M12.5 6.5a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0 M16.5 11a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0"
    ),
    Provision.PARKING: (
        "M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z "
        "M10 17V7h3a3 3 0 0 1 0 6h-3"
    ),
}

# The twelve provinces, by CBS code as MunicipalityPage.province_code stores them.
PROVINCES = list(load_provinces().items())


PROVISION_HELP = _("Tick if this event offers it; the page shows it in words and with an icon.")

# The agenda's own routes (month view, archive); an event may not take these slugs.
RESERVED_SLUGS = {"maand", "archief"}


class EventFormat(models.TextChoices):
    PHYSICAL = "physical", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (in person and online)")


class EventKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    # People in vulnerable positions look back on local policy and set priorities for the next
    # term; the organiser records those priorities afterwards (commitments app).
    DIALOGUE = "dialogue", _("Dialogue moment")


class EventScope(models.TextChoices):
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")


def with_confirmed_count(queryset):
    """Annotate the number of confirmed seats with one subquery instead of a query per event."""
    confirmed = (
        Registration.objects.filter(event=OuterRef("pk"), status=Registration.Status.CONFIRMED)
        .order_by()
        .values("event")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return queryset.annotate(
        confirmed_total=Coalesce(Subquery(confirmed, output_field=IntegerField()), Value(0))
    )


def settings_needs_retention_days() -> int:
    return int(getattr(settings, "EVENTS_NEEDS_RETENTION_DAYS", 7))


class EventSpeaker(Orderable):
    """A speaker at an event; experts by experience are marked so the programme shows them."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=200, help_text=_("The speaker's name."))
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("For example 'alderman of Zwolle'.")
    )
    is_expert_by_experience = models.BooleanField(
        _("expert by experience"),
        default=False,
        help_text=_("Speaks from lived experience of disability."),
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("is_expert_by_experience")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self) -> str:
        return self.name


def validate_needs(value) -> None:
    if not isinstance(value, list) or any(item not in Provision.values for item in value):
        raise ValidationError(_("Choose accessibility needs from the list."), code="invalid_needs")


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Registration(models.Model):
    """A person's place at an event (or on its waitlist), with or without an account."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for email confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waitlist")
        CANCELLED = "cancelled", _("cancelled")

    class Role(models.TextChoices):
        OFFICIAL = "official", _("Municipal official")
        EXPERT = "expert", _("Expert by experience")
        ORGANISATION = "organisation", _("Civil society or care organisation")
        ADMINISTRATOR = "administrator", _("Alderman or council member")
        OTHER = "other", _("Other")

    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email address"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    municipality = models.ForeignKey(
        "municipalities.MunicipalityPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    needs = models.JSONField(
        _("accessibility needs"), default=list, blank=True, validators=[validate_needs]
    )
    needs_other = models.TextField(_("other needs"), blank=True, max_length=1000)
    needs_consent = models.BooleanField(_("consent to store needs"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    language = models.CharField(max_length=10, default="nl")
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    email_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~models.Q(status="cancelled"),
                name="events_registration_unique_active_email",
                violation_error_message=_("This email address is already registered."),
            )
        ]
        indexes = [models.Index(fields=["event", "status", "waitlisted_at"])]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self) -> str:
        return f"{self.name} – {self.event_id} ({self.status})"

    def clean(self) -> None:
        super().clean()
        if (self.needs or self.needs_other.strip()) and not self.needs_consent:
            raise ValidationError(
                {"needs_consent": _("Give consent, or leave the accessibility needs empty.")}
            )

    @property
    def needs_labels(self) -> list[str]:
        return [str(Provision(value).label) for value in self.needs if value in Provision.values]

    def status_message(self) -> str:
        """What the person reads after registering, confirming or cancelling."""
        return str(
            {
                self.Status.PENDING: _(
                    "Almost done: we sent you an email. Click the link in it to confirm your "
                    "registration."
                ),
                self.Status.CONFIRMED: _("You are registered. We sent a confirmation by email."),
                self.Status.WAITLISTED: _(
                    "The event is full, so you are on the waitlist. We email you when a seat "
                    "becomes free."
                ),
                self.Status.CANCELLED: _("Your registration has been cancelled."),
            }[self.status]
        )


class LiaPresentation(models.Model):
    """A municipality presented its Local Inclusion Agenda at this event: a celebration."""

    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="lia_presentations",
        verbose_name=_("event"),
    )
    status_change = models.OneToOneField(
        "municipalities.LiaStatusChange",
        on_delete=models.CASCADE,
        related_name="presentation",
        verbose_name=_("LIA status entry"),
        help_text=_("The entry in the municipality's LIA history that was presented."),
    )
    is_demo_data = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["-event__start", "pk"]
        verbose_name = _("LIA presentation")
        verbose_name_plural = _("LIA presentations")

    def __str__(self) -> str:
        return f"{self.status_change.municipality} @ {self.event}"
