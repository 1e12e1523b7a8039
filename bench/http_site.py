"""The Django side of the HTTP bench, imported once the environment names the bench database."""

import django

django.setup()

from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from events.models import EventIndexPage, EventPage  # noqa: E402
from forum.models import Topic  # noqa: E402
from knowledge.models import PracticeIndexPage, PracticePage  # noqa: E402
from municipalities.models import MunicipalityPage  # noqa: E402
from network.cache import content_changed  # noqa: E402, F401


def page_urls() -> dict[str, str]:
    """The pages the bench measures, found in the bench database."""
    profile = MunicipalityPage.objects.live().order_by("cbs_code").first()
    practice = PracticePage.objects.live().order_by("pk").first()
    library = PracticeIndexPage.objects.live().first()
    agenda = EventIndexPage.objects.live().first()
    event = EventPage.objects.live().filter(end__gt=timezone.now()).order_by("start").first()
    topic = Topic.objects.filter(category__is_public=True).order_by("pk").first()
    return {
        "home": "/",
        "profile": profile.url,
        "overview": reverse("municipalities:index"),
        "practice": practice.url,
        "library search": library.url + "?q=toegankelijkheid",
        "agenda": agenda.url,
        "event": event.url,
        "forum topic": reverse("forum:topic", args=[topic.pk]),
        "export.csv": reverse("municipalities:export_csv"),
        "feed.ics": reverse("events:feed"),
    }
