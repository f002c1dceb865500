"""What browsers and shared HTTP caches (a CDN, a caching proxy) may keep: `Cache-Control` on
every response the site makes.

- A page, feed or calendar an anonymous visitor gets, with no session, no cookie set and no
  form in it (what home.page_cache would store), is `public` for KCP_HTTP_MAX_AGE seconds in
  browsers and KCP_HTTP_SHARED_MAX_AGE in shared caches, with `Vary: Cookie`.
- Anything else a person gets — signed in, with a session, a page with a form, the admin,
  accounts — is `private, no-store`; documents (which may be restricted) are
  `private, no-cache`, so only the person's own browser keeps them and asks again first.
- A response that already says what may be kept (Django's never_cache, the 403 page) keeps it.

Django's ConditionalGetMiddleware, above this one, adds the ETag and answers 304 Not Modified
to a poller whose copy is current.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers

from .page_cache import EXCLUDED_PREFIXES, is_anonymous_request, may_store

DOCUMENTS_PREFIX = "/documents/"


def cache_control_for(request, response) -> dict:
    if request.path.startswith(DOCUMENTS_PREFIX):
        return {"private": True, "no_cache": True}
    if (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(EXCLUDED_PREFIXES)
        and is_anonymous_request(request)
        and may_store(request, response)
    ):
        return {
            "public": True,
            "max_age": settings.KCP_HTTP_MAX_AGE,
            "s_maxage": settings.KCP_HTTP_SHARED_MAX_AGE,
        }
    return {"private": True, "no_store": True}


class CacheControlMiddleware:
    """Placed above the page cache, so pages it answers from memory carry the header too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        directives = cache_control_for(request, response)
        patch_cache_control(response, **directives)
        if directives.get("public"):
            patch_vary_headers(response, ["Cookie"])
        return response


PRIVATE = "private, no-cache, no-store"


def kept_private(response):
    """A page about one person: never kept by a browser's or a proxy's cache. The one way
    views say so (this middleware then leaves the header as it is)."""
    response["Cache-Control"] = PRIVATE
    return response
