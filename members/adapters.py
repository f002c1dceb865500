"""The allauth account adapter: every sign-up and sign-in policy decision lives here."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        """Anyone may join the wider partnership at /join/ (members.views.JoinView)."""
        return True

    def get_signup_redirect_url(self, request):
        """Where someone who joined lands once their address is confirmed (allauth keeps it
        while the email verification is pending)."""
        return reverse("members_join_confirmed")

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
