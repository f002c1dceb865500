"""Scheduler job: each open away day's one automatic reminder to those who have not answered."""

from django.core.management.base import BaseCommand

from members.events.away_days import send_automatic_reminders


class Command(BaseCommand):
    help = "Remind Steering Group members who have not answered an away day, once, a set "
    help += "number of days before its cut-off."

    def handle(self, *args, **options):
        reminded = send_automatic_reminders()
        if reminded:
            self.stdout.write(f"Reminded {reminded} members about an away day.")
