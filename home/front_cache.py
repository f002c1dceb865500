"""Tells the shared cache in front of the site (Varnish, deploy/varnish/) what to forget, once
the change is committed.

- Publishing, unpublishing, moving or deleting a page purges the page and every address an
  app says shows it (home.extension_points.FRONT_CACHE_LISTINGS: the home page, the archive,
  the meetings calendar, feeds, the page's group and meeting...), and bans each listing's
  query-string variants (`?page=2`, filters). A page that moves, is unpublished or deleted
  also bans everything under its old address (its children moved or went with it).
- Whatever else makes the page cache start a new generation (a snippet, a setting, a view
  restriction, any row shown on pages) bans every page, so an edited contact shows through
  Varnish as it does without it.
- Everything goes out in `transaction.on_commit`, one batch per transaction: purged before
  the commit, Varnish could fetch the old page again and keep it.

Wagtail's own frontend-cache signal handlers are not used (wagtail.contrib.frontend_cache is
not an installed app): they purge only the page's own address, and inside the transaction.
Its HTTP backend is, with BAN added (FrontCacheBackend). With WAGTAILFRONTENDCACHE empty
(`make run`, most tests) nothing is sent.
"""

import logging
import re
from http.client import HTTPException
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .extension_points import front_cache_listings
from .page_cache import is_shown_on_pages

logger = logging.getLogger(__name__)
BAN_PATTERN_HEADER = "X-Ban-Url-Pattern"
# Every stored address but static files (they change name when they change).
EVERY_PAGE_PATTERN = r"^/(?!static/)"
BAN_TIMEOUT_SECONDS = 5


class FrontCacheBackend(HTTPBackend):
    """Wagtail's HTTP backend (PURGE one address) with BAN: forget every stored address
    matching a regular expression, which the VCL checks against the path and query."""

    def __init__(self, params):
        self.location = params["LOCATION"]
        super().__init__(params)

    def purge(self, url: str) -> None:
        # Wagtail's purge logs a refused connection; a dropped one must not fail a publish either.
        try:
            super().purge(url)
        except (OSError, HTTPException) as error:
            logger.error("Could not purge %s from the front cache: %s", url, error)

    def ban(self, pattern: str) -> None:
        scheme, netloc, *_ = urlsplit(self.location)
        request = Request(
            urlunsplit((scheme, netloc, "/", "", "")),
            method="BAN",
            headers={BAN_PATTERN_HEADER: pattern},
        )
        try:
            urlopen(request, timeout=BAN_TIMEOUT_SECONDS)
        except (OSError, HTTPException) as error:  # URLError is an OSError
            logger.error("Could not ban %s in the front cache: %s", pattern, error)


def variants_pattern(path: str) -> str:
    """The address and its query-string variants: /papers/ and /papers/?page=2."""
    return "^" + re.escape(path) + r"(\?|$)"


def under_pattern(path: str) -> str:
    """Everything under an address: a moved or removed page and its children."""
    return "^" + re.escape(path)


class PendingInvalidation:
    """What one transaction asks the front cache to forget, sent once it commits."""

    def __init__(self) -> None:
        self.paths: set[str] = set()
        self.ban_patterns: set[str] = set()

    def send(self) -> None:
        if getattr(connection, "kcp_front_cache_pending", None) is self:
            connection.kcp_front_cache_pending = None
        if not self.paths and not self.ban_patterns:
            return
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        PurgeBatch(f"{base}{path}" for path in sorted(self.paths)).purge()
        for backend in get_backends().values():
            if isinstance(backend, FrontCacheBackend):
                for pattern in sorted(self.ban_patterns):
                    backend.ban(pattern)


def invalidate(paths: set[str], ban_patterns: set[str]) -> None:
    """Add to this transaction's batch, sent once it commits (at once outside a transaction);
    nothing without a front cache."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    if not connection.in_atomic_block:
        batch = PendingInvalidation()
    else:
        batch = getattr(connection, "kcp_front_cache_pending", None)
        # A batch whose transaction rolled back waits for no commit any more: start afresh.
        if batch is None or not any(
            callback == batch.send for _, callback, _ in connection.run_on_commit
        ):
            batch = PendingInvalidation()
            connection.kcp_front_cache_pending = batch
            transaction.on_commit(batch.send)
    batch.paths |= paths
    batch.ban_patterns |= ban_patterns
    if not connection.in_atomic_block:
        batch.send()


def page_path(page: Page) -> str | None:
    """The page's address on the site, without the host; None for a page outside every site."""
    parts = page.specific.get_url_parts()
    return parts[2] if parts else None


def path_of_url_path(url_path: str) -> str | None:
    """A page's address from its tree path (/home/papers/ -> /papers/), for a page that has
    moved since."""
    for site in Site.objects.select_related("root_page"):
        root = site.root_page.url_path
        if url_path.startswith(root):
            return "/" + url_path[len(root) :]
    return None


def forget_page(page: Page, *, with_everything_under: bool = False) -> None:
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    paths, patterns = set(), set()
    path = page_path(page)
    if path:
        paths.add(path)
        if with_everything_under:
            patterns.add(under_pattern(path))
    for listing in front_cache_listings(page.specific):
        paths.add(listing)
        patterns.add(variants_pattern(listing))
    invalidate(paths, patterns)


def _published(sender, instance, **kwargs) -> None:
    forget_page(instance)


def _unpublished(sender, instance, **kwargs) -> None:
    forget_page(instance, with_everything_under=True)


def _deleted(sender, instance, **kwargs) -> None:
    # Wagtail's own pre_delete receiver may already have marked it not live: forget it anyway.
    if isinstance(instance, Page):
        forget_page(instance, with_everything_under=True)


def _moved(sender, instance, url_path_before, **kwargs) -> None:
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    old_path = path_of_url_path(url_path_before)
    if old_path:
        invalidate({old_path}, {under_pattern(old_path)})
    forget_page(instance)


def _shown_content_changed(sender, instance, **kwargs) -> None:
    # A page's own rows change on every draft: publishing is what the page signals cover.
    if isinstance(instance, Page) or not is_shown_on_pages(sender, instance):
        return
    invalidate(set(), {EVERY_PAGE_PATTERN})


def connect_signals() -> None:
    page_published.connect(_published, dispatch_uid="kcp_front_cache_published")
    page_unpublished.connect(_unpublished, dispatch_uid="kcp_front_cache_unpublished")
    post_page_move.connect(_moved, dispatch_uid="kcp_front_cache_moved")
    pre_delete.connect(_deleted, dispatch_uid="kcp_front_cache_deleted")
    post_save.connect(_shown_content_changed, dispatch_uid="kcp_front_cache_saved")
    post_delete.connect(_shown_content_changed, dispatch_uid="kcp_front_cache_removed")
