"""An Atom feed per municipality: every new commitment and status change, newest first."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from network.feeds import SafeAtom1Feed

from .models import StatusChange
from .views import _municipality_or_404


class MunicipalityCommitmentsFeed(Feed):
    feed_type = SafeAtom1Feed

    def get_object(self, request, slug: str):
        return _municipality_or_404(slug)

    def title(self, municipality) -> str:
        return _("Commitments of %(name)s") % {"name": municipality.title}

    def subtitle(self, municipality) -> str:
        return _("What %(name)s promised people with a disability, and how far it got.") % {
            "name": municipality.title
        }

    def link(self, municipality) -> str:
        return reverse("commitments:municipality_commitments", args=[municipality.slug])

    def items(self, municipality):
        return (
            StatusChange.objects.filter(commitment__municipality=municipality)
            .select_related("commitment__municipality")
            .order_by("-recorded_at", "-pk")[:30]
        )

    def item_title(self, item: StatusChange) -> str:
        return f"{item.commitment.title}: {item.get_status_display()}"

    def item_description(self, item: StatusChange) -> str:
        return item.note

    def item_link(self, item: StatusChange) -> str:
        return reverse(
            "commitments:commitment", args=[item.commitment.municipality.slug, item.commitment_id]
        )

    def item_guid(self, item: StatusChange) -> str:
        return f"statuswijziging-{item.pk}"

    def item_pubdate(self, item: StatusChange):
        return item.recorded_at
