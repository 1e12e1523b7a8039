"""Helpers for tests that read a page: the status is checked before the content is trusted."""

from django.http import HttpResponse


def html_of(response: HttpResponse, status: int = 200) -> str:
    """The decoded body of a response that must have answered `status` (a 500 page fails)."""
    assert response.status_code == status, f"expected status {status}, got {response.status_code}"
    return response.content.decode()


def get_html(client, path: str, data=None, *, status: int = 200, **extra) -> str:
    """GET `path` and return its HTML, failing unless the page answered `status`."""
    return html_of(client.get(path, data, **extra), status)
