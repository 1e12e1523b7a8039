"""The overview and profiles (served by Wagtail, found in one query) and the open data exports."""

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from wagtail.views import serve

from network.spreadsheets import SafeCsvDictWriter, csv_response

from .forms import MunicipalityFilterForm
from .models import MunicipalityIndexPage, MunicipalityPage
from .overview import filtered_rows

INDEX_SLUG = "gemeenten"


def _serve_found(request: HttpRequest, page, path: str) -> HttpResponse:
    """Hand the page to Wagtail's own serve view, with its routing result filled in.

    Wagtail routes /gemeenten/<slug>/ level by level (two queries per level); one query finds the
    page. Everything else (view restrictions, serve hooks, 404s) stays Wagtail's.
    """
    if page is not None:
        request._wagtail_route_for_request = (page, [], {})
    return serve(request, path)


def municipality_index(request: HttpRequest) -> HttpResponse:
    page = (
        MunicipalityIndexPage.objects.live()
        .filter(depth=3, url_path__endswith=f"/{INDEX_SLUG}/")
        .first()
    )
    return _serve_found(request, page, f"{INDEX_SLUG}/")


def municipality_profile(request: HttpRequest, slug: str) -> HttpResponse:
    page = (
        MunicipalityPage.objects.live()
        .filter(slug=slug, url_path__endswith=f"/{INDEX_SLUG}/{slug}/")
        .first()
    )
    return _serve_found(request, page, f"{INDEX_SLUG}/{slug}/")


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
