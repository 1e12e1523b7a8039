"""Views of the voices app: the list, a voice, sharing, moderating, organisations. Rules live in services."""

import csv
import json
from functools import wraps
from urllib.parse import quote, urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from municipalities.models import MunicipalityPage
from network.accounts import has_verified_email
from network.forms import add_validation_errors
from network.markdown import render_markdown
from network.models import NetworkSettings
from network.pagination import paginate
from network.registry import running_hashtags
from network.roles import expert_flag, is_moderator, is_project_team
from network.views import forbidden

from . import services
from .forms import (
    OrganisationDecisionForm,
    OrganisationFilterForm,
    OrganisationForm,
    PositionForm,
    VoiceFilterForm,
    VoiceForm,
    VoiceModerationForm,
)
from .models import CAMPAIGN_HASHTAG, Organisation, Voice

VOICES_PER_PAGE = 20
QUEUE_PER_PAGE = 25
ORGANISATIONS_PER_PAGE = 30
# A spreadsheet treats a cell starting with these as a formula; the export neutralises them.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _forbidden(request: HttpRequest, message: str, status: int = 403) -> HttpResponse:
    """The site's "not possible" page, with the way back to the voices."""
    return forbidden(
        request,
        reason=message,
        next_url=reverse("voices:list"),
        next_label=_("Back to the voices"),
        status=status,
    )


def member_required(view):
    """Logged in with a verified email address: the condition for sharing anything."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not has_verified_email(request.user):
            return _forbidden(
                request,
                _("Confirm your email address first; we sent you a link when you signed up."),
            )
        return view(request, *args, **kwargs)

    return wrapper


def moderator_required(view):
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_moderator(request.user):
            return _forbidden(request, _("Only moderators and the project team can see this page."))
        return view(request, *args, **kwargs)

    return wrapper


def team_required(view):
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_project_team(request.user):
            return _forbidden(request, _("Only the project team can see this page."))
        return view(request, *args, **kwargs)

    return wrapper


def _provinces() -> list[str]:
    return list(
        MunicipalityPage.objects.live()
        .order_by("province")
        .values_list("province", flat=True)
        .distinct()
    )


def _contact(request: HttpRequest) -> NetworkSettings:
    return NetworkSettings.for_request(request)


def public_voices():
    """Published voices with what a list shows, in one query (plus the count)."""
    return (
        Voice.objects.published()
        .select_related("municipality", "organisation")
        .annotate(author_is_expert=expert_flag("author"))
        .order_by("-date", "-pk")
    )


def filter_voices(queryset, data: dict):
    if data.get("municipality"):
        queryset = queryset.filter(municipality=data["municipality"])
    if data.get("province"):
        queryset = queryset.filter(municipality__province=data["province"])
    if data.get("theme"):
        queryset = queryset.filter(themes=data["theme"])
    if data.get("life_domain"):
        queryset = queryset.filter(life_domains=data["life_domain"])
    if data.get("tag"):
        queryset = queryset.filter(tags__name__iexact=data["tag"].lstrip("#"))
    return queryset


# --- reading -----------------------------------------------------------------------------------


@require_GET
def voice_list(request: HttpRequest) -> HttpResponse:
    form = VoiceFilterForm(request.GET or None, provinces=_provinces())
    voices = public_voices()
    filtered = False
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filtered = any(data.values())
        voices = filter_voices(voices, data)
    page_obj = paginate(request, voices, VOICES_PER_PAGE)
    return render(
        request,
        "voices/voice_list.html",
        {
            "form": form,
            "page_obj": page_obj,
            "filtered": filtered,
            "hashtag": CAMPAIGN_HASHTAG,
            "settings_contact": _contact(request),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def _may_see(user, voice: Voice) -> bool:
    if voice.is_published:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return voice.author_id == user.pk or is_moderator(user)


def share_links(*, url: str, text: str) -> list[dict]:
    """Plain links that open a prefilled post; no script of any platform is loaded."""
    full = f"{text} {url}"
    return [
        {"name": "Bluesky", "url": "https://bsky.app/intent/compose?" + urlencode({"text": full})},
        {"name": "X", "url": "https://x.com/intent/post?" + urlencode({"text": text, "url": url})},
        {
            "name": "Facebook",
            "url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        },
        {
            "name": "LinkedIn",
            "url": "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        },
        {"name": "WhatsApp", "url": "https://wa.me/?" + urlencode({"text": full})},
        {
            "name": _("Email"),
            "url": f"mailto:?subject={quote(text)}&body={quote(full)}",
        },
    ]


@require_GET
def voice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    voice = get_object_or_404(
        Voice.objects.select_related("municipality", "organisation").annotate(
            author_is_expert=expert_flag("author")
        ),
        pk=pk,
    )
    if not _may_see(request.user, voice):
        raise Http404
    themes = list(voice.themes.all())
    life_domains = list(voice.life_domains.all())
    tags = list(voice.tags.all())
    related = public_voices().exclude(pk=voice.pk)
    condition = Q(pk__in=[])
    if voice.municipality_id:
        condition |= Q(municipality_id=voice.municipality_id)
    if themes:
        condition |= Q(themes__in=themes)
    related = list(related.filter(condition).distinct()[:3])
    url = request.build_absolute_uri(voice.get_absolute_url())
    text = _("%(heading)s #%(hashtag)s") % {"heading": voice.heading, "hashtag": CAMPAIGN_HASHTAG}
    return render(
        request,
        "voices/voice_detail.html",
        {
            "voice": voice,
            "themes": themes,
            "life_domains": life_domains,
            "tags": tags,
            "related": related,
            "share_links": share_links(url=url, text=text) if voice.is_published else [],
            "is_author": request.user.is_authenticated and voice.author_id == request.user.pk,
            "may_moderate": is_moderator(request.user),
        },
    )


# --- sharing -----------------------------------------------------------------------------------


def _voice_form_page(request, *, form, voice=None, preview=None, status=200, error=None):
    return render(
        request,
        "voices/voice_form.html",
        {
            "form": form,
            "voice": voice,
            "preview": preview,
            "error": error,
            "settings_contact": _contact(request),
        },
        status=status,
    )


@member_required
@require_http_methods(["GET", "POST"])
def voice_share(request: HttpRequest) -> HttpResponse:
    hashtags = running_hashtags.current()
    if request.method == "GET":
        form = VoiceForm(user=request.user, hashtags=hashtags)
        if CAMPAIGN_HASHTAG in hashtags or not hashtags:
            form.fields["tag_text"].initial = CAMPAIGN_HASHTAG
        return _voice_form_page(request, form=form)
    form = VoiceForm(request.POST, request.FILES, user=request.user, hashtags=hashtags)
    if not form.is_valid():
        return _voice_form_page(request, form=form, status=400)
    if "preview" in request.POST:
        return _voice_form_page(request, form=form, preview=_preview(form))
    fields = form.service_fields()
    try:
        voice = services.voice_create(author=request.user, **fields)
    except services.VoiceError as error:
        return _voice_form_page(request, form=form, status=error.status, error=error.message)
    except ValidationError as error:
        add_validation_errors(form, error)
        return _voice_form_page(request, form=form, status=400)
    messages.success(
        request,
        _("Thank you. Your voice has been received; a moderator looks at it before it is shown."),
    )
    return redirect(voice.get_absolute_url())


def _preview(form: VoiceForm) -> dict:
    data = form.cleaned_data
    voice = Voice(name=data.get("name", ""), display=data.get("display", Voice.Display.FIRST_NAME))
    return {
        "title": data.get("title"),
        "body_html": render_markdown(data.get("body_markdown", "")),
        "easy_read_html": render_markdown(data.get("easy_read_markdown", "")),
        "name": voice.public_name,
        "municipality": data.get("municipality"),
    }


def _own_voice(request: HttpRequest, pk: int) -> Voice | HttpResponse:
    voice = get_object_or_404(Voice, pk=pk)
    if voice.author_id != request.user.pk:
        return _forbidden(request, _("You can only change your own voices."))
    return voice


@member_required
@require_http_methods(["GET", "POST"])
def voice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    voice = _own_voice(request, pk)
    if isinstance(voice, HttpResponse):
        return voice
    if voice.status in (Voice.Status.WITHDRAWN, Voice.Status.DECLINED):
        return _forbidden(request, _("A withdrawn or declined voice cannot be changed."))
    hashtags = running_hashtags.current()
    if request.method == "GET":
        form = VoiceForm(instance=voice, user=request.user, hashtags=hashtags)
        return _voice_form_page(request, form=form, voice=voice)
    form = VoiceForm(
        request.POST, request.FILES, instance=voice, user=request.user, hashtags=hashtags
    )
    if not form.is_valid():
        return _voice_form_page(request, form=form, voice=voice, status=400)
    if "preview" in request.POST:
        return _voice_form_page(request, form=form, voice=voice, preview=_preview(form))
    try:
        services.voice_update(voice=voice, editor=request.user, **form.service_fields())
    except services.VoiceError as error:
        return _voice_form_page(
            request, form=form, voice=voice, status=error.status, error=error.message
        )
    except ValidationError as error:
        add_validation_errors(form, error)
        return _voice_form_page(request, form=form, voice=voice, status=400)
    messages.success(request, _("Your changes are saved. A moderator looks at them first."))
    return redirect(voice.get_absolute_url())


@member_required
@require_http_methods(["GET", "POST"])
def voice_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    voice = _own_voice(request, pk)
    if isinstance(voice, HttpResponse):
        return voice
    if request.method == "POST":
        services.voice_withdraw(voice=voice, user=request.user)
        messages.success(request, _("Your voice has been withdrawn. It is no longer on the site."))
        return redirect("voices:mine")
    return render(request, "voices/voice_withdraw.html", {"voice": voice})


@member_required
@require_GET
def my_voices(request: HttpRequest) -> HttpResponse:
    voices = Voice.objects.filter(author=request.user).select_related("municipality")
    return render(request, "voices/my_voices.html", {"voices": voices})


# --- moderating --------------------------------------------------------------------------------


@moderator_required
@require_GET
def moderation_queue(request: HttpRequest) -> HttpResponse:
    voices = (
        Voice.objects.filter(status=Voice.Status.PENDING)
        .select_related("municipality", "author")
        .order_by("created", "pk")
    )
    page_obj = paginate(request, voices, QUEUE_PER_PAGE)
    organisations = (
        list(Organisation.objects.filter(status=Organisation.Status.PENDING).order_by("created"))
        if is_project_team(request.user)
        else []
    )
    return render(
        request,
        "voices/moderation_queue.html",
        {"page_obj": page_obj, "organisations": organisations},
    )


@moderator_required
@require_http_methods(["GET", "POST"])
def voice_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    voice = get_object_or_404(Voice.objects.select_related("municipality", "author"), pk=pk)
    form = VoiceModerationForm(request.POST or None)
    status = 200
    error = None
    if request.method == "POST":
        if form.is_valid():
            try:
                services.voice_moderate(
                    voice=voice,
                    moderator=request.user,
                    action=form.cleaned_data["action"],
                    reason=form.cleaned_data["reason"],
                )
            except services.VoiceError as exc:
                error, status = exc.message, exc.status
            else:
                messages.success(request, _("Your decision is saved and the author is told."))
                return redirect("voices:moderation_queue")
        else:
            status = 400
    return render(
        request,
        "voices/voice_moderate.html",
        {
            "voice": voice,
            "form": form,
            "error": error,
            "history": voice.moderation.select_related("moderator"),
            "themes": voice.themes.all(),
        },
        status=status,
    )


# --- organisations -----------------------------------------------------------------------------


def approved_organisations():
    return Organisation.objects.filter(status=Organisation.Status.APPROVED)


def filter_organisations(queryset, data: dict):
    if data.get("kind"):
        queryset = queryset.filter(kind=data["kind"])
    if data.get("province"):
        queryset = queryset.filter(
            Q(is_national=True) | Q(municipalities__province=data["province"])
        ).distinct()
    if data.get("municipality"):
        queryset = queryset.filter(
            Q(is_national=True) | Q(municipalities=data["municipality"])
        ).distinct()
    return queryset


def _filtered_organisations(request: HttpRequest):
    form = OrganisationFilterForm(request.GET or None, provinces=_provinces())
    organisations = approved_organisations().order_by("name")
    if form.is_bound and form.is_valid():
        organisations = filter_organisations(organisations, form.cleaned_data)
    return form, organisations


@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    form, organisations = _filtered_organisations(request)
    page_obj = paginate(request, organisations, ORGANISATIONS_PER_PAGE)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "voices/organisation_list.html",
        {"form": form, "page_obj": page_obj, "query": query.urlencode()},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


EXPORT_FIELDS = ["name", "kind", "website", "is_national", "municipalities", "url"]


def _organisation_rows(request: HttpRequest) -> list[dict]:
    _form, organisations = _filtered_organisations(request)
    rows = []
    for organisation in organisations.prefetch_related("municipalities"):
        rows.append(
            {
                "name": organisation.name,
                "kind": organisation.get_kind_display(),
                "website": organisation.website,
                "is_national": organisation.is_national,
                "municipalities": [m.title for m in organisation.municipalities.all()],
                "url": request.build_absolute_uri(organisation.get_absolute_url()),
            }
        )
    return rows


def csv_safe(value) -> str:
    """A cell a spreadsheet will not run as a formula."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


@require_GET
def organisation_export_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="organisaties.csv"'
    writer = csv.writer(response)
    writer.writerow(EXPORT_FIELDS)
    for row in _organisation_rows(request):
        writer.writerow(
            [
                csv_safe("; ".join(row[key]) if isinstance(row[key], list) else row[key])
                for key in EXPORT_FIELDS
            ]
        )
    return response


@require_GET
def organisation_export_json(request: HttpRequest) -> HttpResponse:
    payload = json.dumps(_organisation_rows(request), ensure_ascii=False, indent=2)
    return HttpResponse(payload, content_type="application/json; charset=utf-8")


@require_GET
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not organisation.is_approved and not is_project_team(request.user):
        raise Http404
    is_linked = (
        request.user.is_authenticated and organisation.members.filter(pk=request.user.pk).exists()
    )
    return render(
        request,
        "voices/organisation_detail.html",
        {
            "organisation": organisation,
            "voices": public_voices().filter(organisation=organisation)[:20],
            "positions": organisation.positions.all(),
            "municipality_list": organisation.municipalities.order_by("title"),
            "is_linked": is_linked and organisation.is_approved,
        },
    )


@member_required
@require_http_methods(["GET", "POST"])
def organisation_apply(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            municipalities = data.pop("municipalities")
            try:
                services.organisation_apply(
                    applicant=request.user, municipalities=municipalities, **data
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Thank you. The project team looks at your application and emails you."),
                )
                return redirect("voices:organisations")
        return render(request, "voices/organisation_form.html", {"form": form}, status=400)
    return render(request, "voices/organisation_form.html", {"form": form})


@team_required
@require_http_methods(["GET", "POST"])
def organisation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk)
    form = OrganisationDecisionForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            services.organisation_decide(
                organisation=organisation,
                moderator=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("Your decision is saved and the organisation is told."))
            return redirect("voices:moderation_queue")
        status = 400
    else:
        status = 200
    return render(
        request,
        "voices/organisation_decide.html",
        {
            "organisation": organisation,
            "form": form,
            "municipality_list": organisation.municipalities.order_by("title"),
        },
        status=status,
    )


@member_required
@require_http_methods(["GET", "POST"])
def position_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not services.may_post_for(request.user, organisation):
        return _forbidden(request, _("Only accounts linked to this organisation can do this."))
    form = PositionForm(request.POST or None)
    error = None
    if request.method == "POST":
        if form.is_valid():
            try:
                services.position_create(
                    organisation=organisation, author=request.user, **form.cleaned_data
                )
            except services.VoiceError as exc:
                error = exc.message
            else:
                messages.success(request, _("The text is on the organisation's page."))
                return redirect(organisation.get_absolute_url())
        status = 400
    else:
        status = 200
    return render(
        request,
        "voices/position_form.html",
        {"organisation": organisation, "form": form, "error": error},
        status=status,
    )


def voice_list_url(**params) -> str:
    """The list, filtered: used by sections on other pages."""
    query = urlencode({key: value for key, value in params.items() if value})
    return reverse("voices:list") + (f"?{query}" if query else "")
