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

    def format_email_subject(self, subject):
        return subject
