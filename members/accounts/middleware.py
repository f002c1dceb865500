"""Two-factor authentication is required of everyone who can publish or see member data."""

import time

from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import GroupPagePermission

from home.roles import TWO_FACTOR_ROLES

ADMIN_ACCESS = "wagtailadmin.access_admin"


def must_use_two_factor(user) -> bool:
    """Partnership officers, the Agenda Planning Group, superusers and anyone holding a
    publish permission."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if user.groups.filter(name__in=TWO_FACTOR_ROLES).exists():
        return True
    return GroupPagePermission.objects.filter(
        group__user=user, permission__codename="publish_page"
    ).exists()


# What someone who must set up two-factor may still reach: the account pages (to set it up,
# change their password or sign out), static files and the security endpoints.
TWO_FACTOR_SETUP_PATHS = ("/accounts/", "/static/", "/.well-known/", "/csp-report/", "/health/")


class RequireTwoFactorForPublishersMiddleware:
    """Sends a publisher without an authenticator to set one up before any other request:
    the admin, documents and pages alike (a password alone must open nothing their role
    allows)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            getattr(settings, "KCP_MFA_REQUIRED", True)
            and not request.path.startswith(TWO_FACTOR_SETUP_PATHS)
            and request.user.is_authenticated
            and must_use_two_factor(request.user)
            and not get_mfa_adapter().is_mfa_enabled(request.user)
        ):
            messages.info(
                request,
                "Set up two-factor authentication before you go on: scan the code with an "
                "authenticator app, then enter the six-digit code it shows.",
            )
            next_url = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('mfa_activate_totp')}?{next_url}")
        return self.get_response(request)


class StaffIdleTimeoutMiddleware:
    """Signs out officers and lead officers (anyone who may use the admin) after
    KCP_STAFF_IDLE_TIMEOUT_SECONDS without a request: an unattended session at a shared
    desk must not stay open for the two weeks a member's may."""

    SESSION_KEY = "kcp_last_request_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and (user.is_superuser or user.has_perm(ADMIN_ACCESS)):
            now = time.time()
            last = request.session.get(self.SESSION_KEY)
            if last is not None and now - last > settings.KCP_STAFF_IDLE_TIMEOUT_SECONDS:
                logout(request)
                messages.info(
                    request,
                    "You were signed out after a period without activity. Sign in again "
                    "to carry on.",
                )
                login_url = reverse(settings.LOGIN_URL)
                return redirect(f"{login_url}?{urlencode({'next': request.get_full_path()})}")
            request.session[self.SESSION_KEY] = now
        return self.get_response(request)
