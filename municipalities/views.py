"""The overview and profiles (found in one query, served like any page) and the open data exports."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from network.serving import serve_page

from .forms import MunicipalityContactForm, MunicipalityFilterForm
from .models import MunicipalityIndexPage, MunicipalityPage
from .overview import filtered_rows
from .services import can_record_lia_status, municipality_contact_update

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
)


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
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="gemeenten.csv"'
    writer = csv.DictWriter(response, fieldnames=[column for column, _field in EXPORT_COLUMNS])
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return response


def export_json(request: HttpRequest) -> HttpResponse:
    """All matching municipalities as JSON, with the source of the reference data."""
    rows, error = _export_rows(request)
    if error:
        return error
    payload = {
        "source": "Iedereen doet mee!; CBS / PDOK, CBS Gebiedsindelingen (CC BY 4.0)",
        "count": len(rows),
        "municipalities": rows,
    }
    return JsonResponse(
        payload, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False}
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
                willing_to_be_asked=form.cleaned_data["willing_to_be_asked"],
                lia_document_file=form.cleaned_data.get("lia_document_file"),
            )
            messages.success(request, _("The contact details have been saved."))
            return redirect(reverse("municipalities:profile", args=[municipality.slug]))
        return render(request, "municipalities/contact_edit.html", context, status=400)
    return render(request, "municipalities/contact_edit.html", context)
