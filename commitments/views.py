"""Pages of the cycle: priorities and commitments per municipality, the national overview with
its open data, following a municipality, and the election pages. Thin: rules sit in services."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from municipalities.models import MunicipalityPage
from network.fields import key_is_storable
from network.pagination import paginate
from network.roles import is_project_team
from network.spreadsheets import SafeCsvDictWriter, csv_response

from . import services
from .forms import (
    CommitmentFilterForm,
    CommitmentForm,
    EndorseForm,
    PartyAnswerForm,
    PriorityForm,
    StatusChangeForm,
)
from .models import (
    Commitment,
    Election,
    Endorsement,
    Party,
    PartyAnswer,
    PartyToken,
    Position,
    Priority,
    StatusChange,
)

OVERVIEW_PER_PAGE = 50


def _municipality_or_404(slug: str) -> MunicipalityPage:
    if len(slug) > 255:
        raise Http404
    return get_object_or_404(
        MunicipalityPage.objects.live().only("pk", "title", "slug", "url_path", "province"),
        slug=slug,
    )


def _pk_or_404(pk: int) -> int:
    if not key_is_storable(Priority._meta.pk, pk):
        raise Http404
    return pk


def _bad_request(message: str) -> HttpResponse:
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


# --- priorities -------------------------------------------------------------------------------


def _priority_list(request, municipality):
    priorities = (
        Priority.objects.filter(municipality=municipality)
        .select_related("organisation", "dialogue")
        .prefetch_related("themes", "life_domains")
        .annotate(commitment_total=Count("commitments", distinct=True))
    )
    endorsed = set()
    if request.user.is_authenticated:
        endorsed = set(
            Endorsement.objects.filter(
                priority__municipality=municipality, user=request.user
            ).values_list("priority_id", flat=True)
        )
    return priorities, endorsed


@require_http_methods(["GET", "POST"])
def municipality_priorities(request: HttpRequest, slug: str) -> HttpResponse:
    """/gemeenten/<slug>/prioriteiten/: the priority note, and the form to add to it."""
    municipality = _municipality_or_404(slug)
    can_add = services.can_add_priority(request.user, municipality)
    organisations = services.member_organisations(request.user)
    dialogues = None
    if can_add and not services.may_add_any_priority(request.user, municipality):
        dialogues = services.organised_dialogues(request.user)
    form = None
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_add:
            raise PermissionDenied(_("You may not add priorities for this municipality."))
        form = PriorityForm(
            request.POST,
            municipality=municipality,
            organisations=organisations,
            dialogues=dialogues,
        )
        if form.is_valid():
            data = dict(form.cleaned_data)
            priority = services.priority_save(
                municipality=municipality,
                user=request.user,
                themes=data.pop("themes"),
                life_domains=data.pop("life_domains"),
                voices=data.pop("voices"),
                **data,
            )
            messages.success(
                request, _("Your priority '%(title)s' is added.") % {"title": priority.title}
            )
            return redirect(
                reverse("commitments:municipality_priorities", args=[slug])
                + f"#prioriteit-{priority.pk}"
            )
        status = 400
    elif can_add:
        form = PriorityForm(
            municipality=municipality, organisations=organisations, dialogues=dialogues
        )
    priorities, endorsed = _priority_list(request, municipality)
    organisations = list(organisations)
    return TemplateResponse(
        request,
        "commitments/municipality_priorities.html",
        {
            "municipality": municipality,
            "priorities": priorities,
            "endorsed": endorsed,
            # Who may change which point, without a query per point (services.can_edit_priority).
            "edit_all": services.can_record_commitment(request.user, municipality),
            "organisation_ids": {organisation.pk for organisation in organisations},
            "organisations": organisations,
            "form": form,
            "can_add": can_add,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def priority_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    municipality = _municipality_or_404(slug)
    priority = get_object_or_404(Priority, pk=_pk_or_404(pk), municipality=municipality)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not services.can_edit_priority(request.user, priority):
        raise PermissionDenied(_("You may not change this priority."))
    organisations = services.member_organisations(request.user)
    if is_project_team(request.user) and priority.organisation_id:
        organisations = organisations.model.objects.filter(
            Q(pk__in=organisations.values("pk")) | Q(pk=priority.organisation_id)
        )
    status = 200
    if request.method == "POST":
        form = PriorityForm(
            request.POST,
            instance=priority,
            municipality=municipality,
            organisations=organisations,
        )
        if form.is_valid():
            data = dict(form.cleaned_data)
            services.priority_save(
                municipality=municipality,
                user=request.user,
                priority=priority,
                themes=data.pop("themes"),
                life_domains=data.pop("life_domains"),
                voices=data.pop("voices"),
                **data,
            )
            messages.success(request, _("The changes are saved."))
            return redirect(
                reverse("commitments:municipality_priorities", args=[slug])
                + f"#prioriteit-{priority.pk}"
            )
        status = 400
    else:
        form = PriorityForm(
            instance=priority, municipality=municipality, organisations=organisations
        )
    return TemplateResponse(
        request,
        "commitments/priority_form.html",
        {
            "municipality": municipality,
            "priority": priority,
            "form": form,
            "revisions": priority.revisions.select_related("changed_by")[:20],
        },
        status=status,
    )


@require_POST
def priority_endorse(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """'Steun dit punt' (or take the support back) as oneself or for one's organisation."""
    municipality = _municipality_or_404(slug)
    priority = get_object_or_404(Priority, pk=_pk_or_404(pk), municipality=municipality)
    if not request.user.is_authenticated:
        return redirect_to_login(
            reverse("commitments:municipality_priorities", args=[slug]) + f"#prioriteit-{pk}"
        )
    form = EndorseForm(request.POST, organisations=services.member_organisations(request.user))
    if not form.is_valid():
        return _bad_request(_("Choose yourself or one of your organisations."))
    organisation = form.cleaned_data["organisation"]
    if request.POST.get("action") == "withdraw":
        if services.priority_withdraw_endorsement(
            priority=priority, user=request.user, organisation=organisation
        ):
            messages.success(request, _("Your support is taken back."))
    elif services.priority_endorse(priority=priority, user=request.user, organisation=organisation):
        messages.success(request, _("Thank you: your support is counted."))
    else:
        messages.info(request, _("You already support this priority."))
    return redirect(
        reverse("commitments:municipality_priorities", args=[slug]) + f"#prioriteit-{priority.pk}"
    )


# --- commitments ------------------------------------------------------------------------------


def _board(municipality) -> dict:
    return services.scoreboard_of(Commitment.objects.filter(municipality=municipality))


@require_http_methods(["GET", "POST"])
def municipality_commitments(request: HttpRequest, slug: str) -> HttpResponse:
    """/gemeenten/<slug>/toezeggingen/: the promises, their status and the scoreboard."""
    municipality = _municipality_or_404(slug)
    can_record = services.can_record_commitment(request.user, municipality)
    form = None
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_record:
            raise PermissionDenied(_("You may not record commitments for this municipality."))
        form = CommitmentForm(request.POST, request.FILES, municipality=municipality)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                commitment = services.commitment_save(
                    municipality=municipality,
                    user=request.user,
                    priorities=data.pop("priorities"),
                    **data,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The commitment is recorded."))
                return redirect(reverse("commitments:commitment", args=[slug, commitment.pk]))
        status = 400
    elif can_record:
        form = CommitmentForm(municipality=municipality)
    commitments = (
        Commitment.objects.filter(municipality=municipality)
        .prefetch_related(Prefetch("priorities", Priority.objects.only("pk", "title")))
        .order_by("-promised_on", "title", "pk")
    )
    stale_before = services.stale_since()
    return TemplateResponse(
        request,
        "commitments/municipality_commitments.html",
        {
            "municipality": municipality,
            "commitments": commitments,
            "board": _board(municipality),
            "stale_before": stale_before,
            "form": form,
            "can_record": can_record,
            "following": services.is_following(request.user, municipality),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def commitment_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One commitment with its full history; officials and the team record a status change."""
    municipality = _municipality_or_404(slug)
    commitment = get_object_or_404(
        Commitment.objects.select_related("source_document").prefetch_related("priorities"),
        pk=_pk_or_404(pk),
        municipality=municipality,
    )
    can_record = services.can_record_commitment(request.user, municipality)
    form = None
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_record:
            raise PermissionDenied(_("You may not record progress for this municipality."))
        form = StatusChangeForm(request.POST, commitment=commitment)
        if form.is_valid():
            try:
                services.status_change_record(
                    commitment=commitment, user=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The new status is recorded."))
                return redirect(
                    reverse("commitments:commitment", args=[slug, commitment.pk]) + "#geschiedenis"
                )
        status = 400
    elif can_record:
        form = StatusChangeForm(commitment=commitment)
    history = StatusChange.objects.filter(commitment=commitment).select_related("recorded_by")
    return TemplateResponse(
        request,
        "commitments/commitment_detail.html",
        {
            "municipality": municipality,
            "commitment": commitment,
            "history": history,
            "stale": commitment.status_date is not None
            and not commitment.is_final
            and commitment.status_date <= services.stale_since(),
            "form": form,
            "can_record": can_record,
            "show_recorded_by": is_project_team(request.user),
        },
        status=status,
    )


@require_POST
def follow_toggle(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = _municipality_or_404(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("commitments:municipality_commitments", args=[slug]))
    if request.POST.get("action") == "unfollow":
        services.unfollow(user=request.user, municipality=municipality)
        messages.success(
            request, _("You no longer follow %(name)s.") % {"name": municipality.title}
        )
    else:
        services.follow(user=request.user, municipality=municipality)
        messages.success(
            request,
            _("You follow %(name)s. We email you when its promises stall and before elections.")
            % {"name": municipality.title},
        )
    target = request.POST.get("next", "")
    if target not in (
        reverse("commitments:municipality_commitments", args=[slug]),
        reverse("municipalities:profile", args=[slug]),
    ):
        target = reverse("commitments:municipality_commitments", args=[slug])
    return redirect(target)


# --- national overview and open data --------------------------------------------------------------


def _terms() -> list[str]:
    return list(Commitment.objects.order_by("-term").values_list("term", flat=True).distinct())


def _filtered(request):
    form = CommitmentFilterForm(request.GET, terms=_terms())
    if not form.is_valid():
        return form, None
    queryset = form.filter(
        Commitment.objects.select_related("municipality").only(
            "pk",
            "title",
            "made_by",
            "party_name",
            "term",
            "status",
            "status_date",
            "promised_on",
            "source_title",
            "source_url",
            "municipality__title",
            "municipality__slug",
            "municipality__province",
        )
    ).order_by("municipality__title", "-promised_on", "pk")
    return form, queryset


def overview(request: HttpRequest) -> HttpResponse:
    """/toezeggingen/: every commitment in the country, filtered, as a table."""
    form, queryset = _filtered(request)
    status = 200
    page_obj = None
    totals = None
    if queryset is None:
        status = 400
    else:
        page_obj = paginate(request, queryset, OVERVIEW_PER_PAGE)
        totals = services.scoreboard_of(queryset)
    return TemplateResponse(
        request,
        "commitments/overview.html",
        {"form": form, "page_obj": page_obj, "totals": totals},
        status=status,
    )


EXPORT_FIELDS = (
    "municipality",
    "municipality_slug",
    "province",
    "title",
    "made_by",
    "party",
    "term",
    "source",
    "source_url",
    "promised_on",
    "status",
    "status_date",
    "url",
)


def _export_rows(request):
    form, queryset = _filtered(request)
    if queryset is None:
        problems = "; ".join(
            f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()
        )
        return None, _bad_request(
            _("The filters are not valid: %(problems)s") % {"problems": problems}
        )
    # Plain values, not model instances: building 7,000 page objects would take seconds.
    link = (
        request.build_absolute_uri(reverse("commitments:commitment", args=["SLUG", 1234567890]))
        .replace("1234567890", "{pk}")
        .replace("SLUG", "{slug}")
    )
    rows = [
        {
            "municipality": row["municipality__title"],
            "municipality_slug": row["municipality__slug"],
            "province": row["municipality__province"],
            "title": row["title"],
            "made_by": row["made_by"],
            "party": row["party_name"],
            "term": row["term"],
            "source": row["source_title"],
            "source_url": row["source_url"],
            "promised_on": row["promised_on"].isoformat(),
            "status": row["status"],
            "status_date": row["status_date"].isoformat() if row["status_date"] else "",
            "url": link.format(slug=row["municipality__slug"], pk=row["pk"]),
        }
        for row in queryset.values(
            "pk",
            "title",
            "made_by",
            "party_name",
            "term",
            "source_title",
            "source_url",
            "promised_on",
            "status",
            "status_date",
            "municipality__title",
            "municipality__slug",
            "municipality__province",
        )
    ]
    return rows, None


def export_csv(request: HttpRequest) -> HttpResponse:
    rows, error = _export_rows(request)
    if error:
        return error
    response = csv_response("toezeggingen.csv", bom=False)
    writer = SafeCsvDictWriter(response, fieldnames=list(EXPORT_FIELDS))
    writer.writeheader()
    writer.writerows(rows)
    return response


def export_json(request: HttpRequest) -> HttpResponse:
    rows, error = _export_rows(request)
    if error:
        return error
    return JsonResponse(
        {"count": len(rows), "commitments": rows},
        encoder=DjangoJSONEncoder,
        json_dumps_params={"ensure_ascii": False},
    )


# --- elections --------------------------------------------------------------------------------


def _election_or_404(year: int) -> Election:
    if not 1900 <= year <= 2200:
        raise Http404
    return get_object_or_404(Election, year=year)


def election_detail(request: HttpRequest, year: int) -> HttpResponse:
    """/verkiezingen/<year>/: the municipalities with parties that answered."""
    election = _election_or_404(year)
    municipalities = (
        MunicipalityPage.objects.filter(election_parties__election=election)
        .annotate(
            party_total=Count(
                "election_parties", filter=Q(election_parties__election=election), distinct=True
            )
        )
        .only("pk", "title", "slug", "province")
        .order_by("title")
    )
    return TemplateResponse(
        request,
        "commitments/election_detail.html",
        {"election": election, "municipalities": municipalities},
    )


def _comparison(election: Election, municipality: MunicipalityPage) -> dict:
    parties = list(Party.objects.filter(election=election, municipality=municipality))
    priorities = list(
        Priority.objects.filter(municipality=municipality).only("pk", "title", "explanation")
    )
    answers = {
        (answer.party_id, answer.priority_id): answer
        for answer in PartyAnswer.objects.filter(party__in=parties)
    }
    rows = [
        {
            "priority": priority,
            "cells": [answers.get((party.pk, priority.pk)) for party in parties],
        }
        for priority in priorities
    ]
    summaries = []
    for party in parties:
        counts = {choice: 0 for choice, _label in Position.choices}
        for priority in priorities:
            answer = answers.get((party.pk, priority.pk))
            counts[answer.position if answer else Position.NO_ANSWER] += 1
        summaries.append({"party": party, **counts})
    return {"parties": parties, "priorities": priorities, "rows": rows, "summaries": summaries}


@require_http_methods(["GET", "POST"])
def election_municipality(request: HttpRequest, year: int, slug: str) -> HttpResponse:
    """Each party's position on each priority of one municipality, as a table."""
    election = _election_or_404(year)
    municipality = _municipality_or_404(slug)
    new_link = None
    if request.method == "POST":
        # The team makes an answer link for a party; it is shown once.
        if not is_project_team(request.user):
            raise PermissionDenied(_("Only the project team may make answer links."))
        party_key = request.POST.get("party", "")
        if not party_key.isdigit() or not key_is_storable(Party._meta.pk, party_key):
            return _bad_request(_("Choose one of the parties."))
        party = get_object_or_404(
            Party, pk=int(party_key), election=election, municipality=municipality
        )
        raw = services.party_token_issue(party=party, user=request.user)
        new_link = {
            "party": party,
            "url": request.build_absolute_uri(reverse("commitments:party_answer", args=[raw])),
        }
    return TemplateResponse(
        request,
        "commitments/election_municipality.html",
        {
            "election": election,
            "municipality": municipality,
            "new_link": new_link,
            "is_team": is_project_team(request.user),
            **_comparison(election, municipality),
        },
    )


def _save_answers(request, party: Party, *, via_token: bool):
    """The answer form of one party, and a redirect to the comparison once saved."""
    priorities = Priority.objects.filter(municipality=party.municipality).only(
        "pk", "title", "explanation_html"
    )
    answers = {answer.priority_id: answer for answer in party.answers.all()}
    if request.method != "POST":
        return PartyAnswerForm(priorities=priorities, answers=answers), None
    form = PartyAnswerForm(request.POST, priorities=priorities, answers=answers)
    if not form.is_valid():
        return form, None
    for priority, position, explanation in form.answers():
        services.party_answer_save(
            party=party,
            priority=priority,
            position=position,
            explanation=explanation,
            user=None if via_token else request.user,
            via_token=via_token,
        )
    messages.success(request, _("Thank you. Your answers are saved and shown."))
    return form, redirect(
        reverse(
            "commitments:election_municipality",
            args=[party.election.year, party.municipality.slug],
        )
    )


@require_http_methods(["GET", "POST"])
def party_answer_by_team(request: HttpRequest, year: int, slug: str, pk: int) -> HttpResponse:
    """The team enters the answers a party sent by mail or gave by phone."""
    election = _election_or_404(year)
    municipality = _municipality_or_404(slug)
    party = get_object_or_404(
        Party.objects.select_related("election", "municipality"),
        pk=_pk_or_404(pk),
        election=election,
        municipality=municipality,
    )
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_project_team(request.user):
        raise PermissionDenied(_("Only the party itself or the project team may answer."))
    form, done = _save_answers(request, party, via_token=False)
    if done:
        return done
    return TemplateResponse(
        request,
        "commitments/party_answer.html",
        {"party": party, "election": election, "form": form, "expires_at": None},
        status=400 if form.is_bound else 200,
    )


def election_guide(request: HttpRequest, year: int) -> HttpResponse:
    """'De inclusieve gemeente in uw partijprogramma': a page that prints well."""
    election = _election_or_404(year)
    return TemplateResponse(request, "commitments/election_guide.html", {"election": election})


@require_http_methods(["GET", "POST"])
def party_answer(request: HttpRequest, token: str) -> HttpResponse:
    """A party answers the priorities of its municipality through its link; no account needed."""
    party_token = PartyToken.objects.for_raw(token)
    if party_token is None:
        return TemplateResponse(request, "commitments/party_token_invalid.html", {}, status=404)
    party = party_token.party
    form, done = _save_answers(request, party, via_token=True)
    if done:
        return done
    return TemplateResponse(
        request,
        "commitments/party_answer.html",
        {
            "party": party,
            "election": party.election,
            "form": form,
            "expires_at": party_token.expires_at,
        },
    )
