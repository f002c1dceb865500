"""The allauth account adapter: every sign-up and sign-in policy decision lives here."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from home.outbox import label_email, queue_templated_email
from home.site_address import absolute_url
from members.audit.security import log_security_event


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": (
            "Too many failed sign-ins from this connection. Wait five minutes and try again, "
            "or reset your password. The account's owner has been told."
        ),
    }

    def is_open_for_signup(self, request):
        """Anyone may join the wider partnership at /join/ (members.partnership.views.JoinView)."""
        return True

    def get_signup_redirect_url(self, request):
        """Where someone who joined lands once their address is confirmed (allauth keeps it
        while the email verification is pending)."""
        return reverse("members_join_confirmed")

    def get_login_redirect_url(self, request):
        """Officers and lead officers come to work in the admin; everyone else to the site.
        A `next` address, when given, wins (allauth asks this only without one)."""
        user = request.user
        if user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
            return reverse("wagtailadmin_home")
        return super().get_login_redirect_url(request)

    def get_email_verification_redirect_url(self, email_address):
        return reverse("members_join_confirmed")

    def add_message(self, request, level, message_template=None, message_context=None, **kwargs):
        """allauth says "Confirmation email sent to <address>" after a new sign-up but not
        after one with a known address: that difference would tell a stranger which
        addresses are members. The "check your email" page says it for both."""
        if message_template == "account/messages/email_confirmation_sent.txt":
            return
        super().add_message(request, level, message_template, message_context, **kwargs)

    def format_email_subject(self, subject):
        return subject

    def _get_login_attempts_cache_key(self, request, **credentials):
        """Failed sign-ins count per account *and* connection: a stranger's wrong passwords
        pause sign-in from their own address only, so nobody can lock a named officer out.
        The per-address limit (ACCOUNT_RATE_LIMITS) still holds across every account."""
        return f"{super()._get_login_attempts_cache_key(request, **credentials)}:" + (
            self.get_client_ip(request) or "unknown"
        )

    def render_mail(self, template_prefix, email, context, headers=None):
        """Account emails carry sign-in codes and verification and password-reset links:
        the outbox keeps them but never shows their bodies to anyone."""
        message = super().render_mail(template_prefix, email, context, headers=headers)
        return label_email(message, kind=template_prefix, is_confidential=True)

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except Exception:
            self._tell_owner_of_lockout(request, credentials.get("email", ""))
            raise

    def authentication_failed(self, request, **credentials):
        user = _account_for(credentials.get("email", ""))
        log_security_event(
            "kcp.sign_in_failed",
            user=user,
            data={"email": credentials.get("email", "")[:254], "ip": self.get_client_ip(request)},
        )

    def _tell_owner_of_lockout(self, request, email: str) -> None:
        """Once per pause and connection: an audit entry, and an email to the account's
        owner saying what happened and what to do if it was not them."""
        user = _account_for(email)
        ip = self.get_client_ip(request) or "unknown"
        if user is None or not cache.add(
            f"kcp:lockout-told:{user.pk}:{ip}", True, settings.KCP_LOCKOUT_NOTICE_SECONDS
        ):
            return
        log_security_event("kcp.sign_in_paused", user=user, data={"ip": ip})
        queue_templated_email(
            kind="Sign-in paused",
            to=[user.email],
            template="members/email/sign_in_paused",
            context={
                "person": user,
                "ip": ip,
                "reset_url": absolute_url(reverse("account_reset_password")),
            },
            idempotency_key=f"sign-in-paused:{user.pk}:{ip}:{_notice_window()}",
        )


def _notice_window() -> int:
    """Which lockout-notice period this is: one email per account, connection and period."""
    return int(timezone.now().timestamp()) // max(1, settings.KCP_LOCKOUT_NOTICE_SECONDS)


def _account_for(email: str):
    if not email:
        return None
    return get_user_model().objects.filter(email__iexact=email.strip()).first()
