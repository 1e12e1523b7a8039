"""Helpers for tests that read a page: the status is checked before the content is trusted."""

from html.parser import HTMLParser

from django.http import HttpResponse


def html_of(response: HttpResponse, status: int = 200) -> str:
    """The decoded body of a response that must have answered `status` (a 500 page fails)."""
    assert response.status_code == status, f"expected status {status}, got {response.status_code}"
    return response.content.decode()


def get_html(client, path: str, data=None, *, status: int = 200, **extra) -> str:
    """GET `path` and return its HTML, failing unless the page answered `status`."""
    return html_of(client.get(path, data, **extra), status)


class _TextOutsideDutch(HTMLParser):
    """The text of a page that is not inside an element marked lang="nl"."""

    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # per open element: inside lang="nl"?
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        inherited = self.stack[-1] if self.stack else False
        lang = dict(attrs).get("lang")
        self.stack.append(lang == "nl" if lang is not None else inherited)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def outside_dutch(html: str) -> str:
    """The visible text of a page outside every element marked `lang="nl"` (WCAG 3.1.2)."""
    body = html.split("<body", 1)[1]
    parser = _TextOutsideDutch()
    parser.feed("<body" + body)
    return " ".join(" ".join(parser.parts).split())
