"""Two-factor authentication is required of everyone who can publish or see member data."""

from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.models import GroupPagePermission

from home.roles import PARTNERSHIP_OFFICERS


def must_use_two_factor(user) -> bool:
    """Partnership officers, superusers and anyone holding a publish permission."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if user.groups.filter(name=PARTNERSHIP_OFFICERS).exists():
        return True
    return GroupPagePermission.objects.filter(
        group__user=user, permission__codename="publish_page"
    ).exists()


class RequireTwoFactorForPublishersMiddleware:
    """Sends a publisher without an authenticator to set one up before the admin opens."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            getattr(settings, "KCP_MFA_REQUIRED", True)
            and request.path.startswith("/admin/")
            and request.user.is_authenticated
            and must_use_two_factor(request.user)
            and not get_mfa_adapter().is_mfa_enabled(request.user)
        ):
            messages.info(
                request,
                "Set up two-factor authentication to use the editing area: scan the code "
                "with an authenticator app, then enter the six-digit code it shows.",
            )
            return redirect(reverse("mfa_activate_totp") + f"?next={request.path}")
        return self.get_response(request)
