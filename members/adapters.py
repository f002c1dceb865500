"""The allauth account adapter: every sign-up and sign-in policy decision lives here."""

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        """Public sign-up stays closed until the wider-partnership membership work opens it:
        officers create accounts in the admin."""
        return False
