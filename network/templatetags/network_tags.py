"""Template tags of the foundation: navigation, language switch and page helpers."""

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Page]:
    """The home page's live children marked 'show in menus', once per request."""
    request: HttpRequest | None = context.get("request")
    if request is None:
        return []
    if not hasattr(request, "_main_menu"):
        site = Site.find_for_request(request)
        if site is None:
            request._main_menu = []
        else:
            request._main_menu = list(
                site.root_page.get_children()
                .live()
                .public()
                .in_menu()
                .only("id", "title", "url_path", "depth", "path", "slug")
            )
    return request._main_menu


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """Links to this same page in every other language."""
    request: HttpRequest | None = context.get("request")
    path = request.get_full_path() if request else "/"
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": translate_url(path, code),
                "current": code == current,
            }
        )
    return links


@register.filter
def is_active_section(page: Page | None, menu_page: Page) -> bool:
    if page is None or not hasattr(page, "path"):
        return False
    return page.path.startswith(menu_page.path)


@register.simple_tag(takes_context=True)
def querystring_replace(context, **kwargs) -> str:
    """The current query string with some keys replaced (None removes a key)."""
    request = context["request"]
    params = request.GET.copy()
    for key, value in kwargs.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"
