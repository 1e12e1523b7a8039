"""What voices adds to the menu, a municipality's profile, campaign pages, the inbox and privacy."""

from django.db.models import Count, Window
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from municipalities.registry import profile_sections
from network.privacy import register_account_deletion_handler, register_data_exporter
from network.registry import InboxRow, campaign_sections, inbox, main_menu, start_sections
from network.roles import is_moderator, is_project_team

from .models import Organisation, Voice
from .services import export_voices_data, voices_on_account_deletion
from .views import approved_organisations, public_voices, voice_list_url

main_menu.register("voices", _("Voices"), "voices:list", order=45)
register_data_exporter("voices", export_voices_data)
register_account_deletion_handler("voices", voices_on_account_deletion)

MY_VOICES_LIMIT = 5


def my_voices_context(*, request=None, user=None, **kwargs) -> dict | None:
    """A person's latest voices and where each stands (in moderation, published, ...)."""
    if user is None or not user.is_authenticated:
        return None
    voices = list(
        Voice.objects.filter(author=user)
        .select_related("municipality")
        .order_by("-date", "-pk")[: MY_VOICES_LIMIT + 1]
    )
    if not voices:
        return None
    return {
        "voices": voices[:MY_VOICES_LIMIT],
        "more": len(voices) > MY_VOICES_LIMIT,
        "mine_url": reverse("voices:mine"),
    }


start_sections.register(
    "voices-mine", "voices/includes/start_voices.html", order=45, context=my_voices_context
)


def municipality_context(*, request=None, page=None, **kwargs) -> dict | None:
    """The newest three voices from the municipality and how many there are (one query: the
    window counts every match before the limit)."""
    if page is None or not getattr(page, "pk", None):
        return None
    voices = list(
        public_voices().filter(municipality_id=page.pk).annotate(total=Window(Count("pk")))[:3]
    )
    return {
        "municipality_voices": voices,
        "municipality_voice_count": voices[0].total if voices else 0,
        "municipality_voices_url": voice_list_url(municipality=page.slug),
    }


profile_sections.register(
    "voices",
    "voices/includes/municipality_section.html",
    order=25,
    context=municipality_context,
    cached_on=("voices", "municipalities"),
)


def campaign_context(*, request=None, page=None, hashtag: str = "", **kwargs) -> dict | None:
    """The published voices and approved organisations carrying a campaign's hashtag."""
    tag = (hashtag or "").lstrip("#")
    if not tag:
        return None
    voices = public_voices().filter(tags__name__iexact=tag)
    return {
        "campaign_tag": tag,
        "campaign_voices": list(voices[:6]),
        "campaign_voice_count": voices.count(),
        "campaign_voices_url": voice_list_url(tag=tag),
        "campaign_organisations": list(
            approved_organisations().filter(tags__name__iexact=tag).order_by("name")
        ),
    }


campaign_sections.register(
    "voices", "voices/includes/campaign_section.html", order=20, context=campaign_context
)


def _pending_voices(user):
    return Voice.objects.filter(status=Voice.Status.PENDING).order_by("created", "pk")


def voice_rows(user) -> list[InboxRow]:
    if not is_moderator(user):
        return []
    return [
        InboxRow(
            kind=_("Voice"),
            title=voice.heading,
            url=reverse("voices:moderate", kwargs={"pk": voice.pk}),
            since=voice.created,
        )
        for voice in _pending_voices(user).select_related("municipality")[:50]
    ]


def voice_count(user) -> int:
    return _pending_voices(user).count() if is_moderator(user) else 0


def _pending_organisations():
    return Organisation.objects.filter(status=Organisation.Status.PENDING).order_by("created")


def organisation_rows(user) -> list[InboxRow]:
    if not is_project_team(user):
        return []
    return [
        InboxRow(
            kind=_("Supporting organisation"),
            title=organisation.name,
            url=reverse("voices:organisation_decide", kwargs={"pk": organisation.pk}),
            since=organisation.created,
        )
        for organisation in _pending_organisations()[:50]
    ]


def organisation_count(user) -> int:
    return _pending_organisations().count() if is_project_team(user) else 0


inbox.register(
    "voices", _("Voices awaiting approval"), rows=voice_rows, count=voice_count, order=30
)
inbox.register(
    "voices_organisations",
    _("Organisations awaiting approval"),
    rows=organisation_rows,
    count=organisation_count,
    order=31,
)
