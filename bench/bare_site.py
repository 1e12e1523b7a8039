"""The yardstick of the HTTP bench: a bare Django view that returns a fixed 5 KB page.

Served by the same gunicorn with the same workers as the site: `bench.bare_site:application`.
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, HttpResponse
from django.urls import path

PAGE = (
    "<!doctype html><html lang='nl'><title>Kaal</title><p>" + "x" * 5000 + "</p></html>"
).encode()


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("", bare)]

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-bare-site-only-not-a-secret",  # noqa: S106
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)
application = get_wsgi_application()
