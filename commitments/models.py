"""The accountability cycle: priorities per municipality, commitments with a status history,
followers who are reminded, and elections in which parties answer the priorities."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from network.markdown import render_markdown

TERM_VALIDATOR = RegexValidator(
    r"^(19|20)\d{2}-(19|20)\d{2}$", _("Write the term as two years, for example 2026-2030.")
)


def validate_not_in_future(value) -> None:
    if value and value > timezone.localdate():
        raise ValidationError(_("This date is in the future. Fill in a date up to today."))


class Priority(models.Model):
    """What people with a disability ask of their municipality, in their own words."""

    class Source(models.TextChoices):
        EXPERTS = "experts", _("Experts by experience")
        ORGANISATION = "organisation", _("A supporting organisation")
        DIALOGUE = "dialogue", _("A dialogue moment")

    municipality = models.ForeignKey(
        "municipalities.MunicipalityPage",
        on_delete=models.CASCADE,
        related_name="priorities",
        verbose_name=_("municipality"),
    )
    title = models.CharField(
        _("title"), max_length=200, help_text=_("The priority in one short sentence.")
    )
    explanation = models.TextField(
        _("explanation"),
        max_length=4000,
        help_text=_("Why this matters and what should change. You may use Markdown."),
    )
    explanation_html = models.TextField(editable=False, blank=True)
    themes = models.ManyToManyField(
        "taxonomy.Theme", blank=True, related_name="priorities", verbose_name=_("themes")
    )
    life_domains = models.ManyToManyField(
        "taxonomy.LifeDomain",
        blank=True,
        related_name="priorities",
        verbose_name=_("life domains"),
    )
    source = models.CharField(
        _("brought in by"), max_length=20, choices=Source.choices, default=Source.EXPERTS
    )
    organisation = models.ForeignKey(
        "voices.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="priorities",
        verbose_name=_("organisation"),
    )
    dialogue = models.ForeignKey(
        "events.EventPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="priorities",
        verbose_name=_("dialogue moment"),
    )
    voices = models.ManyToManyField(
        "voices.Voice",
        blank=True,
        related_name="priorities",
        verbose_name=_("supporting voices"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    endorsement_count = models.PositiveIntegerField(_("endorsements"), default=0, editable=False)
    is_demo_data = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-endorsement_count", "title", "pk"]
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")
        indexes = [models.Index(fields=["municipality", "title"], name="commit_prio_muni_title")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.explanation_html = render_markdown(self.explanation)
        super().save(*args, **kwargs)


class PriorityRevision(models.Model):
    """The text of a priority before someone changed it: the history is kept."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(_("title"), max_length=200)
    explanation = models.TextField(_("explanation"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("priority revision")
        verbose_name_plural = _("priority revisions")

    def __str__(self) -> str:
        return f"{self.title} ({self.changed_at:%Y-%m-%d})"


class Endorsement(models.Model):
    """'Steun dit punt': once per member, or once per approved organisation."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="endorsements")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="priority_endorsements",
    )
    organisation = models.ForeignKey(
        "voices.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="priority_endorsements",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False, organisation__isnull=True)
                | Q(user__isnull=True, organisation__isnull=False),
                name="commit_endorsement_one_endorser",
            ),
            models.UniqueConstraint(
                fields=["priority", "user"],
                condition=Q(user__isnull=False),
                name="commit_endorsement_once_per_user",
            ),
            models.UniqueConstraint(
                fields=["priority", "organisation"],
                condition=Q(organisation__isnull=False),
                name="commit_endorsement_once_per_org",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation or self.user}: {self.priority}"


class CommitmentStatus(models.TextChoices):
    PROMISED = "promised", _("Promised")
    PREPARING = "preparing", _("In preparation")
    IN_PROGRESS = "in_progress", _("In progress")
    REALISED = "realised", _("Realised")
    PARTLY_REALISED = "partly_realised", _("Partly realised")
    NOT_REALISED = "not_realised", _("Not realised")


FINAL_STATUSES = (
    CommitmentStatus.REALISED,
    CommitmentStatus.PARTLY_REALISED,
    CommitmentStatus.NOT_REALISED,
)


class Commitment(models.Model):
    """A promise by the council, the college or a party, held against the priorities."""

    class MadeBy(models.TextChoices):
        COUNCIL = "council", _("Municipal council")
        COLLEGE = "college", _("College of mayor and aldermen")
        COALITION = "coalition", _("Coalition agreement")
        PARTY = "party", _("A political party")

    municipality = models.ForeignKey(
        "municipalities.MunicipalityPage",
        on_delete=models.CASCADE,
        related_name="commitments",
        verbose_name=_("municipality"),
    )
    title = models.CharField(
        _("what was promised"), max_length=250, help_text=_("The promise in one sentence.")
    )
    description = models.TextField(
        _("explanation"), max_length=4000, blank=True, help_text=_("You may use Markdown.")
    )
    description_html = models.TextField(editable=False, blank=True)
    made_by = models.CharField(_("promised by"), max_length=20, choices=MadeBy.choices)
    party_name = models.CharField(
        _("party"), max_length=120, blank=True, help_text=_("Only when a party made the promise.")
    )
    term = models.CharField(
        _("term"),
        max_length=9,
        validators=[TERM_VALIDATOR],
        help_text=_("For example 2026-2030."),
    )
    source_title = models.CharField(
        _("source"),
        max_length=200,
        help_text=_("Where the promise is written, for example 'Coalitieakkoord 2026-2030'."),
    )
    source_url = models.URLField(_("link to the source"), blank=True)
    source_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("source (document)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    promised_on = models.DateField(_("promised on"), validators=[validate_not_in_future])
    priorities = models.ManyToManyField(
        Priority, blank=True, related_name="commitments", verbose_name=_("priorities")
    )
    # The newest status change, kept here so lists need no subquery per row.
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.PROMISED,
        editable=False,
    )
    status_date = models.DateField(_("status since"), null=True, editable=False)
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    is_demo_data = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-promised_on", "title", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        indexes = [
            models.Index(fields=["municipality", "status"], name="commit_muni_status"),
            models.Index(fields=["status", "status_date"], name="commit_status_date"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.description_html = render_markdown(self.description)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.made_by == self.MadeBy.PARTY and not self.party_name.strip():
            raise ValidationError({"party_name": _("Fill in which party made the promise.")})
        if self.made_by != self.MadeBy.PARTY:
            self.party_name = ""

    @property
    def maker_label(self) -> str:
        if self.made_by == self.MadeBy.PARTY and self.party_name:
            return self.party_name
        return self.get_made_by_display()

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES


class StatusChange(models.Model):
    """One dated step in a commitment's history. Append-only: a correction is a new change."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(_("status"), max_length=20, choices=CommitmentStatus.choices)
    date = models.DateField(_("date"), validators=[validate_not_in_future])
    note = models.TextField(
        _("explanation"), max_length=2000, help_text=_("What happened, in a few sentences.")
    )
    evidence_url = models.URLField(
        _("evidence"), blank=True, help_text=_("A link to a council decision, report or news item.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    is_demo_data = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-date", "-recorded_at", "-pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.commitment}: {self.get_status_display()} ({self.date})"


class Follow(models.Model):
    """A member follows a municipality: reminders and the election summary reach them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_municipalities"
    )
    municipality = models.ForeignKey(
        "municipalities.MunicipalityPage", on_delete=models.CASCADE, related_name="followers"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality"], name="commit_follow_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.municipality}"


class Election(models.Model):
    """Municipal elections, for example those of 18 March 2026."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    date = models.DateField(_("election day"))
    title = models.CharField(_("title"), max_length=150)
    introduction = models.TextField(_("introduction"), blank=True, max_length=3000)
    summary_sent_on = models.DateField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("title"),
        FieldPanel("year"),
        FieldPanel("date"),
        FieldPanel("introduction"),
    ]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("election")
        verbose_name_plural = _("elections")

    def __str__(self) -> str:
        return self.title


class Party(models.Model):
    """A party standing in one municipality at one election."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="parties")
    municipality = models.ForeignKey(
        "municipalities.MunicipalityPage",
        on_delete=models.CASCADE,
        related_name="election_parties",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=120)
    programme_url = models.URLField(_("election programme"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    is_demo_data = models.BooleanField(_("demo data"), default=False)

    panels = [
        FieldPanel("election"),
        FieldPanel("municipality"),
        FieldPanel("name"),
        FieldPanel("programme_url"),
        FieldPanel("contact_email"),
    ]

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "municipality", "name"], name="commit_party_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Position(models.TextChoices):
    AGREE = "agree", _("Agrees")
    PARTLY = "partly", _("Partly agrees")
    DISAGREE = "disagree", _("Disagrees")
    NO_ANSWER = "no_answer", _("No answer")


class PartyAnswer(models.Model):
    """A party's position on one priority, with its explanation."""

    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="answers")
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="party_answers")
    position = models.CharField(
        _("position"), max_length=10, choices=Position.choices, default=Position.NO_ANSWER
    )
    explanation = models.TextField(_("explanation"), blank=True, max_length=2000)
    answered_at = models.DateTimeField(default=timezone.now)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    via_token = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("party answer")
        verbose_name_plural = _("party answers")
        constraints = [
            models.UniqueConstraint(fields=["party", "priority"], name="commit_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.party}: {self.priority}"


def _token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class PartyTokenQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(expires_at__gt=timezone.now(), revoked=False)

    def for_raw(self, raw: str):
        """The valid token behind a link, or None. Only the hash is stored."""
        if not raw or len(raw) > 100:
            return None
        return (
            self.valid()
            .select_related("party__election", "party__municipality")
            .filter(token_hash=_token_hash(raw))
            .first()
        )


class PartyToken(models.Model):
    """A link that lets one party answer for itself, without an account, until it expires."""

    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="tokens")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("valid until"))
    revoked = models.BooleanField(_("revoked"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = PartyTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("answer link")
        verbose_name_plural = _("answer links")

    def __str__(self) -> str:
        return f"{self.party} ({self.expires_at:%Y-%m-%d})"

    @classmethod
    def issue(cls, *, party: Party, days: int = 30, created_by=None) -> tuple["PartyToken", str]:
        """A new token; the raw value is returned once and never stored."""
        raw = secrets.token_urlsafe(32)
        token = cls.objects.create(
            party=party,
            token_hash=_token_hash(raw),
            expires_at=timezone.now() + timedelta(days=days),
            created_by=created_by,
        )
        return token, raw
