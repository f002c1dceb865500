"""Print the current two-factor code of the demo accounts (development only)."""

from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from members.demo import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the six-digit code a demo account's authenticator app would show now."

    def handle(self, *args, **options):
        if not getattr(settings, "KCP_DEMO_CONTENT_ALLOWED", False):
            raise CommandError("Demo codes exist only with development settings.")
        counter = next(yield_hotp_counters_from_time())
        self.stdout.write(format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter)))
