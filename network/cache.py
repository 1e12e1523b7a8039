"""The site-wide content version: one token in the shared cache that every content write renews.

Whatever is cached for anonymous visitors (whole pages, exports, feeds) is stored together with
the token it was built under and served only while the token is still current. A write to any
model of the project's own apps (and to Wagtail's pages, images, documents, redirects and tags)
renews the token through Django's model signals, so an app added later is covered without
calling anything. Writes that bypass signals (`QuerySet.update`, `bulk_create`, raw SQL) call
`content_changed()` themselves.

The token lives in the shared cache (Redis or the database cache in production), so a write
handled by one worker process is seen by every other one at its next request.
"""

import threading
import uuid
from functools import cache as memoize

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

CONTENT_VERSION_KEY = "network:content-version"

# Apps outside this repository whose models show on public pages.
THIRD_PARTY_CONTENT_APPS = frozenset(
    {
        "wagtailcore",
        "wagtailimages",
        "wagtaildocs",
        "wagtailredirects",
        "wagtailembeds",
        "wagtailsearchpromotions",
        "taggit",
    }
)

# Bookkeeping: written often, never shown to anonymous visitors as such. Publishing a
# revision sends its own signals (page_published), so revisions themselves don't count.
BOOKKEEPING_MODELS = frozenset(
    {
        "wagtailcore.revision",
        "wagtailcore.pagelogentry",
        "wagtailcore.modellogentry",
        "wagtailcore.referenceindex",
        "wagtailcore.taskstate",
        "wagtailcore.workflowstate",
        "wagtailcore.pagesubscription",
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtailcore.uploadedfile",
        "wagtailimages.rendition",
        "forum.digestitem",
    }
)

# Saves that only touch these fields change nothing a visitor sees (a login updates last_login).
BOOKKEEPING_FIELDS = frozenset({"last_login"})

_local = threading.local()


def content_version() -> str:
    """The content token that applies to this thread's reads (see `effective_token`)."""
    return effective_token(shared_token())


def shared_token() -> str:
    """The token in the shared cache; created when missing (first use, or evicted)."""
    return _shared_tokens([CONTENT_VERSION_KEY])[CONTENT_VERSION_KEY]


# Token keys asked for in this process so far: a request reads them all at its first need.
_known_keys = {CONTENT_VERSION_KEY}


def _shared_tokens(keys: list[str], extra: list[str] = ()) -> dict:
    """These tokens from the shared cache (created when missing), plus the `extra` keys' values.

    Within a request (`RequestTokensMiddleware`) the tokens are read once, in one round trip
    for every token this process has used: with the database cache each read is a query, and
    a page asks for ten or more. Reading them at the request's first need is safe: whatever the
    request reads from the database afterwards is at least as new as the tokens. A write in
    this request renews the remembered tokens too (`_renew`).
    """
    memo = getattr(_local, "memo", None)
    found: dict = {}
    if memo is not None:
        found = {key: memo[key] for key in keys if key in memo}
    missing = [key for key in keys if key not in found]
    if missing or extra:
        _known_keys.update(missing)
        wanted = missing
        if memo is not None:
            wanted = [key for key in tuple(_known_keys) if key not in memo]
        fetched = cache.get_many([*wanted, *extra])
        for key in keys:
            if key not in found and key not in fetched:
                token = _new_token()
                fetched[key] = (
                    token if cache.add(key, token, timeout=None) else cache.get(key, token)
                )
        if memo is not None:
            memo.update({key: fetched[key] for key in wanted if key in fetched})
        found.update(fetched)
    return found


def read_with_token(key: str):
    """The shared token and the value of another key, in one round trip when possible."""
    found = _shared_tokens([CONTENT_VERSION_KEY], extra=[key])
    return found[CONTENT_VERSION_KEY], found.get(key)


class RequestTokensMiddleware:
    """Remembers the shared tokens for the length of one request (see `_shared_tokens`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _local.memo = {}
        try:
            return self.get_response(request)
        finally:
            _local.memo = None


def effective_token(shared: str) -> str:
    """The shared token, unless this thread wrote content in the transaction still open.

    Such a thread reads its own uncommitted writes, so it gets a private token, renewed at each
    write, until the commit renews the shared one. Nothing it caches can be served to others.
    """
    connection = transaction.get_connection()
    block = getattr(_local, "block", None)
    if block is not None and connection.atomic_blocks and connection.atomic_blocks[0] is block:
        return _local.token
    return shared


def _new_token() -> str:
    # Unique rather than a counter: two writers can never set the same token again, so a page
    # stored under an older token can never become current by accident.
    return uuid.uuid4().hex


def app_token(*app_labels: str) -> str:
    """A key part for fragments built from these apps' data only: changes when one is written.

    Narrower than the site-wide token, so a fragment (a profile's matches, the agenda's filter
    form) survives writes elsewhere and helps the pages the page cache does not hold.
    """
    keys = [f"{CONTENT_VERSION_KEY}:{label}" for label in app_labels]
    found = _shared_tokens(keys)
    return effective_token("-".join(found[key] for key in keys))


def _renew(app_labels=()) -> None:
    tokens = {CONTENT_VERSION_KEY: _new_token()}
    tokens.update({f"{CONTENT_VERSION_KEY}:{label}": _new_token() for label in app_labels})
    cache.set_many(tokens, timeout=None)
    memo = getattr(_local, "memo", None)
    if memo is not None:
        memo.update(tokens)
    _local.block = None


def renew_all() -> None:
    """Renew every token at once, whatever transaction is open: for tests and data resets."""
    _renew([config.label for config in apps.get_app_configs()])


def _renew_on_commit() -> None:
    _renew(getattr(_local, "pending_labels", ()))
    _local.pending_labels = set()


def content_changed(*, using: str | None = None, app_label: str = "") -> None:
    """Make everything cached for visitors stale: call after a write that sends no model signal.

    `app_label` names the app written to, for fragments keyed by `app_token`. Outside a
    transaction the tokens are renewed at once. Inside one they are renewed when it commits
    (other processes only see the write then; once per transaction), and until then this
    thread reads under a private token, without writing to the shared cache in the transaction
    (with the database cache that would lock the token's row).
    """
    labels = {app_label} if app_label else set()
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        _renew(labels)
        return
    if getattr(_local, "block", None) is not connection.atomic_blocks[0]:
        # A new transaction: what a rolled-back one wrote never happened.
        _local.pending_labels = set()
    _local.pending_labels = getattr(_local, "pending_labels", set()) | labels
    if not any(func is _renew_on_commit for _sids, func, _robust in connection.run_on_commit):
        transaction.on_commit(_renew_on_commit, using=using)
    _local.block = connection.atomic_blocks[0]
    _local.token = _new_token()


@memoize
def _shows_content(model: type[models.Model]) -> bool:
    """Whether a write to this model can change what a public page, export or feed shows."""
    meta = model._meta
    try:
        registered = apps.get_registered_model(meta.app_label, meta.model_name)
    except LookupError:
        return False
    if registered is not model:
        return False  # a migration's historical model
    if meta.label_lower in BOOKKEEPING_MODELS or meta.label_lower in getattr(
        settings, "CONTENT_CACHE_BOOKKEEPING_MODELS", ()
    ):
        return False
    if meta.app_label in THIRD_PARTY_CONTENT_APPS:
        return True
    return _is_project_app(meta.app_label)


@memoize
def _is_project_app(app_label: str) -> bool:
    """An app of this repository (not an installed package): domain apps, now and later."""
    try:
        path = apps.get_app_config(app_label).path
    except LookupError:  # Django's own migration recorder has no app
        return False
    return path.startswith(str(settings.BASE_DIR)) and "site-packages" not in path


@receiver(post_save, dispatch_uid="network.cache.saved")
def _model_saved(sender, update_fields=None, raw=False, using=None, **kwargs) -> None:
    if raw or not _shows_content(sender):
        return
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    content_changed(using=using, app_label=sender._meta.app_label)


@receiver(post_delete, dispatch_uid="network.cache.deleted")
def _model_deleted(sender, using=None, **kwargs) -> None:
    if _shows_content(sender):
        content_changed(using=using, app_label=sender._meta.app_label)


@receiver(m2m_changed, dispatch_uid="network.cache.m2m")
def _relation_changed(sender, instance, action, using=None, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    for model in (sender, type(instance)):
        if _shows_content(model):
            content_changed(using=using, app_label=model._meta.app_label)


@receiver(page_published, dispatch_uid="network.cache.published")
@receiver(page_unpublished, dispatch_uid="network.cache.unpublished")
@receiver(post_page_move, dispatch_uid="network.cache.moved")
def _page_changed(sender, instance=None, **kwargs) -> None:
    content_changed(app_label=instance._meta.app_label if instance is not None else "")
