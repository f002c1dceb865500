"""Site-wide views: search over public pages, robots.txt, the health check and the error
pages."""

import sys

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from wagtail.models import Page

from .busy_database import busy_response, is_lock_timeout
from .search import search_words
from .site_chrome import public_pages_q

SEARCH_RESULTS_PER_PAGE = 10


def search(request):
    """Full-text search over live, public pages only: drafts and restricted pages never show."""
    query = search_words(request.GET.get("query", ""), 200)
    results = Page.objects.none()
    if query:
        results = Page.objects.live().filter(public_pages_q()).specific().search(query)
    paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
    try:
        page_of_results = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page_of_results = paginator.page(1)
    return render(
        request,
        "home/search.html",
        {"query": query, "results": page_of_results, "result_count": paginator.count},
    )


def site_cookies() -> list[dict]:
    """Every cookie the site sets. All are strictly necessary, so none needs consent (PECR
    regulation 6(4)); tests/home/test_cookies.py fails if the site sets one not listed."""
    return [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "purpose": "Keeps you signed in, and remembers where you are while you join or "
            "sign in.",
            "expires": "When you sign out, or after two weeks",
        },
        {
            "name": settings.CSRF_COOKIE_NAME,
            "purpose": "Stops other websites sending forms to this one in your name.",
            "expires": "After a year",
        },
        {
            "name": "messages",
            "purpose": "Shows a message, such as “Your choices are saved”, on the next page.",
            "expires": "When the message has been shown",
        },
    ]


def cookies(request):
    return render(request, "home/cookies.html", {"cookies": site_cookies()})


def robots_txt(request):
    """Crawlers may read everything but the admin and the sign-in pages; the sitemap's
    address is absolute, as the robots.txt standard asks."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Allow: /", "Disallow: /admin/", "Disallow: /accounts/", ""]
    lines.append(f"Sitemap: {sitemap_url}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class HealthCheckMiddleware:
    """Answers the load balancer's health check before anything reads the Host header: the
    check names the container's own address, which ALLOWED_HOSTS (the real host name) does
    not list, and Django would answer 400. First in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == settings.HEALTH_CHECK_PATH and request.method in ("GET", "HEAD"):
            return health(request)
        return self.get_response(request)


def health(request):
    """For the load balancer: the process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def server_error(request):
    # Django calls this inside its `except`: the error being handled is the current one.
    if is_lock_timeout(sys.exception()):
        return busy_response(request)
    # No context processors: whatever broke must not break the error page too.
    return render(request, "500.html", status=500, using=None)
