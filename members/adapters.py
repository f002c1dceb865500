"""The allauth account adapter: every sign-up and sign-in policy decision lives here."""

from allauth.account.adapter import DefaultAccountAdapter

from home.outbox import label_email


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        """Public sign-up stays closed until the wider-partnership membership work opens it:
        officers create accounts in the admin."""
        return False

    def render_mail(self, template_prefix, email, context, headers=None):
        """Account emails carry sign-in codes and verification and password-reset links:
        the outbox keeps them but never shows their bodies to anyone."""
        message = super().render_mail(template_prefix, email, context, headers=headers)
        return label_email(message, kind=template_prefix, is_confidential=True)
