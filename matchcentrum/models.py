"""The matchcentrum: municipalities ask for help, the project team matches them with another."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    """A secret for the one-link accept/decline URLs of one side of a match."""
    return secrets.token_urlsafe(24)


class MatchRequest(models.Model):
    """A municipality's question: help wanted on these themes and life domains."""

    class Contact(models.TextChoices):
        EMAIL = "email", _("By email")
        PHONE = "phone", _("By phone")
        MEETING = "meeting", _("In a meeting (online or in person)")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        MATCHED = "matched", _("matched")
        CLOSED = "closed", _("closed")

    municipality = models.ForeignKey(
        "municipalities.MunicipalityPage",
        on_delete=models.CASCADE,
        related_name="match_requests",
        verbose_name=_("municipality"),
        help_text=_("The municipality that asks for help."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="match_requests",
        verbose_name=_("requested by"),
    )
    themes = models.ManyToManyField(
        "taxonomy.Theme",
        blank=True,
        related_name="match_requests",
        verbose_name=_("themes"),
        help_text=_("The CRPD articles the question is about."),
    )
    life_domains = models.ManyToManyField(
        "taxonomy.LifeDomain",
        blank=True,
        related_name="match_requests",
        verbose_name=_("life domains"),
        help_text=_("The domains of life the question is about."),
    )
    question = models.TextField(
        _("question"),
        max_length=4000,
        help_text=_("What you want to learn from another municipality, in your own words."),
    )
    preferred_contact = models.CharField(
        _("preferred way of contact"),
        max_length=20,
        choices=Contact.choices,
        default=Contact.EMAIL,
    )
    contact_name = models.CharField(_("contact name"), max_length=120)
    contact_email = models.EmailField(_("contact email"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    practice = models.ForeignKey(
        "knowledge.PracticePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="match_requests",
        verbose_name=_("practice"),
        help_text=_("The practice that prompted the question, when asked from a practice page."),
    )
    target_municipality = models.ForeignKey(
        "municipalities.MunicipalityPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("municipality asked for"),
        help_text=_("The municipality behind that practice, whom the asker wants to talk to."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    is_demo_data = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "created_at"])]
        verbose_name = _("match request")
        verbose_name_plural = _("match requests")

    def __str__(self) -> str:
        return _("Request %(number)s from %(municipality)s") % {
            "number": self.pk,
            "municipality": self.municipality.title,
        }


class MatchState(models.TextChoices):
    """Where a match stands; the allowed moves are in services.ALLOWED_TRANSITIONS."""

    PROPOSED = "proposed", _("proposed")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    IN_CONVERSATION = "in_conversation", _("in conversation")
    COMPLETED = "completed", _("completed")


class Side(models.TextChoices):
    """The two parties of a match."""

    ASKING = "asking", _("asking municipality")
    OFFERING = "offering", _("offering municipality")


class Match(models.Model):
    """Two municipalities brought together by the project team for one request."""

    request = models.ForeignKey(
        MatchRequest, on_delete=models.CASCADE, related_name="matches", verbose_name=_("request")
    )
    asking_municipality = models.ForeignKey(
        "municipalities.MunicipalityPage",
        on_delete=models.CASCADE,
        related_name="matches_asked",
        verbose_name=_("asking municipality"),
    )
    offering_municipality = models.ForeignKey(
        "municipalities.MunicipalityPage",
        on_delete=models.CASCADE,
        related_name="matches_offered",
        verbose_name=_("offering municipality"),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=MatchState.choices, default=MatchState.PROPOSED
    )
    notes = models.TextField(
        _("why this match"),
        max_length=4000,
        blank=True,
        help_text=_("Why these two municipalities fit; sent to both with the proposal."),
    )
    offering_contact_email = models.EmailField(
        _("contact email of the offering municipality"),
        blank=True,
        help_text=_("Who receives the proposal on the offering side."),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    asking_accepted_at = models.DateTimeField(null=True, blank=True)
    offering_accepted_at = models.DateTimeField(null=True, blank=True)
    evaluation_useful = models.BooleanField(_("was it useful?"), null=True, blank=True)
    evaluation_outcome = models.TextField(
        _("what came of it"),
        max_length=4000,
        blank=True,
        help_text=_("A few sentences: what did the municipalities learn or change?"),
    )
    # Both sides must agree before a completed match appears on their public profiles.
    asking_shows_on_profile = models.BooleanField(default=False)
    offering_shows_on_profile = models.BooleanField(default=False)
    asking_token = models.CharField(max_length=64, default=new_token, editable=False)
    offering_token = models.CharField(max_length=64, default=new_token, editable=False)
    created_at = models.DateTimeField(_("proposed on"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(_("completed on"), null=True, blank=True)
    is_demo_data = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "offering_municipality"], name="unique_match_per_request"
            ),
            models.CheckConstraint(
                condition=~models.Q(asking_municipality=models.F("offering_municipality")),
                name="match_between_two_municipalities",
            ),
        ]
        indexes = [models.Index(fields=["state", "completed_at"])]
        verbose_name = _("match")
        verbose_name_plural = _("matches")

    def __str__(self) -> str:
        return f"{self.asking_municipality.title} – {self.offering_municipality.title}"

    def municipality_of(self, side: str):
        return self.asking_municipality if side == Side.ASKING else self.offering_municipality

    def token_of(self, side: str) -> str:
        return self.asking_token if side == Side.ASKING else self.offering_token

    def accepted_at(self, side: str):
        return self.asking_accepted_at if side == Side.ASKING else self.offering_accepted_at

    @property
    def shown_on_profiles(self) -> bool:
        return (
            self.state == MatchState.COMPLETED
            and self.asking_shows_on_profile
            and self.offering_shows_on_profile
        )


class MatchEvent(models.Model):
    """One entry in a match's audit trail: who moved it from which state to which, and why."""

    match = models.ForeignKey(
        Match, on_delete=models.CASCADE, related_name="events", verbose_name=_("match")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who"),
    )
    # Set when someone answered through the one-link email without logging in.
    actor_side = models.CharField(max_length=20, choices=Side.choices, blank=True)
    from_state = models.CharField(_("from"), max_length=20, choices=MatchState.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=20, choices=MatchState.choices)
    note = models.TextField(_("note"), max_length=4000, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("match event")
        verbose_name_plural = _("match events")

    def __str__(self) -> str:
        return f"{self.match_id}: {self.from_state or '–'} → {self.to_state}"

    @property
    def is_state_change(self) -> bool:
        return self.from_state != self.to_state
