"""Practices (good examples, guides, tools), their vocabularies and their search store.

The search engines (`knowledge.search`) build on this module; the library page
(`library.py`) builds on the search in turn.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.dispatch import Signal
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from network.blocks import BodyBlock, DocumentBlock
from network.cache import app_token
from network.models import BasePage
from taxonomy.models import LifeDomain, TargetGroup, Taxonomy, Theme


class PracticeKind(Taxonomy):
    """What kind of practice: example, guide, tool, research, experience story."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("kind of practice")
        verbose_name_plural = _("kinds of practice")


class Synonym(models.Model):
    """Words the search treats as the same (NGT, gebarentaal), or an old word that leads to
    the current ones (invaliden -> mensen met een beperking); English words lead to Dutch."""

    terms = models.CharField(
        _("words"),
        max_length=500,
        unique=True,
        help_text=_("Two or more words or phrases that mean the same, separated by commas."),
    )
    one_way = models.BooleanField(
        _("one way"),
        default=False,
        help_text=_(
            "Tick this if only the first word should also find the others, not the other way "
            "round. For example: an outdated or English word first, then the current Dutch words."
        ),
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("Why these belong together.")
    )

    panels = [FieldPanel("terms"), FieldPanel("one_way"), FieldPanel("note")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")

    def __str__(self) -> str:
        return self.terms

    @property
    def words(self) -> list[str]:
        return [word.strip().lower() for word in self.terms.split(",") if word.strip()]

    def clean(self) -> None:
        if len(self.words) < 2:
            raise ValidationError({"terms": _("Give at least two words, separated by commas.")})
        self.terms = ", ".join(self.words)


class DutchSearchVectorField(SearchVectorField):
    """A tsvector column on PostgreSQL; a plain unused text column elsewhere (SQLite)."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


class PortableArrayField(ArrayField):
    """An array column on PostgreSQL; a plain unused text column elsewhere (SQLite)."""

    def db_type(self, connection):
        return super().db_type(connection) if connection.vendor == "postgresql" else "text"


# Sent after a full save of a PracticePage, once its relations are written (search rows).
practice_saved = Signal()


class LinkBlock(blocks.StructBlock):
    """A link to a web page about the practice."""

    title = blocks.CharBlock(label=_("title"), help_text=_("Say where the link goes."))
    url = blocks.URLBlock(label=_("web address"))

    class Meta:
        icon = "link"
        template = "knowledge/blocks/link_block.html"


class ResourceBlock(blocks.StreamBlock):
    document = DocumentBlock()
    link = LinkBlock()


class PracticeTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.PracticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


# What a list of practices shows: title and summary in both languages, year and kind.
LIST_FIELDS = (
    *("id", "title", "title_en", "slug", "url_path", "path", "depth"),
    *("summary", "summary_en", "year", "kind"),
)


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
    summary_en = models.TextField(_("summary (English)"), max_length=1000, blank=True)
    body_en = StreamField(BodyBlock(), blank=True, verbose_name=_("description (English)"))
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
    resources = StreamField(
        ResourceBlock(),
        blank=True,
        verbose_name=_("attachments and links"),
        help_text=_("Documents to download and links to read more."),
    )
    source_url = models.URLField(
        _("source address"),
        max_length=500,
        blank=True,
        db_index=True,
        help_text=_("Where an imported practice came from; identifies it on a new import."),
    )
    # Denormalised text of the body, tags, vocabularies and municipalities, kept in step on
    # save: Wagtail's index (site search) and the practice search's rows read it.
    search_document = models.TextField(blank=True, editable=False)

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
        FieldPanel("resources"),
    ]
    translated_fields = (*BasePage.translated_fields, "summary", "body")
    english_panels = [*BasePage.english_panels, FieldPanel("summary_en"), FieldPanel("body_en")]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("easy_read_summary"),
        index.SearchField("body"),
        index.SearchField("search_document"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("year"),
    ]

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def save(self, *args, **kwargs):
        # A save limited to some fields is a draft revision: the live text has not changed.
        # A full save (create, publish) writes the document first, so Wagtail's own index
        # (updated on post_save) sees it; the cluster reads its many-to-many values in memory.
        # The practice search's row follows once the cluster has written those relations,
        # which is after post_save: hence a signal of its own.
        full = kwargs.get("update_fields") is None
        if full:
            self.search_document = self.build_search_document()
        super().save(*args, **kwargs)
        if full:
            practice_saved.send(sender=PracticePage, instance=self)

    def build_search_document(self) -> str:
        """All searchable text: body, tags, vocabulary labels (both languages), municipalities."""
        parts = [_block_text(block.value) for block in self.body]
        # The English translation, so English queries find translated practices.
        parts += [self.title_en, self.summary_en]
        parts += [_block_text(block.value) for block in self.body_en]
        parts += [tag.name for tag in self.tags.all()]
        for term in [*self.themes.all(), *self.life_domains.all(), *self.target_groups.all()]:
            parts += [term.name, term.name_en]
        if self.kind_id:
            parts += [self.kind.name, self.kind.name_en]
        parts += [municipality.title for municipality in self.municipalities.all()]
        return "\n".join(part for part in parts if part)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["library_url"] = self.get_url(request).rstrip("/").rsplit("/", 1)[0] + "/"
        # The facts and related practices are a fragment kept until the library, a vocabulary
        # or a municipality changes (practice_page.html): the lists below are only read when
        # the fragment is built, so a kept one costs none of their queries.
        # Never in a preview: a draft's facts must not be kept for visitors.
        if not getattr(request, "is_preview", False):
            context["facts_token"] = app_token("knowledge", "taxonomy", "municipalities")
        return context

    @cached_property
    def live_municipalities(self) -> list:
        return list(
            self.municipalities.live()
            .order_by("title")
            .only("id", "title", "url_path", "path", "depth")
        )

    @cached_property
    def theme_list(self) -> list:
        return list(self.themes.all())

    @cached_property
    def life_domain_list(self) -> list:
        return list(self.life_domains.all())

    @cached_property
    def target_group_list(self) -> list:
        return list(self.target_groups.all())

    @cached_property
    def term_ids(self) -> tuple[list[int], list[int]]:
        """Ids of its themes and life domains."""
        return (
            [t.pk for t in self.theme_list],
            [d.pk for d in self.life_domain_list],
        )

    def related_practices(self, limit: int = 4) -> list["PracticePage"]:
        """Live practices sharing the most themes and life domains with this one (one query)."""
        theme_ids, domain_ids = self.term_ids
        if not theme_ids and not domain_ids:
            return []
        themes_table = PracticePage.themes.through._meta.db_table
        domains_table = PracticePage.life_domains.through._meta.db_table
        theme_marks = ", ".join(["%s"] * len(theme_ids)) or "NULL"
        domain_marks = ", ".join(["%s"] * len(domain_ids)) or "NULL"
        # Ranked in SQL so a common theme shared by thousands costs no rows in Python.
        sql = (
            "SELECT s.practicepage_id, COUNT(*) FROM ("  # noqa: S608 - table names from the model
            f"SELECT practicepage_id FROM {themes_table} WHERE theme_id IN ({theme_marks}) "
            "UNION ALL "
            f"SELECT practicepage_id FROM {domains_table} WHERE lifedomain_id IN ({domain_marks})"
            ") s JOIN wagtailcore_page w ON w.id = s.practicepage_id "
            "WHERE w.live AND s.practicepage_id <> %s "
            "GROUP BY s.practicepage_id ORDER BY 2 DESC, 1 DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*theme_ids, *domain_ids, self.pk, limit])
            scores = dict(cursor.fetchall())
        best = list(scores)
        pages = {
            page.pk: page
            for page in PracticePage.objects.live()
            .filter(pk__in=best)
            .select_related("kind")
            .only(*LIST_FIELDS)
        }
        ranked = [pages[pk] for pk in best if pk in pages][:limit]
        for page in ranked:
            page.shared_terms = scores[page.pk]
        return ranked


class PracticeSearchRow(models.Model):
    """What the database engine searches and counts, one narrow row per practice.

    Written by `knowledge.search.index.search_rows_refresh` only: the analysed text (stems
    per field, the same on every database), the live flag, kind, year, and on PostgreSQL a
    weighted tsvector of the same stems and every facet as an array (GIN indexed), so a broad
    word neither reads the wide practice table nor joins through tables.
    """

    page = models.OneToOneField(
        "knowledge.PracticePage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    live = models.BooleanField(default=False)
    kind = models.IntegerField(null=True)
    year = models.SmallIntegerField(null=True)
    first_published_at = models.DateTimeField(null=True)
    vector = DutchSearchVectorField(null=True)
    themes = PortableArrayField(models.IntegerField(), default=list)
    life_domains = PortableArrayField(models.IntegerField(), default=list)
    target_groups = PortableArrayField(models.IntegerField(), default=list)
    municipalities = PortableArrayField(models.IntegerField(), default=list)
    provinces = PortableArrayField(models.TextField(), default=list)
    size_classes = PortableArrayField(models.TextField(), default=list)
    # One line per field (title, tags, summary, body): stems in order, a compound's parts
    # joined to it with '+'. The folded words of a live practice feed the word list.
    terms = models.TextField(default="")
    words = models.TextField(default="")

    def __str__(self) -> str:
        return str(self.page_id)


class PracticeSearchWord(models.Model):
    """A word of the live practices with its stem and in how many it occurs: document
    frequencies for ranking and the list typos are corrected against."""

    word = models.CharField(max_length=40, unique=True)
    stem = models.CharField(max_length=40, db_index=True)
    documents = models.IntegerField(default=0)

    def __str__(self) -> str:
        return self.word


def _block_text(value) -> str:
    """Plain text of a StreamField block value, whatever its shape."""
    if value is None:
        return ""
    if hasattr(value, "source"):
        return strip_tags(value.source)
    if isinstance(value, dict) or hasattr(value, "items"):
        return " ".join(_block_text(v) for v in value.values())
    if isinstance(value, list | tuple):
        return " ".join(_block_text(v) for v in value)
    if isinstance(value, str):
        return strip_tags(value)
    return ""
