"""Voices (stories and demands of people with a disability) and the organisations that support them."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from network.markdown import render_markdown

from .validators import is_video, validate_captions, validate_image, validate_media

CAMPAIGN_HASHTAG = "2MiljoenStemmen"


def _random_name(folder: str, filename: str) -> str:
    """A random file name under voices/<folder>/: the name someone gave a file is never used."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"voices/{folder}/{uuid.uuid4().hex}{suffix}"


def upload_image(instance, filename: str) -> str:
    return _random_name("images", filename)


def upload_media(instance, filename: str) -> str:
    return _random_name("media", filename)


def upload_captions(instance, filename: str) -> str:
    return _random_name("captions", filename)


class Organisation(models.Model):
    """A supporting organisation: it applies to join; the team approves or declines."""

    class Kind(models.TextChoices):
        ADVOCACY = "advocacy", _("Advocacy organisation")
        CLIENT_COUNCIL = "client_council", _("Client council")
        ADVISORY_COUNCIL = "advisory_council", _("Advisory council for the social domain")
        CARE_PROVIDER = "care_provider", _("Care provider")
        SPORTS_CLUB = "sports_club", _("Sports club")
        OTHER = "other", _("Other organisation")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    name = models.CharField(_("name"), max_length=200, help_text=_("The organisation's name."))
    slug = models.SlugField(_("slug"), max_length=200, unique=True, help_text=_("Used in URLs."))
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True, help_text=_("Starts with https://"))
    description = models.TextField(
        _("description"), blank=True, max_length=2000, help_text=_("What the organisation does.")
    )
    is_national = models.BooleanField(
        _("works nationally"), default=False, help_text=_("Works in the whole country.")
    )
    municipalities = models.ManyToManyField(
        "municipalities.MunicipalityPage",
        blank=True,
        related_name="voice_organisations",
        verbose_name=_("municipalities"),
        help_text=_("Where the organisation works, if not nationally."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact email"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    tags = TaggableManager(
        verbose_name=_("tags"),
        blank=True,
        help_text=_("Hashtags of campaigns the organisation supports, without #."),
        related_name="voice_organisations",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="voice_organisations",
        verbose_name=_("linked accounts"),
        help_text=_("These accounts may share voices and positions in the organisation's name."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("applied by"),
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    created = models.DateTimeField(_("applied"), default=timezone.now)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("is_national"),
        FieldPanel("municipalities"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
        FieldPanel("tags"),
        FieldPanel("members"),
        FieldPanel("status"),
        FieldPanel("decision_reason"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("supporting organisation")
        verbose_name_plural = _("supporting organisations")
        indexes = [models.Index(fields=["status", "name"], name="voices_org_status_name")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.ensure_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("voices:organisation", kwargs={"slug": self.slug})

    def ensure_slug(self) -> None:
        """A unique slug from the name, the first time."""
        if self.slug:
            return
        base = slugify(self.name)[:180] or "organisatie"
        slug, number = base, 2
        while Organisation.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, number = f"{base}-{number}", number + 1
        self.slug = slug

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


class Position(models.Model):
    """A position or an action of an approved organisation ("standpunten en acties")."""

    class Kind(models.TextChoices):
        POSITION = "position", _("Position")
        ACTION = "action", _("Action")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="positions"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.POSITION)
    title = models.CharField(_("title"), max_length=200)
    body_markdown = models.TextField(_("text"), max_length=5000)
    body_html = models.TextField(editable=False, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("position or action")
        verbose_name_plural = _("positions and actions")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body_markdown)
        super().save(*args, **kwargs)


class VoiceQuerySet(models.QuerySet):
    def published(self) -> "VoiceQuerySet":
        return self.filter(status=Voice.Status.PUBLISHED, consent_publish=True)


class Voice(index.Indexed, models.Model):
    """A person's story or demand: what they need to take part, what their municipality must do."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        PUBLISHED = "published", _("Published")
        CHANGES_REQUESTED = "changes_requested", _("Change requested")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Display(models.TextChoices):
        FULL_NAME = "full", _("My name")
        FIRST_NAME = "first", _("Only my first name")
        ANONYMOUS = "anonymous", _("Anonymous (no name)")

    class ConsentMethod(models.TextChoices):
        ONLINE = "online", _("Online form on this site")
        EMAIL = "email", _("By email")
        PHONE = "phone", _("By phone")
        MEETING = "meeting", _("In person at a meeting")
        PAPER = "paper", _("On paper (signed)")

    title = models.CharField(
        _("title"), max_length=150, blank=True, help_text=_("Optional. A short headline.")
    )
    body_markdown = models.TextField(
        _("your story or demand"),
        max_length=5000,
        help_text=_("What do you need to take part? What must your municipality really tackle?"),
    )
    body_html = models.TextField(editable=False, blank=True)
    easy_read_markdown = models.TextField(
        _("easy-read version"),
        max_length=3000,
        blank=True,
        help_text=_("Optional. The same story in short, simple sentences."),
    )
    easy_read_html = models.TextField(editable=False, blank=True)
    municipality = models.ForeignKey(
        "municipalities.MunicipalityPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voices",
        verbose_name=_("municipality"),
        help_text=_("Leave empty for a voice about the whole country."),
    )
    themes = models.ManyToManyField(
        "taxonomy.Theme", blank=True, related_name="voices", verbose_name=_("themes")
    )
    life_domains = models.ManyToManyField(
        "taxonomy.LifeDomain", blank=True, related_name="voices", verbose_name=_("life domains")
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    name = models.CharField(
        _("name"),
        max_length=100,
        blank=True,
        help_text=_("The person's name as it may be shown (not shown when anonymous)."),
    )
    display = models.CharField(
        _("show as"), max_length=10, choices=Display.choices, default=Display.FIRST_NAME
    )
    image = models.FileField(
        _("image"),
        upload_to=upload_image,
        blank=True,
        validators=[validate_image],
        help_text=_("Optional. JPG, PNG or WebP, at most 5 MB."),
    )
    image_alt = models.CharField(
        _("description of the image"),
        max_length=250,
        blank=True,
        help_text=_("What is in the image, for people who cannot see it."),
    )
    media = models.FileField(
        _("sound or video"),
        upload_to=upload_media,
        blank=True,
        validators=[validate_media],
        help_text=_("Optional. Sound: mp3, m4a or ogg (20 MB). Video: mp4 or webm (100 MB)."),
    )
    transcript = models.TextField(
        _("transcript"),
        max_length=10000,
        blank=True,
        help_text=_("Everything that is said in the sound or video, written out."),
    )
    captions = models.FileField(
        _("captions (WebVTT)"),
        upload_to=upload_captions,
        blank=True,
        validators=[validate_captions],
        help_text=_("Needed for a video: a .vtt file with the spoken text and times."),
    )
    tags = TaggableManager(
        verbose_name=_("tags"),
        blank=True,
        help_text=_("Hashtags without #, separated by commas, e.g. 2MiljoenStemmen."),
        related_name="voices",
    )
    consent_publish = models.BooleanField(
        _("consent to publish"),
        default=False,
        help_text=_("The person agreed that this voice is shown on the site."),
    )
    consent_contact = models.BooleanField(
        _("consent to be contacted"),
        default=False,
        help_text=_("The project team may contact the person about this voice."),
    )
    contact_details = models.CharField(
        _("contact details"),
        max_length=200,
        blank=True,
        help_text=_("Email or phone, only for the project team. Never shown."),
    )
    consent_method = models.CharField(
        _("how consent was given"),
        max_length=10,
        choices=ConsentMethod.choices,
        default=ConsentMethod.ONLINE,
    )
    consent_given_by = models.CharField(
        _("consent given by"),
        max_length=200,
        blank=True,
        help_text=_("Who gave consent, e.g. the person or their legal representative."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voices",
        verbose_name=_("author"),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by (project team)"),
        help_text=_("Set when the team enters a voice on someone's behalf."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voices",
        verbose_name=_("organisation"),
        help_text=_("Shared in the name of this organisation."),
    )
    watched_words = models.CharField(
        _("watched words found"), max_length=500, blank=True, editable=False
    )
    moderation_note = models.TextField(
        _("last message from the moderator"), blank=True, editable=False
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    updated = models.DateTimeField(_("updated"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("title"),
        FieldPanel("body_markdown"),
        FieldPanel("easy_read_markdown"),
        FieldPanel("municipality"),
        FieldPanel("themes"),
        FieldPanel("life_domains"),
        FieldPanel("date"),
        MultiFieldPanel([FieldPanel("name"), FieldPanel("display")], heading=_("Name")),
        MultiFieldPanel(
            [
                FieldPanel("image"),
                FieldPanel("image_alt"),
                FieldPanel("media"),
                FieldPanel("transcript"),
                FieldPanel("captions"),
            ],
            heading=_("Image, sound and video"),
        ),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                FieldPanel("consent_publish"),
                FieldPanel("consent_contact"),
                FieldPanel("contact_details"),
                FieldPanel("consent_method"),
                FieldPanel("consent_given_by"),
            ],
            heading=_("Consent"),
        ),
        FieldPanel("organisation"),
        FieldPanel("status"),
    ]

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("body_markdown"),
        index.FilterField("status"),
    ]

    objects = VoiceQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("voice")
        verbose_name_plural = _("voices")
        indexes = [
            models.Index(fields=["status", "-date", "-id"], name="voices_voice_status_date"),
            models.Index(fields=["municipality", "status"], name="voices_voice_mun_status"),
            models.Index(fields=["author", "status"], name="voices_voice_author_status"),
        ]

    def __str__(self) -> str:
        return self.title or self.body_markdown[:60]

    def save(self, *args, **kwargs):
        # Rendered once here, never at display time, so a template can never show raw input.
        self.body_html = render_markdown(self.body_markdown)
        self.easy_read_html = render_markdown(self.easy_read_markdown)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"body_markdown", "easy_read_markdown"} & set(
            update_fields
        ):
            kwargs["update_fields"] = {*update_fields, "body_html", "easy_read_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("voices:detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        errors = {}
        if self.image and not self.image_alt.strip():
            errors["image_alt"] = _("Describe the image for people who cannot see it.")
        if self.media and not self.transcript.strip():
            errors["transcript"] = _("Write out what is said in the sound or video.")
        if self.media and is_video(self.media.name) and not self.captions:
            errors["captions"] = _("A video needs captions: add a .vtt file.")
        if self.display != self.Display.ANONYMOUS and not self.name.strip():
            errors["name"] = _("Give a name, or choose to share anonymously.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.consent_publish

    @property
    def is_anonymous(self) -> bool:
        return self.display == self.Display.ANONYMOUS

    @property
    def public_name(self) -> str:
        """The name this voice may show: never anything for an anonymous voice."""
        if self.is_anonymous:
            return ""
        name = self.name.strip()
        if self.display == self.Display.FIRST_NAME:
            return name.split()[0] if name else ""
        return name

    @property
    def has_video(self) -> bool:
        return bool(self.media) and is_video(self.media.name)

    @property
    def heading(self) -> str:
        return self.title or _("Voice from %(place)s") % {
            "place": self.municipality.title if self.municipality_id else _("the Netherlands")
        }


class VoiceModeration(models.Model):
    """The log: who decided what about a voice, when and why (the author reads the reason)."""

    class Action(models.TextChoices):
        PUBLISH = "publish", _("Published")
        REQUEST_CHANGES = "request_changes", _("Asked for a change")
        DECLINE = "decline", _("Declined")
        WITHDRAW = "withdraw", _("Withdrawn by the author")
        ANONYMISE = "anonymise", _("Anonymised after account deletion")

    voice = models.ForeignKey(Voice, on_delete=models.CASCADE, related_name="moderation")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderator"),
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    reason = models.TextField(_("reason"), blank=True)
    created = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("voice moderation")
        verbose_name_plural = _("voice moderations")

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.created:%Y-%m-%d})"
