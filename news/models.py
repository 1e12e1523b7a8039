"""News articles (and interviews), their categories and tags, and campaign pages."""

from datetime import date

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from forum.models import Post, Topic
from network.accounts import has_verified_email
from network.models import BasePage
from network.notifications import page_absolute_url
from network.pagination import paginate
from taxonomy.models import Taxonomy, Theme

from .blocks import NewsBodyBlock
from .feeds import NewsFeed
from .forms import NewsFilterForm, ReactionForm
from .share import share_links
from .tags import TagError, normalise_tag

PAGE_SIZE = 10


def filter_cache_key(index_pk: int) -> str:
    return f"news:filters:v2:{index_pk}"  # v2: the categories, not labels in one language


class NewsCategory(Taxonomy):
    """A kind of news the team publishes, e.g. 'Uit het netwerk' or 'Verkiezingen'."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsArticleForm(WagtailAdminPageForm):
    """The editor's form: tags are normalised (case, spaces) and a too long tag is refused."""

    def clean_tags(self):
        tags = self.cleaned_data.get("tags") or []
        cleaned: list[str] = []
        for tag in tags:
            try:
                name = normalise_tag(tag)
            except TagError as error:
                raise forms.ValidationError(error.message) from error
            if name and name not in cleaned:
                cleaned.append(name)
        return cleaned


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news at /nieuws/: filters, pagination, tag pages and Atom feeds."""

    template = "news/news_index_page.html"
    parent_page_types = ["network.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count = 1

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = _("news overview")

    def articles(self):
        """The live articles under this page, newest first, with what a list shows."""
        return (
            NewsArticlePage.objects.live()
            .child_of(self)
            .select_related("category")
            .prefetch_related(
                Prefetch("tagged_items", queryset=NewsArticleTag.objects.select_related("tag"))
            )
            .order_by("-date", "-pk")
        )

    def filter_form(self, data) -> NewsFilterForm:
        choices = self.filter_choices()
        # The cache holds the categories; each label follows the visitor's language.
        categories = [(category.slug, category.label) for category in choices["categories"]]
        return NewsFilterForm(data, **{**choices, "categories": categories})

    def filter_choices(self) -> dict:
        """Categories, years and municipalities that have live articles, cached until an
        article or category changes (news/signals.py), so the list stays at a fixed cost."""
        key = filter_cache_key(self.pk)
        choices = cache.get(key)
        if choices is None:
            articles = NewsArticlePage.objects.live().child_of(self)
            municipality_model = NewsArticlePage.municipalities.field.related_model
            choices = {
                "categories": list(
                    NewsCategory.objects.filter(
                        pk__in=articles.exclude(category=None).values("category")
                    ).only("slug", "name", "name_en")
                ),
                "years": sorted({d.year for d in articles.dates("date", "year")}, reverse=True),
                "municipalities": list(
                    municipality_model.objects.filter(
                        pk__in=NewsArticlePage.municipalities.through.objects.filter(
                            newsarticlepage__in=articles
                        ).values("municipalitypage_id")
                    )
                    .order_by("title")
                    .values_list("pk", "title")
                ),
            }
            cache.set(key, choices, 60 * 60)
        return choices

    @path("")
    def index(self, request):
        form = self.filter_form(request.GET or None)
        articles = self.articles()
        status = 200
        if form.is_bound and not form.is_valid():
            status = 400
        elif form.is_bound:
            articles = form.apply(articles)
        return self._listing(request, articles, form=form, status=status)

    @path("tag/<str:slug>/", name="tag")
    def tag(self, request, slug: str):
        tag = Tag.objects.filter(slug=slug, news_newsarticletag_items__isnull=False).first()
        if tag is None:
            raise Http404
        articles = self.articles().filter(tags=tag)
        return self._listing(request, articles, tag=tag, template="news/news_tag_page.html")

    @path("feed/", name="feed")
    def feed(self, request):
        return NewsFeed(index=self, articles=self.articles())(request)

    @path("categorie/<slug:slug>/feed/", name="category_feed")
    def category_feed(self, request, slug: str):
        category = NewsCategory.objects.filter(slug=slug).first()
        if category is None:
            raise Http404
        articles = self.articles().filter(category=category)
        return NewsFeed(index=self, articles=articles, subject=category.label)(request)

    @path("tag/<str:slug>/feed/", name="tag_feed")
    def tag_feed(self, request, slug: str):
        tag = Tag.objects.filter(slug=slug, news_newsarticletag_items__isnull=False).first()
        if tag is None:
            raise Http404
        articles = self.articles().filter(tags=tag)
        return NewsFeed(index=self, articles=articles, subject=tag.name)(request)

    def _listing(self, request, articles, *, template=None, status=200, **extra):
        page_obj = paginate(request, articles, PAGE_SIZE)
        context = self.get_context(request)
        context.update({"page_obj": page_obj, "articles": page_obj.object_list, **extra})
        return TemplateResponse(
            request, template or self.get_template(request), context, status=status
        )


REACTIONS_PER_PAGE = 20
"""Reactions under one article per page (oldest first, like a conversation)."""


class NewsArticlePage(BasePage):
    """A news article or an interview: dated, in a category, with tags and reactions."""

    template = "news/news_article_page.html"
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    base_form_class = NewsArticleForm
    # A copied article starts its own conversation.
    exclude_fields_in_copy = ["reactions_topic"]

    class Kind(models.TextChoices):
        NEWS = "news", _("News article")
        INTERVIEW = "interview", _("Interview")

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.NEWS,
        help_text=_("An interview uses question-and-answer blocks in its body."),
    )
    date = models.DateField(
        _("date"), default=date.today, help_text=_("The date shown with the article.")
    )
    author_name = models.CharField(
        _("author"),
        max_length=120,
        blank=True,
        help_text=_("The writer's name. Leave empty when the team wrote it."),
    )
    category = models.ForeignKey(
        NewsCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name=_("category"),
        help_text=_("What kind of news this is."),
    )
    tags = ClusterTaggableManager(
        through=NewsArticleTag,
        blank=True,
        help_text=_("Free keywords, separated by commas; stored in lower case."),
    )
    body = StreamField(NewsBodyBlock(), blank=True, help_text=_("The article itself."))
    body_en = StreamField(NewsBodyBlock(), blank=True, verbose_name=_("article (English)"))
    easy_read_summary = models.TextField(
        _("summary in easy language"),
        blank=True,
        max_length=1500,
        help_text=_("Optional: the article in easy-to-read Dutch (B1 or simpler)."),
    )
    municipalities = ParentalManyToManyField(
        "municipalities.MunicipalityPage",
        blank=True,
        related_name="news_articles",
        help_text=_("Municipalities the article is about."),
    )
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="news_articles", help_text=_("CRPD articles it is about.")
    )
    campaign = models.ForeignKey(
        "news.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name=_("campaign"),
        help_text=_("Optional: the campaign this article or interview belongs to."),
    )
    reactions_closed = models.BooleanField(
        _("reactions closed"),
        default=False,
        help_text=_("No new reactions can be added; existing reactions stay visible."),
    )
    # The forum topic that holds the reactions, created with the first reaction.
    reactions_topic = models.ForeignKey(
        "forum.Topic",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("date"),
        FieldPanel("author_name"),
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("easy_read_summary"),
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("tags"),
                FieldPanel("municipalities"),
                FieldPanel("themes"),
                FieldPanel("campaign"),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("reactions_closed"),
    ]
    english_panels = [*BasePage.english_panels, FieldPanel("body_en")]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("body_en"),
        index.SearchField("easy_read_summary"),
        index.FilterField("date"),
        index.FilterField("category"),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.reactions_topic_id:
            # Closing reactions here also closes the forum topic that holds them.
            Topic.objects.filter(pk=self.reactions_topic_id).update(is_locked=self.reactions_closed)

    @property
    def author_label(self) -> str:
        return self.author_name or str(_("the team of Iedereen doet mee!"))

    @property
    def is_interview(self) -> bool:
        return self.kind == self.Kind.INTERVIEW

    @cached_property
    def tag_list(self) -> list:
        return sorted((item.tag for item in self.tagged_items.all()), key=lambda t: t.name)

    def reactions_page(self, request):
        """The page of reactions `?page=` asks for; `?reactie=<id>` (the link after reacting)
        opens the page that holds that reaction."""
        if not self.reactions_topic_id:
            return paginate(request, [], REACTIONS_PER_PAGE)
        reactions = (
            Post.objects.filter(topic_id=self.reactions_topic_id)
            .readable_by(request.user)
            .select_related("author")
            .order_by("created", "pk")
        )
        number = None
        wanted = request.GET.get("reactie", "")
        if wanted.isdigit() and len(wanted) < 12:
            target = reactions.select_related(None).only("created").filter(pk=int(wanted)).first()
            if target is not None:
                number = reactions.page_number_of(target, REACTIONS_PER_PAGE)
        return paginate(request, reactions, REACTIONS_PER_PAGE, number=number)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index"] = self.get_parent().specific
        context["municipality_list"] = list(
            self.municipalities.live().order_by("title").only("id", "title", "url_path", "path")
        )
        context["themes"] = list(self.themes.all())
        context["share_url"] = page_absolute_url(self, request)
        context["share_links"] = share_links(title=self.tr.title, url=context["share_url"])
        context["reactions_page"] = self.reactions_page(request)
        context["reactions"] = list(context["reactions_page"].object_list)
        context.setdefault("form", ReactionForm())
        context["may_react"] = has_verified_email(request.user)
        return context


class CampaignIndexPage(BasePage):
    """The campaigns at /campagnes/."""

    template = "news/campaign_index_page.html"
    parent_page_types = ["network.HomePage"]
    subpage_types = ["news.CampaignPage"]
    max_count = 1

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = _("campaign overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaigns"] = CampaignPage.objects.live().child_of(self).order_by("-start_date")
        return context


hashtag_validator = RegexValidator(
    r"^#?\w{2,60}$",
    _("A hashtag is one word of letters and digits, for example #2MiljoenStemmen."),
)


class CampaignPage(BasePage):
    """A campaign: hashtag, period, why, how persons and organisations take part, material."""

    template = "news/campaign_page.html"
    parent_page_types = ["news.CampaignIndexPage"]
    subpage_types = []

    hashtag = models.CharField(
        _("hashtag"),
        max_length=61,
        validators=[hashtag_validator],
        help_text=_("Without spaces, e.g. 2MiljoenStemmen; the # is added when shown."),
    )
    start_date = models.DateField(_("start"), help_text=_("First day of the campaign."))
    end_date = models.DateField(_("end"), help_text=_("Last day of the campaign."))
    why = RichTextField(
        _("why"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Why this campaign matters."),
    )
    take_part_persons = RichTextField(
        _("how a person takes part"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Share online with the hashtag, or how to take part without social media."),
    )
    take_part_organisations = RichTextField(
        _("how an organisation takes part"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Call on members, post on the website and in the newsletter, share positions."),
    )
    newsletter_text = models.TextField(
        _("text for a newsletter"),
        blank=True,
        help_text=_("A ready-made text organisations can copy into their newsletter."),
    )
    why_en = RichTextField(
        _("why (English)"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    take_part_persons_en = RichTextField(
        _("how a person takes part (English)"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
    )
    take_part_organisations_en = RichTextField(
        _("how an organisation takes part (English)"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
    )
    newsletter_text_en = models.TextField(_("text for a newsletter (English)"), blank=True)
    logo = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("The campaign logo as a document to download."),
    )
    logo_licence = models.CharField(
        _("licence of the logo"),
        max_length=200,
        blank=True,
        help_text=_("Under which licence others may use the logo, e.g. CC BY 4.0."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("hashtag"), FieldPanel("start_date"), FieldPanel("end_date")],
            heading=_("Campaign"),
        ),
        FieldPanel("why"),
        FieldPanel("take_part_persons"),
        FieldPanel("take_part_organisations"),
        MultiFieldPanel(
            [FieldPanel("newsletter_text"), FieldPanel("logo"), FieldPanel("logo_licence")],
            heading=_("Campaign material"),
        ),
    ]
    english_panels = [
        *BasePage.english_panels,
        FieldPanel("why_en"),
        FieldPanel("take_part_persons_en"),
        FieldPanel("take_part_organisations_en"),
        FieldPanel("newsletter_text_en"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("hashtag"),
        index.SearchField("why"),
        index.SearchField("why_en"),
    ]

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self) -> None:
        super().clean()
        self.hashtag = (self.hashtag or "").strip().lstrip("#")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end cannot be before the start.")})

    @property
    def hashtag_display(self) -> str:
        return f"#{self.hashtag}"

    def is_running(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.start_date <= today <= self.end_date

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["interviews"] = list(
            NewsArticlePage.objects.live()
            .filter(campaign=self, kind=NewsArticlePage.Kind.INTERVIEW)
            .order_by("-date")
        )
        context["share_url"] = page_absolute_url(self, request)
        # A campaign's title often is its hashtag already; say it once.
        title = self.tr.title
        if self.hashtag_display.lower() not in title.lower():
            title = f"{title} {self.hashtag_display}"
        context["share_links"] = share_links(title=title, url=context["share_url"])
        return context


def running_campaigns(today: date | None = None):
    today = today or timezone.localdate()
    return CampaignPage.objects.live().filter(start_date__lte=today, end_date__gte=today)
