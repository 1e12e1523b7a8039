"""Everything that writes voices and organisations: sharing, editing, withdrawing, moderating."""

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from network.moderation import check_text
from network.notifications import absolute_url
from network.roles import is_moderator, is_project_team

from .models import Organisation, Position, Voice, VoiceModeration
from .tasks import send_voices_email

# Fields a member fills in on the share form; the rest is set by the rules below.
VOICE_FIELDS = (
    "title",
    "body_markdown",
    "easy_read_markdown",
    "municipality",
    "date",
    "name",
    "display",
    "image",
    "image_alt",
    "media",
    "transcript",
    "captions",
    "consent_publish",
    "consent_contact",
    "contact_details",
    "organisation",
)


def new_member_voices_per_day() -> int:
    return getattr(settings, "VOICES_NEW_MEMBER_PER_DAY", 3)


class VoiceError(Exception):
    """A rule stopped the action; `message` is for the person, `status` for the response."""

    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(VoiceError):
    status = 403


class RateLimited(VoiceError):
    status = 429


# --- rules -------------------------------------------------------------------------------------


def may_post_for(user, organisation: Organisation | None) -> bool:
    """A member posts in an organisation's name only when the team linked them to it."""
    if organisation is None:
        return True
    return organisation.is_approved and organisation.members.filter(pk=user.pk).exists()


def _check_rate(author) -> None:
    """Members without a published voice may share a few voices a day (against spam)."""
    if is_moderator(author) or Voice.objects.published().filter(author=author).exists():
        return
    # Serialise a new member's requests so parallel posts cannot slip past the limit.
    get_user_model().objects.select_for_update().filter(pk=author.pk).first()
    limit = new_member_voices_per_day()
    since = timezone.now() - timedelta(days=1)
    if Voice.objects.filter(author=author, created__gte=since).count() >= limit:
        raise RateLimited(
            _(
                "New members can share at most %(limit)s voices a day. Your text is kept below; "
                "please try again tomorrow."
            )
            % {"limit": limit}
        )


def _watched(voice: Voice) -> str:
    words = check_text("\n".join([voice.title, voice.body_markdown, voice.easy_read_markdown]))
    return ", ".join(words)[:500]


def _apply(voice: Voice, fields: dict[str, Any]) -> None:
    for key, value in fields.items():
        if key not in VOICE_FIELDS:
            raise TypeError(f"{key} cannot be set on a voice")
        setattr(voice, key, value)


def _check_consent(voice: Voice) -> None:
    if not voice.consent_publish:
        raise ValidationError(
            {"consent_publish": _("We can only show your voice if you agree to publication.")}
        )
    if voice.consent_contact and not voice.contact_details.strip():
        raise ValidationError(
            {"contact_details": _("Give an email address or phone number to be contacted on.")}
        )


# --- writing -----------------------------------------------------------------------------------


@transaction.atomic
def voice_create(
    *,
    author,
    themes: Iterable = (),
    life_domains: Iterable = (),
    tags: Iterable[str] = (),
    **fields: Any,
) -> Voice:
    """Share a voice; it waits for a moderator before anyone else sees it."""
    voice = Voice(author=author, consent_method=Voice.ConsentMethod.ONLINE)
    _apply(voice, fields)
    if not may_post_for(author, voice.organisation):
        raise NotAllowed(_("You are not linked to this organisation."))
    _check_consent(voice)
    _check_rate(author)
    voice.consent_given_by = author.get_full_name()
    voice.status = Voice.Status.PENDING
    voice.watched_words = _watched(voice)
    voice.full_clean()
    voice.save()
    voice.themes.set(list(themes))
    voice.life_domains.set(list(life_domains))
    voice.tags.set(list(tags))
    return voice


@transaction.atomic
def voice_update(
    *,
    voice: Voice,
    editor,
    themes: Iterable = (),
    life_domains: Iterable = (),
    tags: Iterable[str] = (),
    **fields: Any,
) -> Voice:
    """The author changes a voice; it goes back to the queue, so no change skips a moderator."""
    voice = Voice.objects.select_for_update().get(pk=voice.pk)
    if voice.author_id != editor.pk:
        raise NotAllowed(_("You can only change your own voices."))
    if voice.status in (Voice.Status.WITHDRAWN, Voice.Status.DECLINED):
        raise VoiceError(_("A withdrawn or declined voice cannot be changed."))
    _apply(voice, fields)
    if not may_post_for(editor, voice.organisation):
        raise NotAllowed(_("You are not linked to this organisation."))
    _check_consent(voice)
    voice.status = Voice.Status.PENDING
    voice.watched_words = _watched(voice)
    voice.updated = timezone.now()
    voice.full_clean()
    voice.save()
    voice.themes.set(list(themes))
    voice.life_domains.set(list(life_domains))
    voice.tags.set(list(tags))
    return voice


@transaction.atomic
def voice_withdraw(*, voice: Voice, user) -> Voice:
    """The author takes a voice off the site at once (a moderator can do it for them)."""
    voice = Voice.objects.select_for_update().get(pk=voice.pk)
    if voice.author_id != user.pk and not is_moderator(user):
        raise NotAllowed(_("You can only withdraw your own voices."))
    if voice.status == Voice.Status.WITHDRAWN:
        return voice
    voice.status = Voice.Status.WITHDRAWN
    voice.updated = timezone.now()
    voice.save(update_fields=["status", "updated"])
    _log(voice=voice, moderator=user, action=VoiceModeration.Action.WITHDRAW, reason="")
    return voice


# --- moderating --------------------------------------------------------------------------------

MODERATION_TARGETS = {
    VoiceModeration.Action.PUBLISH: Voice.Status.PUBLISHED,
    VoiceModeration.Action.REQUEST_CHANGES: Voice.Status.CHANGES_REQUESTED,
    VoiceModeration.Action.DECLINE: Voice.Status.DECLINED,
}
MODERATABLE = (
    Voice.Status.PENDING,
    Voice.Status.PUBLISHED,
    Voice.Status.CHANGES_REQUESTED,
)


@transaction.atomic
def voice_moderate(*, voice: Voice, moderator, action: str, reason: str) -> Voice:
    """Publish, ask for a change, or decline a voice; logged, and the author is told why."""
    if not is_moderator(moderator):
        raise NotAllowed(_("Only moderators and the project team can do this."))
    if action not in MODERATION_TARGETS:
        raise VoiceError(_("Choose what to do with this voice."))
    if action != VoiceModeration.Action.PUBLISH and not reason.strip():
        raise ValidationError({"reason": _("Give a reason; the author will read it.")})
    voice = Voice.objects.select_for_update(of=("self",)).select_related("author").get(pk=voice.pk)
    if voice.status not in MODERATABLE:
        raise VoiceError(
            _("This is not possible for a voice that is %(status)s.")
            % {"status": voice.get_status_display().lower()}
        )
    if action == VoiceModeration.Action.PUBLISH and not voice.consent_publish:
        raise VoiceError(_("This voice has no consent to publish, so it cannot be published."))
    voice.status = MODERATION_TARGETS[action]
    voice.moderation_note = reason
    if voice.status == Voice.Status.PUBLISHED and voice.published_at is None:
        voice.published_at = timezone.now()
    voice.save(update_fields=["status", "moderation_note", "published_at"])
    _log(voice=voice, moderator=moderator, action=action, reason=reason)
    _tell_author(voice=voice, action=action, reason=reason)
    return voice


def _log(*, voice: Voice, moderator, action: str, reason: str) -> VoiceModeration:
    entry = VoiceModeration(voice=voice, moderator=moderator, action=action, reason=reason)
    entry.full_clean()
    entry.save()
    return entry


def _enqueue_email(*, to: str, subject: str, body: str) -> None:
    # After commit, so nobody is emailed about something that was rolled back.
    transaction.on_commit(lambda: send_voices_email.enqueue(to=to, subject=subject, body=body))


def _tell_author(*, voice: Voice, action: str, reason: str) -> None:
    author = voice.author
    if author is None or not author.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "voices/email/moderated.txt",
            {
                "user": author,
                "voice": voice,
                "action": VoiceModeration.Action(action).label,
                "reason": reason,
                "voice_url": absolute_url(voice.get_absolute_url()),
                "edit_url": absolute_url(reverse("voices:edit", kwargs={"pk": voice.pk})),
                "changes_requested": voice.status == Voice.Status.CHANGES_REQUESTED,
            },
        )
        subject = _("About the voice you shared")
    _enqueue_email(to=author.email, subject=subject, body=body)


# --- organisations -----------------------------------------------------------------------------


@transaction.atomic
def organisation_apply(*, applicant, municipalities: Iterable = (), **fields: Any) -> Organisation:
    """An organisation applies to support the campaign; the team decides."""
    organisation = Organisation(applied_by=applicant, status=Organisation.Status.PENDING)
    allowed = {
        "name",
        "kind",
        "website",
        "description",
        "is_national",
        "contact_name",
        "contact_email",
        "contact_phone",
    }
    for key, value in fields.items():
        if key not in allowed:
            raise TypeError(f"{key} cannot be set on an application")
        setattr(organisation, key, value)
    municipalities = list(municipalities)
    if not organisation.is_national and not municipalities:
        raise ValidationError(
            {"municipalities": _("Choose at least one municipality, or 'works nationally'.")}
        )
    organisation.ensure_slug()
    organisation.full_clean()
    organisation.save()
    organisation.municipalities.set(municipalities)
    return organisation


@transaction.atomic
def organisation_decide(
    *, organisation: Organisation, moderator, approve: bool, reason: str
) -> Organisation:
    """The team approves or declines an organisation; the contact person is emailed."""
    if not is_project_team(moderator):
        raise NotAllowed(_("Only the project team can do this."))
    if not approve and not reason.strip():
        raise ValidationError({"reason": _("Give a reason; the organisation will read it.")})
    organisation.status = Organisation.Status.APPROVED if approve else Organisation.Status.DECLINED
    organisation.decision_reason = reason
    organisation.full_clean()
    organisation.save(update_fields=["status", "decision_reason"])
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "voices/email/organisation_decided.txt",
            {
                "organisation": organisation,
                "approved": approve,
                "reason": reason,
                "url": absolute_url(organisation.get_absolute_url()),
            },
        )
        subject = _("Your application as a supporting organisation")
    _enqueue_email(to=organisation.contact_email, subject=subject, body=body)
    return organisation


@transaction.atomic
def position_create(
    *, organisation: Organisation, author, kind: str, title: str, body_markdown: str
) -> Position:
    """A linked member adds a position or action to their approved organisation's page."""
    if not may_post_for(author, organisation):
        raise NotAllowed(_("You are not linked to this organisation."))
    words = check_text(f"{title}\n{body_markdown}")
    if words:
        raise VoiceError(
            _("Your text contains “%(word)s”, which is not allowed. Please change it.")
            % {"word": words[0]}
        )
    position = Position(
        organisation=organisation,
        author=author,
        kind=kind,
        title=title,
        body_markdown=body_markdown,
    )
    position.full_clean()
    position.save()
    return position


# --- privacy -----------------------------------------------------------------------------------


def voices_on_account_deletion(user) -> None:
    """Before an account is deleted: its voices are withdrawn and stripped of personal data.

    Voices the team entered on someone's behalf have no account and are not touched.
    """
    for voice in Voice.objects.filter(author=user):
        voice.status = Voice.Status.WITHDRAWN
        voice.name = ""
        voice.display = Voice.Display.ANONYMOUS
        voice.contact_details = ""
        voice.consent_contact = False
        voice.save(
            update_fields=[
                "status",
                "name",
                "display",
                "contact_details",
                "consent_contact",
            ]
        )
        _log(
            voice=voice,
            moderator=None,
            action=VoiceModeration.Action.ANONYMISE,
            reason="",
        )
    for organisation in Organisation.objects.filter(members=user):
        organisation.members.remove(user)


def export_voices_data(user) -> dict[str, Any]:
    """The member's voices (with status and consent) and linked organisations."""
    return {
        "voices": [
            {
                "title": voice.title,
                "text": voice.body_markdown,
                "easy_read": voice.easy_read_markdown,
                "municipality": voice.municipality.title if voice.municipality else None,
                "date": voice.date.isoformat(),
                "name": voice.name,
                "show_as": voice.display,
                "status": voice.status,
                "consent_publish": voice.consent_publish,
                "consent_contact": voice.consent_contact,
                "contact_details": voice.contact_details,
                "tags": [tag.name for tag in voice.tags.all()],
                "created": voice.created.isoformat(),
            }
            for voice in Voice.objects.filter(author=user)
            .select_related("municipality")
            .prefetch_related("tags")
        ],
        "organisations": list(
            Organisation.objects.filter(members=user).values_list("name", flat=True)
        ),
    }
