"""Security headers and endpoints of the whole site: which Content-Security-Policy a response
carries, the Permissions-Policy, the view that logs policy violations, and security.txt.

Public and members' pages (and the admin's previews of them, where editor text is shown)
allow scripts and styles from the site itself only: no inline script or style, no nonce
(anonymous pages are cached and shared). The rest of the admin gets its own, looser policy,
because Wagtail's widgets use inline scripts and styles; beside it, a report-only policy
without 'unsafe-inline' for scripts reports every inline script the admin still runs."""

import datetime
import json
import logging

from allauth.account.adapter import get_adapter
from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail import views as wagtail_views

logger = logging.getLogger("kcp.csp")

# Browsers send short JSON reports; anything longer is cut before it is logged.
LONGEST_REPORT = 8 * 1024


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware choosing the admin's policy for admin screens. A preview is
    rendered by Wagtail through the whole middleware chain at the page's own address, so it
    already carries the public policy when the admin view returns it: that header stays."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if parts.config is None and request.path_info.startswith(settings.KCP_ADMIN_PATH):
            policy = (
                settings.KCP_ADMIN_CONTENT_SECURITY_POLICY_REPORT_ONLY
                if report_only
                else settings.KCP_ADMIN_CONTENT_SECURITY_POLICY
            )
            parts.config = policy["DIRECTIVES"]
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", settings.KCP_PERMISSIONS_POLICY)
        return response


def policy_of(response) -> str:
    return response.get(HEADER, "")


@csrf_exempt
@require_POST
def csp_report(request):
    """Where browsers report what the policy refused: logged as a warning for the team."""
    body = request.body[:LONGEST_REPORT].decode("utf-8", errors="replace")
    try:
        report = json.loads(body)
    except ValueError:
        report = {"unparsed": body}
    if isinstance(report, dict) and "csp-report" in report:
        report = report["csp-report"]
    logger.warning("Content-Security-Policy violation: %s", json.dumps(report)[:LONGEST_REPORT])
    return HttpResponse(status=204)


@require_GET
def security_txt(request):
    """RFC 9116: whom to tell about a security problem. Expires moves with the clock, a
    quarter ahead, so the file never goes stale on a site nobody redeploys."""
    expires = (timezone.now() + datetime.timedelta(days=90)).replace(microsecond=0)
    lines = [
        f"Contact: {settings.KCP_SECURITY_CONTACT}",
        f"Expires: {expires.astimezone(datetime.UTC).isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: en",
        f"Canonical: {request.build_absolute_uri()}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def rate_limited_page_password(request, page_view_restriction_id: int, page_id: int):
    """Wagtail's form for a password-protected page, with a limit on guesses per client
    address (KCP_PAGE_PASSWORD_ATTEMPTS per KCP_PAGE_PASSWORD_WINDOW_SECONDS)."""
    if request.method == "POST":
        ip = get_adapter().get_client_ip(request) or "unknown"
        key = f"kcp:page-password:{page_view_restriction_id}:{ip}"
        window = settings.KCP_PAGE_PASSWORD_WINDOW_SECONDS
        cache.add(key, 0, window)
        try:
            attempts = cache.incr(key)
        except ValueError:  # expired between add and incr: this is the first of a new window
            cache.set(key, attempts := 1, window)
        if attempts > settings.KCP_PAGE_PASSWORD_ATTEMPTS:
            response = render(
                request,
                "429.html",
                {"wait_seconds": window},
                status=429,
            )
            response["Retry-After"] = str(window)
            return response
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
