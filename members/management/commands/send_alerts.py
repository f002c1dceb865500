"""The scheduler's alerts job: fan out any posting whose task was lost, and send the weekly
digest when its day and time have come (once a week, whichever scheduler gets there first)."""

from django.core.management.base import BaseCommand

from members.alerts import sending as alerts_sending


class Command(BaseCommand):
    help = "Send due alerts and, when its time has come, the weekly digest."

    def handle(self, *args, **options):
        at_once = alerts_sending.send_due_postings()
        digests = alerts_sending.send_weekly_digests()
        self.stdout.write(f"Queued {at_once} alerts and {digests} digests.")
