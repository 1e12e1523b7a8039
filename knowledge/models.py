"""The practice library: practices (good examples, guides, tools) and their vocabularies."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from network.blocks import BodyBlock
from network.models import BasePage


class Taxonomy(models.Model):
    """A term of a controlled vocabulary: Dutch and English name, slug, description, order."""

    name = models.CharField(_("name (Dutch)"), max_length=120, help_text=_("The Dutch label."))
    name_en = models.CharField(
        _("name (English)"), max_length=120, blank=True, help_text=_("The English label.")
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True, help_text=_("Used in URLs."))
    description = models.TextField(_("description"), blank=True, help_text=_("What it covers."))
    sort_order = models.PositiveIntegerField(_("order"), default=0, help_text=_("Lower first."))

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the active language."""
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


@register_snippet
class PracticeKind(Taxonomy):
    """What kind of practice: example, guide, tool, research, experience story."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("kind of practice")
        verbose_name_plural = _("kinds of practice")


@register_snippet
class Theme(Taxonomy):
    """A theme: an article of the UN Convention on the Rights of Persons with Disabilities."""

    article = models.PositiveSmallIntegerField(
        _("article"), unique=True, help_text=_("The article number in the convention.")
    )

    panels = [FieldPanel("article"), *Taxonomy.panels]

    class Meta(Taxonomy.Meta):
        ordering = ["article"]
        verbose_name = _("theme (CRPD article)")
        verbose_name_plural = _("themes (CRPD articles)")

    @property
    def label(self) -> str:
        return _("art. %(article)s %(name)s") % {"article": self.article, "name": super().label}


@register_snippet
class LifeDomain(Taxonomy):
    """A domain of life: education, housing, work and income, ..."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("life domain")
        verbose_name_plural = _("life domains")


@register_snippet
class TargetGroup(Taxonomy):
    """A group of people a practice is for."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class PracticeTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.PracticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PracticeIndexPage(BasePage):
    """The practice library at /kennisbank/: the faceted search page."""

    template = "knowledge/practice_index_page.html"
    parent_page_types = ["network.HomePage"]
    subpage_types = ["knowledge.PracticePage"]
    max_count = 1

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = _("practice library")


class PracticePage(BasePage):
    """A practice: a good example, guide, tool, research or experience story."""

    template = "knowledge/practice_page.html"
    parent_page_types = ["knowledge.PracticeIndexPage"]
    subpage_types = []

    kind = models.ForeignKey(
        PracticeKind,
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("What kind of practice this is."),
    )
    summary = models.TextField(
        _("summary"), max_length=1000, help_text=_("Two to four sentences: what, for whom, result.")
    )
    easy_read_summary = models.TextField(
        _("summary in easy language"),
        blank=True,
        max_length=1000,
        help_text=_("Optional: the summary in easy-to-read Dutch (B1 or simpler)."),
    )
    body = StreamField(BodyBlock(), blank=True, help_text=_("The full description."))
    municipalities = ParentalManyToManyField(
        "municipalities.MunicipalityPage",
        blank=True,
        related_name="practices",
        help_text=_("The municipalities behind this practice."),
    )
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="practices", help_text=_("CRPD articles it works on.")
    )
    life_domains = ParentalManyToManyField(
        LifeDomain, blank=True, related_name="practices", help_text=_("Domains of life it touches.")
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, blank=True, related_name="practices", help_text=_("Who it is for.")
    )
    tags = ClusterTaggableManager(
        through=PracticeTag, blank=True, help_text=_("Free keywords, separated by commas.")
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        help_text=_("The year the practice started or was published."),
    )
    contact_name = models.CharField(
        _("contact name"), max_length=120, blank=True, help_text=_("Who to ask.")
    )
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("Shown on the page.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("easy_read_summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("municipalities"),
                FieldPanel("themes"),
                FieldPanel("life_domains"),
                FieldPanel("target_groups"),
                FieldPanel("tags"),
                FieldPanel("year"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("easy_read_summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("year"),
    ]

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
