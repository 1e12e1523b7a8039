"""The site's foundation: the user model, the generic pages and the site-wide settings."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index
from wagtail.utils.decorators import cached_classmethod

from .blocks import BodyBlock, VideoBlock
from .lookups import view_restrictions_exist
from .roles import ROLE_LABELS, user_roles


class UserManager(BaseUserManager):
    """Creates users identified by their email address."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person with an account; the email address is the login."""

    class Notify(models.TextChoices):
        IMMEDIATE = "immediate", _("Immediately")
        DIGEST = "digest", _("Daily digest")
        NONE = "none", _("No email")

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("display name"), max_length=100, blank=True, help_text=_("The name others see.")
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("For example your municipality or organisation."),
    )
    notification_preference = models.CharField(
        _("email notifications"),
        max_length=20,
        choices=Notify.choices,
        default=Notify.IMMEDIATE,
        help_text=_("How you want to hear about new posts in topics you follow."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="nl",
        help_text=_("The language of the emails we send you."),
    )
    notification_settings = models.JSONField(
        _("notification settings"),
        default=dict,
        blank=True,
        help_text=_(
            "Per kind of notification: immediate, digest or none (see network.notifications)."
        ),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.get_full_name()

    def get_full_name(self) -> str:
        return self.display_name or self.email.split("@")[0]

    def get_short_name(self) -> str:
        return self.get_full_name()

    @property
    def role_labels(self) -> list[str]:
        roles = user_roles(self)
        return [str(label) for role, label in ROLE_LABELS.items() if role in roles]


class EnglishContent:
    """English next to the Dutch: a field `<name>_en` beside each translated field `<name>`.

    Pages are written in Dutch. Editors add English on a page's English tab; under /en/ a
    visitor sees the English text where it exists and otherwise the Dutch text, which the
    templates mark lang="nl" (`{% content_lang page "name" %}`). Translations live on the page
    itself rather than in a second page tree (Wagtail's locales), so each page keeps one place
    in every list, count, feed and search index, and a half-translated page still works.
    """

    translated_fields: tuple[str, ...] = ()

    def english(self, name: str):
        """The English value of a translated field; empty when there is none."""
        return getattr(self, f"{name}_en", None) or ""

    def shows_dutch(self, name: str) -> bool:
        """Whether a visitor in the active language sees the Dutch text of this field."""
        if get_language() == settings.LANGUAGE_CODE:
            return True
        return not self.english(name)

    def in_language(self, name: str):
        """The field in the active language, or the Dutch text where no translation exists."""
        if self.shows_dutch(name):
            return getattr(self, name)
        return self.english(name)

    @property
    def tr(self) -> "TranslatedFields":
        """`{{ page.tr.title }}` in templates: each field in the visitor's language."""
        return TranslatedFields(self)

    @property
    def has_english(self) -> bool:
        """Translated: the first translated field (the title or name) has English."""
        return bool(self.english(self.translated_fields[0]))


class TranslatedFields:
    """Attribute access to an object's fields in the active language."""

    def __init__(self, obj: EnglishContent) -> None:
        self._obj = obj

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return self._obj.in_language(name)


class BasePage(EnglishContent, Page):
    """Fields, English tab and search configuration every public page shares."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in search results."),
    )
    title_en = models.CharField(
        _("title (English)"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty while the page has no English version."),
    )
    introduction_en = models.TextField(_("introduction (English)"), blank=True)

    translated_fields = ("title", "introduction")
    english_panels = [
        HelpPanel(
            content=_(
                "English visitors see the English text where you fill it in, and the Dutch text "
                "where a field is empty. Fill in the English title first: the page then counts "
                "as translated and loses the 'only in Dutch' notice."
            )
        ),
        FieldPanel("title_en"),
        FieldPanel("introduction_en"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("title_en"),
        index.SearchField("introduction_en"),
    ]

    class Meta:
        abstract = True

    @cached_classmethod
    def get_edit_handler(cls):  # noqa: N805 (Wagtail's cached class method)
        """Wagtail's tabs with an English tab after the content."""
        tabs = [
            ObjectList(cls.content_panels, heading=_("Content")),
            ObjectList(cls.english_panels, heading=_("English")),
            ObjectList(cls.promote_panels, heading=_("Promote")),
            ObjectList(cls.settings_panels, heading=_("Settings")),
        ]
        return TabbedInterface(tabs, base_form_class=cls.base_form_class).bind_to_model(cls)

    def get_view_restrictions(self):
        """Wagtail's restrictions of this page and its ancestors; no queries while none exist.

        Wagtail asks at every page view, in two queries, and most sites never restrict a page.
        """
        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class EasyReadAndSignLanguage(models.Model):
    """An easy-language summary and a sign-language (NGT) video, for pages that have them.

    Shown by `components/easy_read_and_sign_language.html` under a page's introduction.
    """

    easy_read_summary = models.TextField(
        _("summary in easy language"),
        blank=True,
        max_length=1500,
        help_text=_(
            "Optional: what this page says, in easy Dutch (B1 or simpler, short sentences)."
        ),
    )
    sign_language_video = StreamField(
        [("video", VideoBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("video in Dutch Sign Language (NGT)"),
        help_text=_("Optional: the page in NGT, as a video file with captions and a transcript."),
    )

    easy_read_panels = [
        MultiFieldPanel(
            [FieldPanel("easy_read_summary"), FieldPanel("sign_language_video")],
            heading=_("Easy language and sign language"),
        )
    ]

    class Meta:
        abstract = True


class HomePage(BasePage, EasyReadAndSignLanguage):  # noqa: DJ008 (Page has __str__)
    """The network's front door."""

    template = "network/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text=_("Text, calls to action and highlights below the introduction."),
    )
    body_en = StreamField(BodyBlock(), blank=True, verbose_name=_("content (English)"))

    content_panels = (
        BasePage.content_panels
        + [FieldPanel("introduction")]
        + EasyReadAndSignLanguage.easy_read_panels
        + [FieldPanel("body")]
    )
    translated_fields = (*BasePage.translated_fields, "body")
    english_panels = [*BasePage.english_panels, FieldPanel("body_en")]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("body_en"),
        index.SearchField("easy_read_summary"),
    ]

    class Meta:
        verbose_name = _("home page")


class StandardPage(BasePage, EasyReadAndSignLanguage):  # noqa: DJ008 (Page has __str__)
    """A page of text: about, the manifest, privacy and accessibility statements."""

    template = "network/standard_page.html"
    subpage_types = ["network.StandardPage"]

    body = StreamField(BodyBlock(), blank=True, help_text=_("The page's content."))
    body_en = StreamField(BodyBlock(), blank=True, verbose_name=_("content (English)"))

    content_panels = (
        BasePage.content_panels
        + [FieldPanel("introduction")]
        + EasyReadAndSignLanguage.easy_read_panels
        + [FieldPanel("body")]
    )
    translated_fields = (*BasePage.translated_fields, "body")
    english_panels = [*BasePage.english_panels, FieldPanel("body_en")]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("body_en"),
        index.SearchField("easy_read_summary"),
    ]

    class Meta:
        verbose_name = _("standard page")


class ComplianceStatus(models.TextChoices):
    """The statuses of the Dutch model accessibility statement (toegankelijkheidsverklaring.nl)."""

    A = "A", _("A: fully compliant")
    B = "B", _("B: partially compliant")
    C = "C", _("C: first measures taken")
    D = "D", _("D: first measures not yet taken")
    E = "E", _("E: not compliant")


class AccessibilityStatementPage(BasePage):
    """The accessibility statement in the Dutch model format.

    Dutch public bodies publish status, scope, how and when the site was checked, the known gaps
    with the date each will be fixed, and where to report a problem or complain.
    """

    template = "network/accessibility_statement_page.html"
    parent_page_types = ["network.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    status = models.CharField(
        _("status"), max_length=1, choices=ComplianceStatus.choices, default=ComplianceStatus.B
    )
    scope = models.TextField(
        _("scope"),
        max_length=500,
        help_text=_("Which websites and parts this statement is about."),
    )
    statement_date = models.DateField(_("date of this statement"))
    checked_on = models.DateField(_("date of the last check"))
    check_method = models.TextField(
        _("how the site was checked"),
        max_length=2000,
        help_text=_("Who checked, with which tools and methods, and which pages."),
    )
    report_url = models.URLField(
        _("link to the check report"),
        blank=True,
        help_text=_("The report of the last check, if it is published."),
    )
    contact_email = models.EmailField(
        _("email address for accessibility problems"),
        help_text=_("Where visitors report a problem; the team answers within five working days."),
    )
    response_days = models.PositiveSmallIntegerField(_("answer within (working days)"), default=5)
    complaint_route = RichTextField(
        _("complaint route"),
        features=["bold", "italic", "link"],
        help_text=_("What a visitor can do when the answer does not help, e.g. the ombudsman."),
    )
    body = StreamField(
        BodyBlock(), blank=True, help_text=_("More about what the network does for accessibility.")
    )
    scope_en = models.TextField(_("scope (English)"), max_length=500, blank=True)
    check_method_en = models.TextField(
        _("how the site was checked (English)"), max_length=2000, blank=True
    )
    complaint_route_en = RichTextField(
        _("complaint route (English)"), features=["bold", "italic", "link"], blank=True
    )

    translated_fields = (*BasePage.translated_fields, "scope", "check_method", "complaint_route")
    english_panels = [
        *BasePage.english_panels,
        FieldPanel("scope_en"),
        FieldPanel("check_method_en"),
        FieldPanel("complaint_route_en"),
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("scope"), FieldPanel("statement_date")],
            heading=_("Status"),
        ),
        MultiFieldPanel(
            [FieldPanel("checked_on"), FieldPanel("check_method"), FieldPanel("report_url")],
            heading=_("The last check"),
        ),
        InlinePanel("gaps", heading=_("Known problems and plans"), label=_("problem")),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("response_days"),
                FieldPanel("complaint_route"),
            ],
            heading=_("Contact and complaints"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("accessibility statement")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["gaps"] = list(self.gaps.all())
        return context


class AccessibilityGap(EnglishContent, Orderable):
    """A known accessibility problem, the success criterion it fails and when it will be fixed."""

    page = ParentalKey(AccessibilityStatementPage, on_delete=models.CASCADE, related_name="gaps")
    description = models.TextField(_("problem"), max_length=1000)
    criterion = models.CharField(
        _("WCAG success criterion"),
        max_length=100,
        blank=True,
        help_text=_("For example: 1.2.2 Captions (prerecorded)."),
    )
    planned_fix = models.DateField(_("fixed before"), null=True, blank=True)
    fixed = models.BooleanField(_("fixed"), default=False)
    description_en = models.TextField(_("problem (English)"), max_length=1000, blank=True)
    criterion_en = models.CharField(
        _("WCAG success criterion (English)"), max_length=100, blank=True
    )

    translated_fields = ("description", "criterion")
    panels = [
        FieldPanel("description"),
        FieldPanel("criterion"),
        FieldPanel("planned_fix"),
        FieldPanel("fixed"),
        FieldPanel("description_en"),
        FieldPanel("criterion_en"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("known problem")
        verbose_name_plural = _("known problems")


@register_setting(icon="site")
class NetworkSettings(BaseSiteSetting):
    """Contact details and footer text, editable by the project team."""

    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("Shown in the footer and on error pages.")
    )
    contact_phone = models.CharField(
        _("contact phone"), max_length=40, blank=True, help_text=_("Shown in the footer.")
    )
    organisation_name = models.CharField(
        _("organisation"),
        max_length=200,
        default="VNG – Iedereen doet mee!",
        help_text=_("Who runs the network; shown in the footer."),
    )
    footer_text = RichTextField(
        _("footer text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short line in the footer."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = _("network settings")

    @cached_property
    def has_contact(self) -> bool:
        return bool(self.contact_email or self.contact_phone)


class NotificationDigestItem(models.Model):
    """A notification kept for someone's daily digest instead of being emailed at once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_digest_items"
    )
    kind = models.CharField(max_length=60)
    subject = models.CharField(max_length=300)
    url = models.URLField(max_length=500)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user", "created", "pk"]
        verbose_name = _("notification for a digest")
        verbose_name_plural = _("notifications for a digest")

    def __str__(self) -> str:
        return self.subject


class SensitiveDataAccess(models.Model):
    """One look at special-category data (accessibility needs): who, when, what.

    Written by `network.audit.sensitive_access_record` from every view and export that shows
    such data; read-only in the admin, for superusers.
    """

    user = models.ForeignKey(
        "network.User",
        verbose_name=_("who"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user_email = models.EmailField(_("email address"), blank=True)
    accessed_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    action = models.CharField(_("what"), max_length=40)
    subject = models.CharField(_("about"), max_length=255)
    path = models.CharField(_("address"), max_length=500, blank=True)
    record_count = models.PositiveIntegerField(_("number of records"), default=0)

    class Meta:
        verbose_name = _("access to sensitive data")
        verbose_name_plural = _("accesses to sensitive data")
        ordering = ["-accessed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user_email} {self.action} {self.subject}"
