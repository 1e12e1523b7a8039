"""An Atom feed of the newest published voices (with the list's filters)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .forms import VoiceFilterForm
from .models import Voice
from .views import _provinces, filter_voices, public_voices


class LatestVoicesFeed(Feed):
    feed_type = Atom1Feed
    title = _("Iedereen doet mee! voices: newest")
    subtitle = _("The newest voices of people with a disability.")

    def get_object(self, request, *args, **kwargs):
        form = VoiceFilterForm(request.GET or None, provinces=_provinces())
        return form.cleaned_data if form.is_bound and form.is_valid() else {}

    def link(self) -> str:
        return reverse("voices:list")

    def items(self, filters: dict):
        return filter_voices(public_voices(), filters)[:30]

    def item_title(self, item: Voice) -> str:
        return item.heading

    def item_description(self, item: Voice) -> str:
        return item.body_html

    def item_link(self, item: Voice) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Voice):
        return item.published_at or item.created

    def item_author_name(self, item: Voice) -> str | None:
        # Anonymous voices carry no name, not even in the feed.
        return item.public_name or None
