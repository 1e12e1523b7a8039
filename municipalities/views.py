"""The overview and profiles (found in one query, served like any page) and the open data exports."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from network.models import StandardPage
from network.roles import is_project_team
from network.serving import serve_page
from network.spreadsheets import SafeCsvDictWriter, csv_response

from .contact import MunicipalityContactForm
from .forms import (
    MunicipalityFilterForm,
    RouteProgressForm,
    StakeholderForm,
)
from .models import (
    MANIFEST_LAPSED_ON,
    MunicipalityIndexPage,
    MunicipalityPage,
    RouteProgressEntry,
    RouteStatus,
    RouteStep,
    RouteStepState,
    Stakeholder,
    StakeholderKind,
)
from .overview import active_municipalities, filtered_rows
from .route import municipality_route, route_steps, step_counts, stuck_municipalities
from .services import (
    can_edit_municipality,
    can_record_lia_status,
    municipality_contact_update,
    route_progress_record,
    stakeholder_delete,
    stakeholder_save,
)

INDEX_SLUG = "gemeenten"


def municipality_index(request: HttpRequest) -> HttpResponse:
    """/gemeenten/: found in one query, then served like any Wagtail page."""
    page = (
        MunicipalityIndexPage.objects.live()
        .filter(depth=3, url_path__endswith=f"/{INDEX_SLUG}/")
        .first()
    )
    return serve_page(request, page)


def municipality_profile(request: HttpRequest, slug: str) -> HttpResponse:
    """/gemeenten/<slug>/: found in one query instead of Wagtail's two per level."""
    page = (
        MunicipalityPage.objects.live()
        .filter(slug=slug, url_path__endswith=f"/{INDEX_SLUG}/{slug}/")
        .first()
    )
    return serve_page(request, page)


EXPORT_COLUMNS = (
    ("code", "cbs_code"),
    ("name", "title"),
    ("province", "province"),
    ("population", "population"),
    ("lia_status", "current_lia_status"),
    ("lia_status_date", "current_lia_status_date"),
    ("manifest_signed_on", "manifest_signed_on"),
    ("route_steps_done", "route_done"),
)


# A spreadsheet runs a cell that starts with one of these as a formula: we prefix a quote.
def _route_data(rows: list[dict]) -> tuple[list[RouteStep], dict[str, dict[int, RouteStepState]]]:
    """The steps and, per CBS code, the state of each step (two queries for all rows)."""
    steps = list(RouteStep.objects.all())
    states: dict[str, dict[int, RouteStepState]] = defaultdict(dict)
    codes = [row["code"] for row in rows]
    for state in (
        RouteStepState.objects.filter(municipality__cbs_code__in=codes)
        .select_related("municipality")
        .only("step_id", "status", "date", "municipality__cbs_code")
    ):
        states[state.municipality.cbs_code][state.step_id] = state
    return steps, states


def _export_rows(request: HttpRequest) -> tuple[list[dict] | None, HttpResponse | None]:
    form = MunicipalityFilterForm(request.GET)
    if not form.is_valid():
        problems = "; ".join(
            f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()
        )
        message = _("The filters are not valid: %(problems)s") % {"problems": problems}
        return None, HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    rows = [{column: row[field] for column, field in EXPORT_COLUMNS} for row in filtered_rows(form)]
    return rows, None


def export_csv(request: HttpRequest) -> HttpResponse:
    """All matching municipalities as CSV (UTF-8, comma-separated, ISO dates)."""
    rows, error = _export_rows(request)
    if error:
        return error
    steps, states = _route_data(rows)
    step_columns = []
    for step in steps:
        step_columns += [f"route_{step.slug}", f"route_{step.slug}_date"]
    response = csv_response("gemeenten.csv", bom=False)
    writer = SafeCsvDictWriter(
        response, fieldnames=[column for column, _field in EXPORT_COLUMNS] + step_columns
    )
    writer.writeheader()
    for row in rows:
        cells = dict(row)
        for step in steps:
            state = states[row["code"]].get(step.pk)
            cells[f"route_{step.slug}"] = state.status if state else RouteStatus.NOT_STARTED
            cells[f"route_{step.slug}_date"] = state.date.isoformat() if state else ""
        writer.writerow(cells)
    return response


def export_json(request: HttpRequest) -> HttpResponse:
    """All matching municipalities as JSON, with the source of the reference data."""
    rows, error = _export_rows(request)
    if error:
        return error
    steps, states = _route_data(rows)
    for row in rows:
        row["route_steps"] = []
        for step in steps:
            state = states[row["code"]].get(step.pk)
            row["route_steps"].append(
                {
                    "step": step.slug,
                    "title": step.title,
                    "status": state.status if state else RouteStatus.NOT_STARTED,
                    "date": state.date if state else None,
                }
            )
    payload = {
        "source": "Iedereen doet mee!; CBS / PDOK, CBS Gebiedsindelingen (CC BY 4.0)",
        "count": len(rows),
        "route_steps_total": len(steps),
        "municipalities": rows,
    }
    return JsonResponse(
        payload, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False}
    )


# The route, the stakeholder map and the manifest -------------------------------------------


def _municipality_or_404(slug: str) -> MunicipalityPage:
    page = (
        MunicipalityPage.objects.live()
        .filter(slug=slug, url_path__endswith=f"/{INDEX_SLUG}/{slug}/")
        .first()
    )
    if page is None:
        raise Http404(_("This municipality does not exist."))
    return page


def route_index(request: HttpRequest) -> HttpResponse:
    """The route to an inclusive municipality: every step, how many are there, what helps."""
    steps = route_steps()
    counts = step_counts(steps)
    items = [
        {"step": step, "number": number, **counts[step.pk]}
        for number, step in enumerate(steps, start=1)
    ]
    return TemplateResponse(
        request,
        "municipalities/route_index.html",
        {"items": items, "show_stuck_link": is_project_team(request.user)},
    )


def route_stuck(request: HttpRequest) -> HttpResponse:
    """For the project team: municipalities on the same step for more than 12 months."""
    if not is_project_team(request.user):
        raise PermissionDenied(_("Only the project team can see this page."))
    return TemplateResponse(
        request, "municipalities/route_stuck.html", {"stuck": stuck_municipalities()}
    )


@require_http_methods(["GET", "POST"])
def municipality_route_view(request: HttpRequest, slug: str) -> HttpResponse:
    """A municipality's progress on the route with its history; officials and the team record."""
    municipality = _municipality_or_404(slug)
    can_edit = can_edit_municipality(request.user, municipality)
    form = None
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied(_("You may not record route progress for this municipality."))
        form = RouteProgressForm(request.POST, request.FILES, prefix="route")
        if form.is_valid():
            data = form.cleaned_data
            route_progress_record(
                municipality=municipality,
                step=data["step"],
                status=data["status"],
                date=data["date"],
                note=data["note"],
                evidence_url=data["evidence_url"],
                evidence_file=data.get("evidence_file"),
                user=request.user,
            )
            messages.success(
                request,
                _("Recorded: %(step)s is now '%(status)s'.")
                % {"step": data["step"].title, "status": form.instance.get_status_display()},
            )
            return redirect(reverse("municipalities:route", args=[slug]) + "#route-steps")
        status = 400
    elif can_edit:
        initial = {}
        if request.GET.get("step", "").isdigit():
            initial["step"] = int(request.GET["step"])
        form = RouteProgressForm(prefix="route", initial=initial)
    steps = route_steps()
    history = (
        RouteProgressEntry.objects.filter(municipality=municipality)
        .select_related("step", "recorded_by", "evidence_document")
        .order_by("-date", "-recorded_at", "-pk")
    )
    return TemplateResponse(
        request,
        "municipalities/municipality_route.html",
        {
            "municipality": municipality,
            "route": municipality_route(municipality, steps),
            "history": history,
            "form": form,
            "can_edit": can_edit,
            "show_recorded_by": is_project_team(request.user),
        },
        status=status,
    )


def _stakeholder_groups(municipality: MunicipalityPage) -> list[dict]:
    by_kind: dict[str, list[Stakeholder]] = {kind: [] for kind in StakeholderKind.values}
    for stakeholder in municipality.stakeholders.order_by("name", "pk"):
        by_kind[stakeholder.kind].append(stakeholder)
    return [
        {"kind": kind, "label": label, "people": by_kind[kind], "number": number}
        for number, (kind, label) in enumerate(StakeholderKind.choices, start=1)
    ]


# Grid cells (row, column) of the kinds around the municipality in the middle cell (2, 2).
DIAGRAM_CELLS = [(1, 1), (1, 2), (1, 3), (2, 3), (3, 3), (3, 2), (3, 1), (2, 1)]


def _diagram(groups: list[dict]) -> list[dict]:
    """The kinds placed clockwise around the municipality, for the CSS grid diagram."""
    return [
        {**group, "row": row, "column": column}
        for group, (row, column) in zip(groups, DIAGRAM_CELLS, strict=True)
    ]


@require_http_methods(["GET", "POST"])
def stakeholder_map(request: HttpRequest, slug: str) -> HttpResponse:
    """Who works on inclusion in a municipality, by kind; officials and the team add people."""
    municipality = _municipality_or_404(slug)
    can_edit = can_edit_municipality(request.user, municipality)
    form = StakeholderForm(prefix="stakeholder") if can_edit else None
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied(_("You may not edit the stakeholder map of this municipality."))
        form = StakeholderForm(request.POST, prefix="stakeholder")
        if form.is_valid():
            stakeholder = stakeholder_save(
                municipality=municipality, user=request.user, **form.cleaned_data
            )
            messages.success(request, _("%(name)s is on the map.") % {"name": stakeholder.name})
            return redirect(reverse("municipalities:stakeholders", args=[slug]))
        status = 400
    groups = _stakeholder_groups(municipality)
    return TemplateResponse(
        request,
        "municipalities/stakeholder_map.html",
        {
            "municipality": municipality,
            "groups": groups,
            "diagram": _diagram(groups),
            "form": form,
            "can_edit": can_edit,
            "total": sum(len(group["people"]) for group in groups),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def stakeholder_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    municipality = _municipality_or_404(slug)
    stakeholder = get_object_or_404(Stakeholder, pk=pk, municipality=municipality)
    if not can_edit_municipality(request.user, municipality):
        raise PermissionDenied(_("You may not edit the stakeholder map of this municipality."))
    status = 200
    if request.method == "POST" and "delete" in request.POST:
        stakeholder_delete(stakeholder=stakeholder, user=request.user)
        messages.success(request, _("%(name)s is off the map.") % {"name": stakeholder.name})
        return redirect(reverse("municipalities:stakeholders", args=[slug]))
    if request.method == "POST":
        form = StakeholderForm(request.POST, prefix="stakeholder", instance=stakeholder)
        if form.is_valid():
            stakeholder_save(
                municipality=municipality,
                stakeholder=stakeholder,
                user=request.user,
                **form.cleaned_data,
            )
            messages.success(request, _("The changes are saved."))
            return redirect(reverse("municipalities:stakeholders", args=[slug]))
        status = 400
    else:
        form = StakeholderForm(prefix="stakeholder", instance=stakeholder)
    return TemplateResponse(
        request,
        "municipalities/stakeholder_form.html",
        {"municipality": municipality, "stakeholder": stakeholder, "form": form},
        status=status,
    )


def stakeholder_template(request: HttpRequest) -> HttpResponse:
    """A blank stakeholder map to print and fill in, for a municipality that starts."""
    groups = [
        {"kind": kind, "label": label, "people": [], "number": number}
        for number, (kind, label) in enumerate(StakeholderKind.choices, start=1)
    ]
    return TemplateResponse(
        request,
        "municipalities/stakeholder_template.html",
        {"groups": groups, "diagram": _diagram(groups)},
    )


def manifest(request: HttpRequest) -> HttpResponse:
    """The manifest 'Iedereen doet mee!': what it said, who drew it up and who signed it."""
    signatories = list(
        active_municipalities()
        .filter(manifest_signed_on__isnull=False)
        .order_by("manifest_signed_on", "title")
        .only("title", "slug", "url_path", "manifest_signed_on", "manifest_initiator")
    )
    base = reverse("municipalities:index")
    for page in signatories:
        page.profile_url = f"{base}{page.slug}/"
    # Editors write the manifest's texts (introduction, easy language, NGT, English) on the
    # standard page at this address; this view adds the facts the database knows.
    text = StandardPage.objects.live().filter(slug="manifest", depth=3).first()
    return TemplateResponse(
        request,
        "municipalities/manifest.html",
        {
            "text": text,
            "initiators": [page for page in signatories if page.manifest_initiator],
            "signatories": signatories,
            "lapsed_on": MANIFEST_LAPSED_ON,
            "filter_url": f"{base}?manifest=yes",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """An official keeps their municipality's contact, LIA document and 'open to questions'."""
    municipality = get_object_or_404(MunicipalityPage.objects.live(), slug=slug)
    if not can_record_lia_status(request.user, municipality):
        raise PermissionDenied(
            _(
                "Only the officials of %(name)s and the project team can change its contact "
                "details. Are you an official there? Ask the project team to link your account."
            )
            % {"name": municipality.title}
        )
    form = MunicipalityContactForm(
        request.POST or None, request.FILES or None, instance=municipality
    )
    context = {"form": form, "municipality": municipality}
    if request.method == "POST":
        if form.is_valid():
            municipality_contact_update(
                municipality=municipality,
                user=request.user,
                inclusion_contact_name=form.cleaned_data["inclusion_contact_name"],
                inclusion_contact_email=form.cleaned_data["inclusion_contact_email"],
                lia_document_url=form.cleaned_data["lia_document_url"],
                lia_summary=form.cleaned_data["lia_summary"],
                lia_summary_easy_read=form.cleaned_data["lia_summary_easy_read"],
                willing_to_be_asked=form.cleaned_data["willing_to_be_asked"],
                lia_document_file=form.cleaned_data.get("lia_document_file"),
            )
            messages.success(request, _("The contact details have been saved."))
            return redirect(reverse("municipalities:profile", args=[municipality.slug]))
        return render(request, "municipalities/contact_edit.html", context, status=400)
    return render(request, "municipalities/contact_edit.html", context)
