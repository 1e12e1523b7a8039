"""Views of the matchcentrum. Thin: forms check input, services do the work."""

import statistics

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Min, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from knowledge.models import PracticePage
from municipalities.models import MunicipalityPage
from municipalities.services import official_municipality_ids
from network.pagination import paginate
from network.params import query_int
from network.roles import is_project_team
from taxonomy.models import Theme

from . import services
from .forms import (
    ConsentForm,
    MatchRequestForm,
    NoteForm,
    ProposeForm,
    RespondForm,
    StatusFilterForm,
    TransitionForm,
)
from .models import Match, MatchRequest, MatchState, Side
from .permissions import can_view_match, can_view_request, sides_of
from .permissions import next_states as allowed_next_states
from .scoring import match_suggestions
from .tokens import response_token_read

PAGE_SIZE = 20


def _team_only(user) -> None:
    if not is_project_team(user):
        raise PermissionDenied(_("Only the project team can see this page."))


def _request_queryset():
    return MatchRequest.objects.select_related("municipality", "requested_by").prefetch_related(
        "themes", "life_domains"
    )


# Requests ---------------------------------------------------------------------------------


def _prefill(request: HttpRequest) -> tuple[dict, list[str], PracticePage | None]:
    """Initial values from ?practice=&municipality= (the practice page's contact link)."""
    initial: dict = {}
    problems: list[str] = []
    practice = None
    if request.GET.get("practice"):
        practice_id = query_int(request, "practice", minimum=1)
        if practice_id is not None:
            practice = (
                PracticePage.objects.live()
                .filter(pk=practice_id)
                .prefetch_related("themes", "life_domains")
                .first()
            )
        if practice is None:
            problems.append(
                _("The practice in the link could not be found; ask your question anyway.")
            )
        else:
            initial["practice"] = practice.pk
            initial["themes"] = list(practice.themes.all())
            initial["life_domains"] = list(practice.life_domains.all())
    if request.GET.get("municipality"):
        target = None
        municipality_id = query_int(request, "municipality", minimum=1)
        if municipality_id is not None:
            target = MunicipalityPage.objects.live().filter(pk=municipality_id).first()
        if target is None:
            problems.append(_("The municipality in the link could not be found."))
        else:
            initial["target_municipality"] = target.pk
    return initial, problems, practice


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request: HttpRequest) -> HttpResponse:
    """A municipal official (or the team on their behalf) asks for a match."""
    team = is_project_team(request.user)
    if team:
        municipalities = MunicipalityPage.objects.live().filter(retired_on__isnull=True)
    else:
        ids = official_municipality_ids(request.user)
        if not ids:
            raise PermissionDenied(
                _(
                    "Only municipal officials linked to a municipality can ask for a match. "
                    "Ask the project team to link your account."
                )
            )
        municipalities = MunicipalityPage.objects.filter(pk__in=ids)
    municipalities = municipalities.order_by("title").only("id", "title")
    initial, problems, practice = _prefill(request)
    initial.update(
        contact_name=request.user.get_full_name(),
        contact_email=request.user.email,
    )
    if not team and len(official_municipality_ids(request.user)) == 1:
        initial["municipality"] = next(iter(official_municipality_ids(request.user)))
    form = MatchRequestForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        municipalities=municipalities,
    )
    status = 400 if problems else 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            match_request = services.match_request_create(
                municipality=data["municipality"],
                requested_by=request.user,
                question=data["question"],
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
                preferred_contact=data["preferred_contact"],
                contact_phone=data["contact_phone"],
                themes=data["themes"],
                life_domains=data["life_domains"],
                practice=data["practice"],
                target_municipality=data["target_municipality"],
            )
            messages.success(
                request,
                _("Thank you. The project team will look for a municipality that can help you."),
            )
            return redirect("matchcentrum:request_detail", pk=match_request.pk)
        status = 400
        practice = form.cleaned_data.get("practice") or practice
    context = {"form": form, "problems": problems, "practice": practice}
    return render(request, "matchcentrum/match_request_form.html", context, status=status)


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The team's list of requests: open ones first, oldest first."""
    _team_only(request.user)
    form = StatusFilterForm(request.GET or None)
    status_code = 200
    status = MatchRequest.Status.OPEN
    if form.is_bound:
        if form.is_valid():
            status = form.cleaned_data["status"] or status
        else:
            status_code = 400
    requests = (
        _request_queryset()
        .filter(status=status)
        .annotate(match_count=Count("matches"))
        .order_by("created_at", "pk")
    )
    page_obj = paginate(request, requests, PAGE_SIZE)
    counts = dict(MatchRequest.objects.values_list("status").annotate(n=Count("pk")).order_by())
    tabs = [
        {"value": value, "label": label, "count": counts.get(value, 0), "current": value == status}
        for value, label in MatchRequest.Status.choices
    ]
    return render(
        request,
        "matchcentrum/index.html",
        {
            "form": form,
            "page_obj": page_obj,
            "status_label": MatchRequest.Status(status).label,
            "tabs": tabs,
        },
        status=status_code,
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A request: the team sees ranked suggestions and proposes; the asker follows it."""
    match_request = get_object_or_404(_request_queryset().select_related("practice"), pk=pk)
    if not can_view_request(request.user, match_request):
        raise PermissionDenied(_("You can only see your own municipality's requests."))
    team = is_project_team(request.user)
    matches = list(
        match_request.matches.select_related("offering_municipality").order_by("created_at")
    )
    context = {"match_request": match_request, "matches": matches, "team": team}
    status = 200
    if team:
        # The ten best by default; all candidates on request, to propose someone further down.
        show_all = request.GET.get("all") == "1"
        suggestions = match_suggestions(match_request, limit=None if show_all else 10)
        context["show_all"] = show_all
        form = ProposeForm(
            request.POST if request.method == "POST" else None, suggestions=suggestions
        )
        if request.method == "POST":
            if form.is_valid():
                offering = MunicipalityPage.objects.get(
                    pk=form.cleaned_data["offering_municipality"]
                )
                try:
                    match = services.match_propose(
                        match_request=match_request,
                        offering_municipality=offering,
                        proposed_by=request.user,
                        notes=form.cleaned_data["notes"],
                        offering_contact_email=form.cleaned_data["offering_contact_email"],
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                    if match_request.status == MatchRequest.Status.CLOSED:
                        # The form is not shown on a closed request: say why in the layout.
                        messages.error(request, " ".join(error.messages))
                else:
                    messages.success(
                        request,
                        _("Match proposed. Both municipalities receive an email."),
                    )
                    return redirect("matchcentrum:match_detail", pk=match.pk)
            status = 400
        context.update(suggestions=suggestions, form=form)
    elif request.method == "POST":
        raise PermissionDenied(_("Only the project team can propose a match."))
    return render(request, "matchcentrum/match_request_detail.html", context, status=status)


@login_required
@require_POST
def request_close(request: HttpRequest, pk: int) -> HttpResponse:
    _team_only(request.user)
    match_request = get_object_or_404(MatchRequest, pk=pk)
    services.match_request_close(match_request=match_request, user=request.user)
    messages.success(request, _("The request is closed."))
    return redirect("matchcentrum:index")


# Matches ----------------------------------------------------------------------------------


def _get_match(request: HttpRequest, pk: int) -> Match:
    match = get_object_or_404(
        Match.objects.select_related(
            "request", "asking_municipality", "offering_municipality", "proposed_by"
        ),
        pk=pk,
    )
    if not can_view_match(request.user, match):
        raise PermissionDenied(_("You can only see matches of your own municipality."))
    return match


def _render_match(
    request: HttpRequest, match: Match, *, status: int = 200, **forms
) -> HttpResponse:
    team = is_project_team(request.user)
    sides = sides_of(request.user, match)
    states = allowed_next_states(request.user, match)
    consent_sides = sides if sides else ([Side.ASKING, Side.OFFERING] if team else [])
    context = {
        "match": match,
        "team": team,
        "sides": sides,
        "events": match.events.select_related("actor"),
        "themes": match.request.themes.all(),
        "transition_form": forms.get("transition_form")
        or (TransitionForm(states=states) if states else None),
        "note_form": forms.get("note_form") or NoteForm(),
        "consent_forms": [
            (
                side,
                Side(side).label,
                ConsentForm(
                    initial={"show": getattr(match, f"{side}_shows_on_profile")}, side=side
                ),
            )
            for side in consent_sides
        ]
        if match.state == MatchState.COMPLETED
        else [],
    }
    return render(request, "matchcentrum/match_detail.html", context, status=status)


@login_required
@require_GET
def match_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A match: both municipalities, the question, its state, what can happen next, history."""
    return _render_match(request, _get_match(request, pk))


@login_required
@require_POST
def match_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a match on; refused with the reason when the table does not allow it."""
    match = _get_match(request, pk)
    states = list(MatchState.values)
    form = TransitionForm(request.POST, states=states)
    if not form.is_valid():
        return _render_match(request, match, status=400, transition_form=form)
    data = form.cleaned_data
    to_state = data["to_state"]
    team = is_project_team(request.user)
    sides = sides_of(request.user, match)
    try:
        if (
            not team
            and match.state == MatchState.PROPOSED
            and to_state in (MatchState.ACCEPTED, MatchState.DECLINED)
        ):
            # An official answers for their own side; both must accept.
            side = next((s for s in sides if match.accepted_at(s) is None), sides[0])
            match = services.match_respond(
                match=match,
                side=side,
                accept=to_state == MatchState.ACCEPTED,
                user=request.user,
                note=data["note"],
            )
        else:
            match = services.match_transition(
                match=match,
                to_state=to_state,
                user=request.user,
                note=data["note"],
                side=sides[0] if len(sides) == 1 and not team else "",
                evaluation_useful=data["evaluation_useful"],
                evaluation_outcome=data["evaluation_outcome"],
            )
    except ValidationError as error:
        form.add_error("to_state", error)
        form.fields["to_state"].choices = [
            (s, MatchState(s).label) for s in allowed_next_states(request.user, match)
        ] or form.fields["to_state"].choices
        return _render_match(request, match, status=400, transition_form=form)
    messages.success(
        request, _("The match is now: %(state)s.") % {"state": match.get_state_display()}
    )
    return redirect("matchcentrum:match_detail", pk=match.pk)


@login_required
@require_POST
def match_note(request: HttpRequest, pk: int) -> HttpResponse:
    match = _get_match(request, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _render_match(request, match, status=400, note_form=form)
    services.match_note_add(match=match, user=request.user, note=form.cleaned_data["note"])
    messages.success(request, _("Your note has been added."))
    return redirect("matchcentrum:match_detail", pk=match.pk)


@login_required
@require_POST
def match_consent(request: HttpRequest, pk: int, side: str) -> HttpResponse:
    """One side agrees (or not) to show the completed match on the public profiles."""
    match = _get_match(request, pk)
    if side not in Side.values:
        messages.error(request, _("A match has an asking and an offering side; nothing else."))
        return _render_match(request, match, status=400)
    if side not in sides_of(request.user, match) and not is_project_team(request.user):
        raise PermissionDenied(_("Only that municipality can decide this."))
    if match.state != MatchState.COMPLETED:
        messages.error(request, _("Only a completed match can be shown on the profiles."))
        return _render_match(request, match, status=400)
    form = ConsentForm(request.POST, side=side)
    form.is_valid()  # a single optional checkbox is always valid
    services.match_profile_consent(
        match=match, side=side, show=form.cleaned_data.get("show", False), user=request.user
    )
    messages.success(request, _("Your choice has been saved."))
    return redirect("matchcentrum:match_detail", pk=match.pk)


@require_http_methods(["GET", "POST"])
def respond(request: HttpRequest, token: str) -> HttpResponse:
    """The one-link answer from the proposal email; works without an account."""
    found = response_token_read(token)
    if found is None:
        return render(request, "matchcentrum/respond_invalid.html", status=404)
    match, side, action = found
    form = RespondForm(request.POST if request.method == "POST" else None)
    context = {
        "match": match,
        "side": side,
        "action": action,
        "form": form,
        "own": match.municipality_of(side),
        "other": match.municipality_of(Side.OFFERING if side == Side.ASKING else Side.ASKING),
    }
    if match.state != MatchState.PROPOSED or (
        action == "accept" and match.accepted_at(side) is not None
    ):
        context["answered"] = True
        return render(
            request,
            "matchcentrum/respond.html",
            context,
            status=409 if request.method == "POST" else 200,
        )
    if request.method == "POST":
        if form.is_valid():
            match = services.match_respond(
                match=match,
                side=side,
                accept=action == "accept",
                user=request.user,
                note=form.cleaned_data["note"],
            )
            context.update(match=match, done=True)
            return render(request, "matchcentrum/respond.html", context)
        return render(request, "matchcentrum/respond.html", context, status=400)
    return render(request, "matchcentrum/respond.html", context)


# Overviews --------------------------------------------------------------------------------


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """The team's overview: open requests, matches per state, time to proposal, top themes."""
    _team_only(request.user)
    per_state = dict(Match.objects.values_list("state").annotate(n=Count("pk")).order_by())
    states = [(label, per_state.get(value, 0)) for value, label in MatchState.choices]
    firsts = (
        MatchRequest.objects.annotate(first=Min("matches__created_at"))
        .filter(first__isnull=False)
        .values_list("created_at", "first")
    )
    days = [(first - created).total_seconds() / 86400 for created, first in firsts]
    themes = (
        Theme.objects.annotate(n=Count("match_requests"))
        .filter(n__gt=0)
        .order_by("-n", "article")[:10]
    )
    context = {
        "open_count": MatchRequest.objects.filter(status=MatchRequest.Status.OPEN).count(),
        "oldest_open": MatchRequest.objects.filter(status=MatchRequest.Status.OPEN)
        .select_related("municipality")
        .order_by("created_at")
        .first(),
        "states": states,
        "median_days": round(statistics.median(days), 1) if days else None,
        "proposed_count": len(days),
        "themes": themes,
    }
    return render(request, "matchcentrum/dashboard.html", context)


@login_required
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    """An official's view: their municipality's requests and the matches it takes part in."""
    ids = official_municipality_ids(request.user)
    requests = _request_queryset().filter(municipality_id__in=ids).order_by("-created_at")
    matches = (
        Match.objects.filter(
            Q(asking_municipality_id__in=ids) | Q(offering_municipality_id__in=ids)
        )
        .select_related("asking_municipality", "offering_municipality", "request")
        .order_by("-created_at")
    )
    context = {
        "requests": list(requests),
        "matches": list(matches),
        "linked": bool(ids),
        "municipalities": MunicipalityPage.objects.filter(pk__in=ids).order_by("title")
        if ids
        else [],
    }
    return render(request, "matchcentrum/mine.html", context)
