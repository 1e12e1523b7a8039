"""The overview and profiles (found in one query, served like any page) and the open data exports."""

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from network.serving import serve_page
from network.spreadsheets import SafeCsvDictWriter, csv_response

from .forms import MunicipalityFilterForm
from .models import MunicipalityIndexPage, MunicipalityPage
from .overview import filtered_rows

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
    response = csv_response("gemeenten.csv", bom=False)
    writer = SafeCsvDictWriter(response, fieldnames=[column for column, _field in EXPORT_COLUMNS])
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
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
