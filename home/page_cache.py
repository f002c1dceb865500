"""A cache of what anonymous visitors see, safe by construction.

- Only GET requests without a session or messages cookie are answered from it, so nobody who
  is signed in (or has a password-restricted page unlocked, or a message waiting) ever gets a
  cached page, and their own pages are never stored.
- A response is stored only when it is a plain 200 page, feed or calendar that sets no
  cookie and holds no form with a CSRF token, so nobody gets someone else's form.
- Every key includes a "generation" kept in the default (shared, database) cache. Publishing,
  unpublishing, moving or deleting a page, a change to a view restriction or to any snippet or
  setting, makes a new generation: everything cached before is never read again, in every
  process at once. Each process keeps the generation it last read in memory and reads it
  again at most every KCP_PAGE_CACHE_GENERATION_CHECK_SECONDS, so a hit costs no database
  round trip; the process that makes a new generation takes it at once, once the change is
  committed, and every other process within that interval.
- The key ignores tracking parameters (`utm_*`): a link shared in an alert or a newsletter is
  served from the same entry as the plain address.
"""

import contextvars
import hashlib
import time
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache, caches
from django.db import DatabaseError, connection, transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "kcp:page-cache:generation"
CACHE_ALIAS = "pages"
EXCLUDED_PREFIXES = ("/admin/", "/accounts/", "/documents/", "/django-admin/")
STORED_CONTENT_TYPES = (
    "text/html",
    "application/atom+xml",
    "application/rss+xml",
    "application/xml",
    "text/xml",
    "text/calendar",
    "text/plain",
)
# Apps whose rows show on public pages: each app adds its own label, from its ready().
_apps_shown_on_pages: set[str] = set()
# Models of those apps that never show on a page (the outbox, job records): their rows change
# all the time, and each change would otherwise empty the whole cache.
_models_never_shown: set[type] = set()
MODELS_SHOWN_ON_PAGES = (Page, PageViewRestriction, CollectionViewRestriction, Site)
HIT_HEADER = "X-Page-Cache"
TRACKING_PARAMETER_PREFIX = "utm_"

# (generation, time.monotonic() when it was read): one tuple, so a thread reading it never
# sees the value of one read with the time of another.
_generation_in_memory: tuple[str | None, float] = (None, 0.0)
# The generation a request read first, kept for the rest of it (a one-item list, filled on
# first use): one request sees one generation, and reads it at most once.
_generation_of_request: contextvars.ContextVar[list] = contextvars.ContextVar("kcp_generation")


def cache_seconds() -> int:
    return int(getattr(settings, "KCP_PAGE_CACHE_SECONDS", 0) or 0)


def start_new_generation(**kwargs) -> None:
    """Forget every cached page (signal receiver: takes and ignores the signal's arguments).
    Data migrations publish pages before `migrate` has made the cache table: then no page can
    be cached either, and the savepoint keeps the migration's transaction usable."""
    generation = uuid.uuid4().hex
    try:
        with transaction.atomic():
            cache.set(GENERATION_KEY, generation, timeout=None)
    except DatabaseError:
        if not _is_migrating():
            raise
        return
    # The rest of this request sees its own change; other requests in this process see it
    # only once committed: until then another thread could still render the old content and
    # store it under the new generation.
    pinned = _generation_of_request.get(None)
    if pinned is not None:
        pinned[:] = [generation]
    transaction.on_commit(lambda: _remember_generation(generation))


def _remember_generation(generation: str) -> None:
    global _generation_in_memory
    _generation_in_memory = (generation, time.monotonic())


def _is_migrating() -> bool:
    return "kcp_cache" not in connection.introspection.table_names()


def ensure_generation() -> str:
    """The current generation; a new one if the shared cache lost it (culled or cleared), so
    a page cached before can never come back."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def forget_pages_when_app_changes(*app_labels: str) -> None:
    """Register apps whose rows (snippets, settings, records shown beside pages) show on
    public pages: saving or deleting any of their rows forgets every cached page."""
    _apps_shown_on_pages.update(app_labels)


def keep_pages_when_model_changes(*models: type) -> None:
    """Exempt models of an app registered above whose rows never show on a page."""
    _models_never_shown.update(models)


def apps_shown_on_pages() -> frozenset[str]:
    return frozenset(_apps_shown_on_pages)


def current_generation() -> str:
    """The generation this process last read, read again from the shared cache when it is
    older than KCP_PAGE_CACHE_GENERATION_CHECK_SECONDS (0: on every call, as in tests)."""
    pinned = _generation_of_request.get(None)
    if pinned:
        return pinned[0]
    generation, read_at = _generation_in_memory
    interval = float(getattr(settings, "KCP_PAGE_CACHE_GENERATION_CHECK_SECONDS", 0))
    if generation is None or time.monotonic() - read_at >= interval:
        generation = ensure_generation()
        _remember_generation(generation)
    if pinned is not None:
        pinned.append(generation)
    return generation


def is_shown_on_pages(sender, instance) -> bool:
    """Whether saving or deleting this row may change what a public page shows."""
    return isinstance(instance, MODELS_SHOWN_ON_PAGES) or (
        sender._meta.app_label in _apps_shown_on_pages and sender not in _models_never_shown
    )


def _forget_pages_when_shown_content_changes(sender, instance, **kwargs) -> None:
    if is_shown_on_pages(sender, instance):
        start_new_generation()


def connect_signals() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(start_new_generation, dispatch_uid=f"kcp_page_cache_{id(signal)}")
    for signal in (post_save, post_delete):
        signal.connect(
            _forget_pages_when_shown_content_changes,
            dispatch_uid=f"kcp_page_cache_{id(signal)}",
        )


def is_anonymous_request(request) -> bool:
    """No session (so nobody signed in, no unlocked page), no message waiting, no credentials."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def may_answer_from_cache(request) -> bool:
    return (
        cache_seconds() > 0
        and request.method == "GET"
        and not request.path.startswith(EXCLUDED_PREFIXES)
        and is_anonymous_request(request)
    )


def may_store(request, response) -> bool:
    user = getattr(request, "user", None)
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not (user is not None and user.is_authenticated)
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and response.get("Content-Type", "").startswith(STORED_CONTENT_TYPES)
        and set(_vary(response)) <= {"cookie", "accept-encoding"}
        and b"csrfmiddlewaretoken" not in response.content
    )


def _vary(response) -> list[str]:
    return [part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()]


def cache_key(request, generation: str) -> str:
    query = [
        (name, value)
        for name, values in request.GET.lists()
        if not name.lower().startswith(TRACKING_PARAMETER_PREFIX)
        for value in values
    ]
    address = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(query)}"
    return f"kcp:page:{generation}:{hashlib.sha256(address.encode()).hexdigest()}"


class AnonymousPageCacheMiddleware:
    """Answers anonymous visitors from the page cache. Placed before the session middleware,
    so its answer skips sessions, authentication and the view; its storing step runs after
    every other middleware has added its headers and cookies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pinned = _generation_of_request.set([])
        try:
            return self._answer(request)
        finally:
            _generation_of_request.reset(pinned)

    def _answer(self, request):
        if not may_answer_from_cache(request):
            return self.get_response(request)
        pages = caches[CACHE_ALIAS]
        key = cache_key(request, current_generation())
        cached = pages.get(key)
        if cached is not None:
            cached[HIT_HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if may_store(request, response):
            pages.set(key, response, cache_seconds())
            response[HIT_HEADER] = "miss"
        return response
