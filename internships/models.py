"""Inclusion internships: a municipality offers a place, people apply, the team mediates."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Accommodation(models.TextChoices):
    STEP_FREE = "step_free", _("Step-free access")
    QUIET_ROOM = "quiet_room", _("Quiet room")
    NGT_INTERPRETER = "ngt_interpreter", _("Sign language (NGT) interpreter")
    JOB_COACH = "job_coach", _("Job coach")
    FLEXIBLE_HOURS = "flexible_hours", _("Flexible hours")
    EASY_READ = "easy_read", _("Easy-read material")


class OfferKind(models.TextChoices):
    INTERNSHIP = "internship", _("Internship")
    SHADOW_DAY = "shadow_day", _("Shadow day")


class ApplicationStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_CONVERSATION = "in_conversation", _("In conversation")
    PLACED = "placed", _("Placed")
    NOT_PLACED = "not_placed", _("Not placed")


def _valid_accommodations(values) -> None:
    allowed = set(Accommodation.values)
    if not isinstance(values, list) or any(value not in allowed for value in values):
        raise ValidationError(_("Choose accommodations from the list."))


class InternshipOffer(models.Model):
    municipality = models.ForeignKey(
        "municipalities.MunicipalityPage",
        on_delete=models.CASCADE,
        related_name="internship_offers",
        verbose_name=_("municipality"),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=OfferKind.choices, default=OfferKind.INTERNSHIP
    )
    title = models.CharField(_("title"), max_length=150)
    department = models.CharField(_("department"), max_length=150)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    hours_per_week = models.PositiveSmallIntegerField(_("hours per week"))
    location = models.CharField(_("location"), max_length=200)
    tasks = models.TextField(_("what the intern does"))
    accommodations = models.JSONField(
        _("accommodations offered"), default=list, blank=True, validators=[_valid_accommodations]
    )
    places = models.PositiveSmallIntegerField(_("number of places"), default=1)
    is_open = models.BooleanField(_("open for applications"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    needs_erased_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_demo_data = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("internship offer")
        verbose_name_plural = _("internship offers")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The last day cannot be before the first day.")})
        if self.places is not None and self.places < 1:
            raise ValidationError({"places": _("Offer at least one place.")})

    def accommodation_labels(self) -> list[str]:
        labels = dict(Accommodation.choices)
        return [labels[value] for value in self.accommodations if value in labels]


class Application(models.Model):
    offer = models.ForeignKey(
        InternshipOffer, on_delete=models.CASCADE, related_name="applications"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="internship_applications"
    )
    motivation = models.TextField(_("motivation"))
    needs = models.JSONField(
        _("accommodations you need"), default=list, blank=True, validators=[_valid_accommodations]
    )
    needs_other = models.TextField(_("other accommodations"), blank=True)
    needs_consent = models.BooleanField(_("consent to keep my accommodations"), default=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.RECEIVED,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(fields=["offer", "applicant"], name="one_application_per_offer")
        ]

    def __str__(self) -> str:
        return f"{self.applicant} → {self.offer}"

    def clean(self) -> None:
        if (self.needs or self.needs_other.strip()) and not self.needs_consent:
            raise ValidationError(
                {
                    "needs_consent": _(
                        "Give your consent, or leave the accommodations empty. We only keep "
                        "them with your consent."
                    )
                }
            )

    def need_labels(self) -> list[str]:
        labels = dict(Accommodation.choices)
        return [labels[value] for value in self.needs if value in labels]
