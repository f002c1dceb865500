"""What every page shows around its content, built once per site and cache generation in each
process: the site and its home page, Wagtail's site root paths, the Partnership's settings,
the main navigation and the footer's links; and the restricted sections every public listing
leaves out.

Without it each request spends about eight queries on the same answers. The generation
(home.page_cache) changes whenever a page, a view restriction, a site or a setting changes,
so what is kept here is never older than what the page cache would serve. Objects are kept
pickled and unpickled for each request, as Django's own memory cache does, so no request
ever shares (or changes) another's model instances.
"""

import pickle
import threading
from dataclasses import dataclass
from types import SimpleNamespace

from django.apps import apps
from django.db.models import Q
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from .page_cache import current_generation


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str


@dataclass(frozen=True)
class SiteChrome:
    pickled_site: bytes | None
    site_root_paths: tuple
    pickled_settings: bytes | None
    menu: tuple[MenuItem, ...]
    footer_urls: dict[str, str]


# The footer links to the one live page of each of these types, when there is one.
FOOTER_PAGE_TYPES = ("home.AccessibilityStatementPage", "home.PrivacyNoticePage")

# Host names reach here only once ALLOWED_HOSTS has accepted them; the bound is a backstop.
MAX_HOSTS_KEPT = 50

_built: dict[tuple[str, int], tuple[str, SiteChrome]] = {}
_building = threading.Lock()
_root_paths: tuple[str, tuple] = ("", ())


def site_root_paths() -> tuple:
    """Wagtail's site root paths (Site.get_site_root_paths, a database cache read each time it
    is called without a request), kept per generation."""
    global _root_paths
    generation = current_generation()
    if _root_paths[0] != generation:
        _root_paths = (generation, tuple(Site.get_site_root_paths()))
    return _root_paths[1]


# (generation, paths of the pages with a view restriction, whether any page is an alias)
_restrictions: tuple[str, tuple[str, ...], bool] = ("", (), False)


def known_restrictions() -> tuple[tuple[str, ...], bool]:
    """The paths of the pages that carry a view restriction and whether the site has any
    alias page (whose restrictions are its source's), kept per generation."""
    global _restrictions
    generation = current_generation()
    if _restrictions[0] != generation:
        paths = PageViewRestriction.objects.values_list("page__path", flat=True)
        has_aliases = Page.objects.filter(alias_of__isnull=False).exists()
        _restrictions = (generation, tuple(sorted(set(paths))), has_aliases)
    return _restrictions[1], _restrictions[2]


def public_pages_q() -> Q:
    """What Wagtail's `PageQuerySet.public()` filters on (no page in, or under, a page with a
    view restriction), from the restricted pages' paths kept per generation: `.public()`
    queries the restrictions again each time it is used, several times on most pages.
    Use as `Page.objects.live().filter(public_pages_q())`."""
    q = Q()
    for path in known_restrictions()[0]:
        q &= ~Q(path__startswith=path)
    return q


class ViewRestrictionsFromMemoryMixin:
    """For every page type: Wagtail checks a page's view restrictions (two queries) on every
    request it serves; when no restricted section contains the page, and no alias could
    bring one in, the answer is known without asking the database."""

    def get_view_restrictions(self):
        restricted_paths, has_aliases = known_restrictions()
        if not has_aliases and not self.path.startswith(restricted_paths):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def chrome_for(hostname: str, port: int) -> SiteChrome:
    generation = current_generation()
    kept = _built.get((hostname, port))
    if kept is not None and kept[0] == generation:
        return kept[1]
    with _building:
        chrome = _build(hostname, port)
        if len(_built) >= MAX_HOSTS_KEPT:
            _built.clear()
        _built[(hostname, port)] = (generation, chrome)
    return chrome


def _build(hostname: str, port: int) -> SiteChrome:
    root_paths = site_root_paths()
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return SiteChrome(None, root_paths, None, (), {})
    site.root_page = site.root_page.specific
    # Page.get_url reads the site and the root paths from what it is given as the request.
    urls_for = SimpleNamespace(_wagtail_site=site, _wagtail_cached_site_root_paths=root_paths)
    menu = tuple(
        MenuItem(page.title, page.get_url(urls_for) or "")
        for page in site.root_page.get_children()
        .live()
        .filter(public_pages_q())
        .in_menu()
        .only("title", "url_path")
    )
    footer_urls = {}
    for page_type in FOOTER_PAGE_TYPES:
        model = apps.get_model(page_type)
        page = model.objects.live().filter(public_pages_q()).only("url_path").first()
        if page is not None:
            footer_urls[page_type] = page.get_url(urls_for) or ""
    settings = apps.get_model("home", "PartnershipSettings").for_site(site)
    return SiteChrome(pickle.dumps(site), root_paths, pickle.dumps(settings), menu, footer_urls)


class SiteChromeMiddleware:
    """Gives each request its site (with the home page) and Wagtail's site root paths from
    the chrome, where Wagtail would look them up: `request._wagtail_site` and
    `request._wagtail_cached_site_root_paths` are the attributes Site.find_for_request and
    Page.get_url cache their answers in (Wagtail 8)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chrome = chrome_for_request(request)
        if chrome.pickled_site is not None:
            request._wagtail_site = pickle.loads(chrome.pickled_site)
        request._wagtail_cached_site_root_paths = chrome.site_root_paths
        return self.get_response(request)


def chrome_for_request(request) -> SiteChrome:
    hostname = split_domain_port(request._get_raw_host())[0]
    return chrome_for(hostname, request.get_port())


def settings_for_request(request):
    """A fresh copy of the Partnership's settings for this request's site."""
    chrome = chrome_for_request(request)
    return pickle.loads(chrome.pickled_settings) if chrome.pickled_settings else None
