"""The shared vocabularies: CRPD themes, life domains and target groups.

They sit below every domain app, so practices, events, forum topics, match requests and voices
can all be tagged with the same terms without importing each other.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from network.models import EnglishContent


class Taxonomy(EnglishContent, models.Model):
    """A term of a controlled vocabulary: Dutch and English name, slug, description, order."""

    name = models.CharField(_("name (Dutch)"), max_length=120, help_text=_("The Dutch label."))
    name_en = models.CharField(
        _("name (English)"), max_length=120, blank=True, help_text=_("The English label.")
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True, help_text=_("Used in URLs."))
    description = models.TextField(_("description"), blank=True, help_text=_("What it covers."))
    sort_order = models.PositiveIntegerField(_("order"), default=0, help_text=_("Lower first."))

    translated_fields = ("name",)
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
        return self.in_language("name")


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


class LifeDomain(Taxonomy):
    """A domain of life: education, housing, work and income, ..."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("life domain")
        verbose_name_plural = _("life domains")


class TargetGroup(Taxonomy):
    """A group of people a practice, voice or event is for."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
