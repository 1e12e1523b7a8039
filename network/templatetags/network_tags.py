"""Template tags of the foundation: navigation, breadcrumbs, language switch, dates and page helpers."""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.urls import reverse, translate_url
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from network import registry
from network.cache import app_token
from network.dates import local_datetime_text
from network.lookups import site_for_request
from network.models import EnglishContent

register = template.Library()


@register.simple_tag(name="app_token")
def app_token_tag(*app_labels: str) -> str:
    """A key part for `{% cache %}` fragments built from these apps' data (network.cache)."""
    return app_token(*app_labels)


MENU_CACHE_KEY = "network:main-menu:{site_id}:{language}"


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[dict]:
    """The home page's live, public children marked 'show in menus'.

    Cached per site and language (every page shows the menu); publishing, moving or deleting
    a page clears it (network.signals).
    """
    request: HttpRequest | None = context.get("request")
    if request is None:
        return []
    site = site_for_request(request)
    if site is None:
        return []
    key = MENU_CACHE_KEY.format(site_id=site.pk, language=get_language())
    items = cache.get(key)
    if items is None:
        root = Page.objects.only("path", "depth").get(pk=site.root_page_id)
        pages = (
            root.get_children()
            .live()
            .public()
            .in_menu()
            .only("id", "title", "url_path", "depth", "path", "slug")
        )
        if get_language() != settings.LANGUAGE_CODE:
            # English titles live on the specific pages: a query per page type, then cached.
            pages = pages.specific()
        items = [
            {
                "title": _in_language(page, "title"),
                "lang": _dutch_lang(page, "title"),
                "url": page.get_url(request),
                "path": page.path,
            }
            for page in pages
        ]
        cache.set(key, items, 60 * 60)
    return items


def _in_language(obj, field: str) -> str:
    if isinstance(obj, EnglishContent):
        return obj.in_language(field)
    return getattr(obj, field)


def _dutch_lang(obj, field: str) -> str:
    """ "nl" where a visitor in another language sees Dutch text, else "".

    Text of an object without translations (or no object) is Dutch; an `EnglishContent` field
    is Dutch only where it has no English.
    """
    if get_language() == settings.LANGUAGE_CODE:
        return ""
    if isinstance(obj, EnglishContent) and not obj.shows_dutch(field):
        return ""
    return settings.LANGUAGE_CODE


def clear_menu_cache() -> None:
    cache.delete_many(
        [
            MENU_CACHE_KEY.format(site_id=site_id, language=code)
            for site_id in Site.objects.values_list("pk", flat=True)
            for code, _name in settings.LANGUAGES
        ]
    )


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
def is_active_section(page: Page | None, menu_item: dict) -> bool:
    if page is None or not hasattr(page, "path"):
        return False
    return page.path.startswith(menu_item["path"])


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


@register.simple_tag(takes_context=True)
def render_sections(context, place: str, **kwargs) -> str:
    """Render every section registered for a place, in order, in the current context.

    Each section's template sees the page's context plus the tag's keyword arguments and
    whatever its `context` callable returns (None leaves the section out).
    """
    request = context.get("request")
    engine = context.template.engine
    sections = list(registry.section_registry(place))
    # Never kept in a preview: a draft's sections must not be shown to visitors.
    keep = not getattr(request, "is_preview", False)
    keys = {}
    variants = {}  # handed to the section's context, which need not work it out again
    for section in sections:
        if not section.cached_on or not keep:
            continue
        variant = "" if section.variant is None else section.variant(request=request, **kwargs)
        if section.variant is not None:
            variants[section.key] = variant
        if variant is not None:
            keys[section.key] = _section_cache_key(place, section, request, kwargs, variant)
    # One round trip for every kept section of the place.
    kept = cache.get_many(list(keys.values())) if keys else {}
    parts = []
    for section in sections:
        key = keys.get(section.key)
        if key in kept:
            parts.append(kept[key])
            continue
        html = ""
        extra = dict(kwargs)
        arguments = (
            kwargs if section.key not in variants else {**kwargs, "variant": variants[section.key]}
        )
        values = {} if section.context is None else section.context(request=request, **arguments)
        if values is not None:
            extra.update(values)
            template = engine.get_template(section.template)
            with context.push(**extra):
                html = template.render(context)
        if key is not None:
            cache.set(key, html, section.max_age)
        parts.append(html)
    return mark_safe("".join(parts))  # noqa: S308 - each part is an autoescaped template


def _section_cache_key(
    place: str, section, request: HttpRequest | None, kwargs: dict, variant: str
) -> str:
    """Where a section's HTML is kept: per place arguments, kind of visitor, language, site and
    data version."""
    arguments = ",".join(
        f"{name}={getattr(value, 'pk', value)}" for name, value in sorted(kwargs.items())
    )
    site = site_for_request(request) if request is not None else None
    digest = hashlib.sha256(f"{arguments}|{variant}".encode()).hexdigest()[:32]
    return (
        f"network:section:{place}:{section.key}:{get_language()}:{getattr(site, 'pk', '')}:"
        f"{digest}:{app_token(*section.cached_on)}"
    )


@register.simple_tag(takes_context=True)
def registered_menu(context) -> list[dict]:
    """The main-menu links that apps registered, for this visitor."""
    request = context.get("request")
    if request is None:
        return []
    return registry.main_menu.for_request(request)


INBOX_CACHE_KEY = "network:inbox-total:{user_id}"
INBOX_CACHE_SECONDS = 60


@register.simple_tag(takes_context=True)
def inbox_total(context) -> int:
    """How many things wait for the signed-in person (the header's count).

    Counting asks every inbox source, so the number is kept a minute per person; the start
    page itself always shows the current rows and hands its fresh total to the header.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or not getattr(user, "is_authenticated", False):
        return 0
    key = INBOX_CACHE_KEY.format(user_id=user.pk)
    total = getattr(request, "inbox_total", None)
    if total is None:
        total = cache.get(key)
        if total is not None:
            return total
        total = registry.inbox.total_for(user)
    cache.set(key, total, INBOX_CACHE_SECONDS)
    return total


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, *trail, page: Page | None = None) -> dict:
    """The trail from the home page to here, the last crumb marked as the current page.

    `{% breadcrumbs page=page %}` follows a Wagtail page's ancestors (one query; nothing on the
    home page itself). `{% breadcrumbs label url label url ... %}` takes a known trail without a
    query: a url may be a Page, an empty url makes a crumb without link, and a pair with an empty
    label is left out, so optional levels can be passed as they are.
    """
    request: HttpRequest | None = context.get("request")
    pairs: list[tuple[str, object]] = []
    if page is not None:
        if page.depth <= 2:
            return {"crumbs": []}
        ancestors = page.get_ancestors().filter(depth__gt=2)
        if get_language() != settings.LANGUAGE_CODE:
            ancestors = ancestors.specific()  # their English titles
        pairs = [(a.title, a) for a in ancestors]
        pairs.append((page.title, page))
    pairs += list(zip(trail[::2], trail[1::2], strict=True))
    crumbs = [{"label": _("Home"), "url": reverse("wagtail_serve", args=[""]), "lang": ""}]
    for label, url in pairs:
        if not label:
            continue
        lang = _dutch_lang(None, "") if isinstance(label, DutchText) else ""
        if isinstance(url, Page):
            # A page's own title: shown in the visitor's language where it is translated.
            if label == url.title:
                label, lang = _in_language(url, "title"), _dutch_lang(url, "title")
            url = url.get_url(request)
        crumbs.append({"label": label, "url": url or "", "lang": lang})
    return {"crumbs": crumbs}


@register.filter
def local_datetime(value) -> str:
    """A moment as 01-12-2026 14:30 in Europe/Amsterdam time; empty for no value."""
    if not value:
        return ""
    return local_datetime_text(value)


@register.inclusion_tag("components/expert_badge.html")
def expert_badge(is_expert: bool) -> dict:
    """The 'ervaringsdeskundige' badge next to a name, when the person is an expert by experience.

    Pass a flag annotated with `network.roles.expert_flag`, so a list costs no extra queries.
    """
    return {"is_expert": bool(is_expert)}


class DutchText(str):
    """Text known to be Dutch whatever the visitor's language: the breadcrumbs mark it."""


@register.filter
def member_text(value) -> str:
    """What members write (a topic's title, a voice's title) is Dutch: `{{ x|member_text }}`
    for a tag that marks the language of its parts, such as the breadcrumbs."""
    return DutchText(value) if value else ""


@register.filter
def dutch(value) -> str:
    """Text that exists only in Dutch (what members, officials and the team write), inline:
    `{{ commitment.title|dutch }}` is wrapped in `<span lang="nl">` under /en/ (WCAG 3.1.2).

    Only for element content, never in an attribute or the `<title>`.
    """
    text = conditional_escape(value)
    if not text or get_language() == settings.LANGUAGE_CODE:
        return text
    return mark_safe(f'<span lang="{settings.LANGUAGE_CODE}">{text}</span>')  # noqa: S308 (escaped)


@register.filter
def content_html(obj, field: str) -> str:
    """A content field in the visitor's language, inline in other text:
    `{% blocktranslate with title=page|content_html:"title" %}`; the Dutch text where it has
    no translation, in `<span lang="nl">` (only in element content)."""
    text = content_text(obj, field)
    return dutch(text) if isinstance(text, DutchText) else conditional_escape(text)


@register.filter
def content_text(obj, field: str) -> str:
    """A content field in the visitor's language (`obj.tr`), marked Dutch where it has no
    translation; empty without an object (a template passes "" for a missing one)."""
    if not obj:
        return ""
    text = getattr(obj.tr, field) if hasattr(obj, "tr") else getattr(obj, field)
    return DutchText(text) if _dutch_lang(obj, field) else text


@register.simple_tag
def content_lang(obj=None, field: str = "") -> str:
    """` lang="nl"` on an element with editor content when the page is shown in another language.

    Pages are written in Dutch; under /en/ their untranslated text must say it is Dutch
    (WCAG 3.1.2, language of parts), so screen readers pronounce it as Dutch.
    `{% content_lang page "title" %}` leaves the mark out where the field has a translation
    (`network.models.EnglishContent`), shown with `{{ page.tr.title }}`.
    """
    lang = _dutch_lang(obj, field)
    return mark_safe(f' lang="{lang}"') if lang else ""  # noqa: S308 (a setting, no input)


@register.inclusion_tag("components/translation_notice.html")
def translation_notice(page=None) -> dict:
    """Under /en/: a notice that this page's content is in Dutch, where it has no translation."""
    shown = (
        page is not None
        and get_language() != settings.LANGUAGE_CODE
        and not (isinstance(page, EnglishContent) and page.has_english)
    )
    return {"show": shown}
