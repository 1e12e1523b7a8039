"""Places where apps above `network` contribute to pages and features below them.

A lower app names a place (for example the home page's sections); an upper app registers what it
shows there in its `AppConfig.ready`. The lower app's code and templates never name the upper
app, so imports and template includes only point down the layers (see CONTRIBUTING.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class Section:
    """A block of a page that another app fills: a template, rendered in the page's context.

    `context` (optional) receives the request and the place's keyword arguments (for example
    `page=`) and returns extra template variables, or None to leave the section out.

    `cached_on` names the apps whose data the section shows, for a section that looks the same
    to every visitor (no form, nothing about the person). Its HTML is then kept in the cache
    per place arguments and language until one of those apps is written, and at most
    `max_age` seconds (shorter for sections that change as time passes, like coming events).
    A section that differs between kinds of visitors names the kind with `variant` (called
    like `context`): a key part, or None where the section is personal and is not kept.
    Where the variant was worked out, `context` receives it as the keyword `variant`.
    """

    key: str
    template: str
    order: int = 100
    context: Callable[..., dict[str, Any] | None] | None = None
    cached_on: tuple[str, ...] = ()
    max_age: int = 60 * 60
    variant: Callable[..., str | None] | None = None


class SectionRegistry:
    """The sections registered for one place, in their order (then by key)."""

    def __init__(self, place: str) -> None:
        self.place = place
        self._sections: dict[str, Section] = {}

    def register(
        self,
        key: str,
        template: str,
        *,
        order: int = 100,
        context: Callable[..., dict[str, Any] | None] | None = None,
        cached_on: tuple[str, ...] = (),
        max_age: int = 60 * 60,
        variant: Callable[..., str | None] | None = None,
    ) -> Section:
        """Add or replace the section `key` (registering twice is harmless)."""
        section = Section(
            key=key,
            template=template,
            order=order,
            context=context,
            cached_on=cached_on,
            max_age=max_age,
            variant=variant,
        )
        self._sections[key] = section
        return section

    def unregister(self, key: str) -> None:
        self._sections.pop(key, None)

    def __iter__(self) -> Iterator[Section]:
        return iter(sorted(self._sections.values(), key=lambda s: (s.order, s.key)))

    def __len__(self) -> int:
        return len(self._sections)

    def keys(self) -> list[str]:
        return [section.key for section in self]


@dataclass(frozen=True)
class MenuEntry:
    """A link in the main menu after the page tree's own items, for a page outside the tree."""

    key: str
    label: Any  # a lazy translation
    url_name: str
    order: int = 100
    visible: Callable[[HttpRequest], bool] = field(default=lambda request: True)

    def url(self) -> str | None:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


class MenuRegistry:
    def __init__(self) -> None:
        self._entries: dict[str, MenuEntry] = {}

    def register(
        self,
        key: str,
        label: Any,
        url_name: str,
        *,
        order: int = 100,
        visible: Callable[[HttpRequest], bool] | None = None,
    ) -> MenuEntry:
        entry = MenuEntry(
            key=key,
            label=label,
            url_name=url_name,
            order=order,
            visible=visible or (lambda request: True),
        )
        self._entries[key] = entry
        return entry

    def unregister(self, key: str) -> None:
        self._entries.pop(key, None)

    def __iter__(self) -> Iterator[MenuEntry]:
        return iter(sorted(self._entries.values(), key=lambda e: (e.order, e.key)))

    def for_request(self, request: HttpRequest) -> list[dict[str, Any]]:
        """The entries this visitor may see, with their URL in the active language."""
        # Error pages raised before the authentication middleware ran (a bad Host header)
        # have no user: they show the menu as an anonymous visitor sees it.
        if not hasattr(request, "user"):
            request.user = AnonymousUser()
        items = []
        for entry in self:
            if not entry.visible(request):
                continue
            url = entry.url()
            if url is not None:
                items.append({"key": entry.key, "title": entry.label, "url": url})
        return items


# The places the foundation offers. Apps register in their AppConfig.ready().
home_sections = SectionRegistry("home")
"""Sections on the home page, below its own body (context: `page` = the HomePage)."""

profile_sections = SectionRegistry("profile")
"""Sections on a person's profile page (context: `user`)."""

main_menu = MenuRegistry()
"""Links in the main menu after the pages of the tree."""

SECTION_REGISTRIES: dict[str, SectionRegistry] = {
    "home": home_sections,
    "profile": profile_sections,
}


def section_registry(place: str) -> SectionRegistry:
    """The registry of a place, created on first use.

    Domain apps offer their own places this way (a municipality's profile, a practice page),
    so an app above them can register without the lower app knowing it.
    """
    return SECTION_REGISTRIES.setdefault(place, SectionRegistry(place))


start_sections = SectionRegistry("start")
"""Sections of a person's start page `/mijn-netwerk/` (context: `user`); a section's `context`
callable returns None when it has nothing for this person (wrong role, nothing to show)."""
SECTION_REGISTRIES["start"] = start_sections


@dataclass(frozen=True)
class InboxRow:
    """One thing waiting for someone: what it is, where it is handled, since when."""

    kind: Any  # a lazy translation naming the kind of item ("Match request")
    title: str
    url: str
    since: Any = None  # a datetime or date, shown and used for ordering (oldest first)


@dataclass(frozen=True)
class InboxSource:
    """A kind of work an app hands to a person: `rows(user)` returns only what that person
    may handle (the source does its own permission check) and `count(user)` how many."""

    key: str
    label: Any
    rows: Callable[[Any], list[InboxRow]]
    count: Callable[[Any], int]
    order: int = 100


class InboxRegistry:
    """Sources of work per person. An app registers from its `sections.py`::

        inbox.register(
            "matchcentrum-new-requests",
            _("New match requests"),
            rows=new_request_rows,  # fn(user) -> list[InboxRow], [] when not theirs to handle
            count=new_request_count,  # fn(user) -> int, 0 when not theirs to handle
            order=10,
        )

    Both callables check the person's permission themselves: the start page and the header
    show whatever they return. Keep each to one query (the start page has a budget).
    """

    def __init__(self) -> None:
        self._sources: dict[str, InboxSource] = {}

    def register(
        self,
        key: str,
        label: Any,
        *,
        rows: Callable[[Any], list[InboxRow]],
        count: Callable[[Any], int],
        order: int = 100,
    ) -> InboxSource:
        source = InboxSource(key=key, label=label, rows=rows, count=count, order=order)
        self._sources[key] = source
        return source

    def unregister(self, key: str) -> None:
        self._sources.pop(key, None)

    def __iter__(self) -> Iterator[InboxSource]:
        return iter(sorted(self._sources.values(), key=lambda s: (s.order, s.key)))

    def for_user(self, user) -> list[InboxGroup]:
        """The sources with work for this person, each with its rows (at most INBOX_ROW_LIMIT)
        and its total; `count` is only asked when the rows were cut off (saves a query each)."""
        groups = []
        for source in self:
            rows = list(source.rows(user))[:INBOX_ROW_LIMIT]
            if not rows:
                continue
            total = len(rows) if len(rows) < INBOX_ROW_LIMIT else source.count(user)
            groups.append(InboxGroup(source=source, rows=rows, total=max(total, len(rows))))
        return groups

    def total_for(self, user) -> int:
        """How many things wait for this person, over every source (the header's count)."""
        return sum(source.count(user) for source in self)


@dataclass(frozen=True)
class InboxGroup:
    """One source's rows for one person, as the start page shows them."""

    source: InboxSource
    rows: list[InboxRow]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.rows)


INBOX_ROW_LIMIT = 10
"""A source's `rows(user)` returns at most this many rows (oldest first); `count` the total."""

inbox = InboxRegistry()
"""What waits for a person (the project team's inbox, a moderator's queue, an official's
questions); apps register their sources in AppConfig.ready()."""


class HashtagRegistry:
    """Callables that return the hashtags of what is running now (a campaign, say).

    The news app registers its running campaigns; the voices app offers these hashtags when
    someone shares a voice, without either importing the other.
    """

    def __init__(self) -> None:
        self._providers: dict[str, Callable[[], list[str]]] = {}

    def register(self, key: str, provider: Callable[[], list[str]]) -> None:
        self._providers[key] = provider

    def unregister(self, key: str) -> None:
        self._providers.pop(key, None)

    def current(self) -> list[str]:
        """Every running hashtag without '#', once each, in the providers' order."""
        seen: dict[str, None] = {}
        for _key, provider in sorted(self._providers.items()):
            for tag in provider():
                seen.setdefault(tag.lstrip("#"), None)
        return list(seen)


running_hashtags = HashtagRegistry()
"""Hashtags of running campaigns (see HashtagRegistry)."""

# A campaign page (news) renders `{% render_sections "campaign" page=page hashtag=... %}`;
# the voices app registers there the voices and organisations that carry the hashtag.
campaign_sections = section_registry("campaign")

# A voice's page (voices) renders `{% render_sections "voice" voice=voice themes=themes %}`;
# an app beside voices (the practice library) can show related items there.
voice_sections = section_registry("voice")
