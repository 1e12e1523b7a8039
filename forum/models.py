"""The forum: categories, topics, posts, and what keeps them safe (flags, moderation, suspensions)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from network.markdown import render_markdown
from network.models import EnglishContent


class Category(EnglishContent, models.Model):
    """A part of the forum, managed by the project team, e.g. 'Toegankelijke verkiezingen'."""

    name = models.CharField(_("name"), max_length=120, help_text=_("Shown on the forum."))
    name_en = models.CharField(
        _("name (English)"),
        max_length=120,
        blank=True,
        help_text=_("Shown on the English site; empty shows the Dutch name."),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True, help_text=_("Used in URLs."))
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences: what belongs here.")
    )
    description_en = models.TextField(_("description (English)"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0, help_text=_("Lower comes first."))
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Visitors without an account may read it. Otherwise only members can."),
    )
    requires_approval = models.BooleanField(
        _("every post needs approval"),
        default=False,
        help_text=_("A moderator approves every post before others see it."),
    )

    translated_fields = ("name", "description")
    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("description_en"),
        FieldPanel("order"),
        FieldPanel("is_public"),
        FieldPanel("requires_approval"),
    ]

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forum:category", kwargs={"slug": self.slug})


class TopicQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def visible(self) -> "TopicQuerySet":
        """Topics with at least one visible post: a topic whose opening post waits is not shown."""
        return self.filter(visible_post_count__gt=0)


class Topic(index.Indexed, models.Model):
    """A conversation in a category, optionally about a municipality and themes."""

    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="topics", verbose_name=_("category")
    )
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_topics",
        verbose_name=_("author"),
    )
    municipality = models.ForeignKey(
        "municipalities.MunicipalityPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_topics",
        verbose_name=_("municipality"),
    )
    themes = models.ManyToManyField(
        "taxonomy.Theme", blank=True, related_name="forum_topics", verbose_name=_("themes")
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    # Denormalised so lists, counts and pagination never count posts per topic.
    visible_post_count = models.PositiveIntegerField(_("visible posts"), default=0)
    is_locked = models.BooleanField(_("locked"), default=False)

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.FilterField("category"),
        index.FilterField("visible_post_count"),
    ]

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["-last_activity_at"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        indexes = [
            models.Index(fields=["category", "-last_activity_at"], name="forum_topic_cat_activity"),
            models.Index(fields=["municipality", "-last_activity_at"], name="forum_topic_mun"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum:topic", kwargs={"pk": self.pk})


class PostQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def visible(self) -> "PostQuerySet":
        return self.filter(status=Post.Status.VISIBLE)

    def readable_by(self, user) -> "PostQuerySet":
        """What a person may see in a topic: visible posts, and their own posts awaiting approval."""
        if getattr(user, "is_authenticated", False):
            return self.filter(
                Q(status=Post.Status.VISIBLE) | Q(status=Post.Status.PENDING, author=user)
            )
        return self.visible()

    def page_number_of(self, post, per_page: int) -> int:
        """The page (from 1) of this list, oldest first, that holds `post`."""
        earlier = self.filter(Q(created__lt=post.created) | Q(created=post.created, pk__lt=post.pk))
        return earlier.count() // per_page + 1


class Post(index.Indexed, models.Model):
    """A message in a topic; Markdown in, sanitised HTML stored at save time."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        VISIBLE = "visible", _("Visible")
        HIDDEN = "hidden", _("Hidden")
        REMOVED = "removed", _("Removed")

    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="posts", verbose_name=_("topic")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_posts",
        verbose_name=_("author"),
    )
    body_markdown = models.TextField(_("message"), max_length=20000)
    body_html = models.TextField(editable=False, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    flag_count = models.PositiveIntegerField(_("open flags"), default=0)
    created = models.DateTimeField(_("created"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    search_fields = [
        index.SearchField("body_markdown"),
        index.RelatedFields("topic", [index.SearchField("title")]),
        index.FilterField("status"),
        index.FilterField("topic"),
        index.FilterField("created"),
    ]

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [
            models.Index(fields=["topic", "status", "created"], name="forum_post_topic_status"),
            models.Index(fields=["author", "status"], name="forum_post_author_status"),
            models.Index(fields=["status", "created"], name="forum_post_status_created"),
        ]

    def __str__(self) -> str:
        return f"{self.topic} #{self.pk}"

    def save(self, *args, **kwargs):
        # Rendered once here, never at display time, so a template can never show unsanitised text.
        self.body_html = render_markdown(self.body_markdown)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body_markdown" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("forum:post", kwargs={"pk": self.pk})

    @property
    def is_visible(self) -> bool:
        return self.status == self.Status.VISIBLE


class PostRevision(models.Model):
    """The text of a post before an edit; moderators can read the history."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body_markdown = models.TextField(_("previous text"))
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(_("edited"), default=timezone.now)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("post revision")
        verbose_name_plural = _("post revisions")

    def __str__(self) -> str:
        return f"{self.post} @ {self.created:%Y-%m-%d %H:%M}"


class Flag(models.Model):
    """A member's report that a post breaks the rules; one per member per post."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        OFFENSIVE = "offensive", _("Offensive or hurtful")
        OFF_TOPIC = "off_topic", _("Off-topic")
        PERSONAL_DATA = "personal_data", _("Contains personal data")
        OTHER = "other", _("Something else")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_flags"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    text = models.TextField(_("explanation"), blank=True, max_length=2000)
    created = models.DateTimeField(_("created"), default=timezone.now)
    # A moderator's decision settles the open flags; settled flags no longer count.
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        ordering = ["created"]
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="forum_flag_one_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.post}"

    def clean(self) -> None:
        if self.reason == self.Reason.OTHER and not self.text.strip():
            raise ValidationError({"text": _("Please explain what is wrong with this post.")})


class ModerationAction(models.Model):
    """The log: who did what to which post or member, when and why."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("Approved")
        HIDE = "hide", _("Hidden")
        RESTORE = "restore", _("Restored")
        REMOVE = "remove", _("Removed")
        AUTO_HIDE = "auto_hide", _("Hidden after flags")
        SUSPEND = "suspend", _("Suspended")

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_moderation_actions",
        verbose_name=_("moderator"),
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    post = models.ForeignKey(
        Post, on_delete=models.SET_NULL, null=True, blank=True, related_name="moderation_actions"
    )
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_moderation_received",
        verbose_name=_("member"),
    )
    reason = models.TextField(_("reason"))
    created = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.created:%Y-%m-%d})"


class WatchedWord(models.Model):
    """A word the team watches: it blocks a post outright or sends it to the moderation queue."""

    class Action(models.TextChoices):
        BLOCK = "block", _("Block the post")
        QUEUE = "queue", _("Send to the moderation queue")

    word = models.CharField(
        _("word or pattern"),
        max_length=100,
        unique=True,
        help_text=_(
            "Matched as a whole word, ignoring case. Use * for any letters, e.g. 'casino*'."
        ),
    )
    action = models.CharField(
        _("action"),
        max_length=10,
        choices=Action.choices,
        default=Action.QUEUE,
        help_text=_(
            "Block: the writer is told and the post is not saved. Queue: a moderator decides."
        ),
    )

    panels = [FieldPanel("word"), FieldPanel("action")]

    class Meta:
        ordering = ["word"]
        verbose_name = _("watched word")
        verbose_name_plural = _("watched words")

    def __str__(self) -> str:
        return self.word


class Subscription(models.Model):
    """A member follows a topic or a whole category and is emailed about new posts."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions"
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, null=True, blank=True, related_name="subscriptions"
    )
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, null=True, blank=True, related_name="subscriptions"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.CheckConstraint(
                condition=Q(topic__isnull=False, category__isnull=True)
                | Q(topic__isnull=True, category__isnull=False),
                name="forum_subscription_topic_xor_category",
            ),
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=Q(topic__isnull=False),
                name="forum_subscription_unique_topic",
            ),
            models.UniqueConstraint(
                fields=["user", "category"],
                condition=Q(category__isnull=False),
                name="forum_subscription_unique_category",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.topic or self.category}"


class DigestItem(models.Model):
    """A new post waiting for the next daily digest of one member."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_digest_items"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "post"], name="forum_digest_item_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.post}"


class SuspensionQuerySet(models.QuerySet):
    def active(self) -> "SuspensionQuerySet":
        return self.filter(until__gt=timezone.now())


class Suspension(models.Model):
    """A member may not post until the given moment."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_suspensions"
    )
    until = models.DateTimeField(_("suspended until"))
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)

    objects = SuspensionQuerySet.as_manager()

    class Meta:
        ordering = ["-until"]
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")

    def __str__(self) -> str:
        return f"{self.user} → {self.until:%Y-%m-%d %H:%M}"
