"""Print the demo accounts' logins and their current two-factor code (development only)."""

from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from members.accounts.demo import DEMO_ACCOUNTS, DEMO_MEMBER_EMAIL, DEMO_PASSWORD, DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the demo logins and the six-digit code their authenticator would show now."

    def handle(self, *args, **options):
        if not getattr(settings, "KCP_DEMO_CONTENT_ALLOWED", False):
            raise CommandError("Demo logins exist only with development settings.")
        counter = next(yield_hotp_counters_from_time())
        code = format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter))
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(f"  {account.role:<28} {account.email}")
        self.stdout.write(
            f"The wider partnership member {DEMO_MEMBER_EMAIL} can also sign in without a "
            "password: choose “email me a sign-in code” at /accounts/login/ and the code is "
            "printed in the web server's console. Their choices: /members/preferences/"
        )
        self.stdout.write(
            f"Two-factor code now: {code}  (codes change every 30 seconds: run "
            "`.venv/bin/python manage.py demo_logins` again, or add the secret "
            f"{DEMO_TOTP_SECRET} to an authenticator app)"
        )
