"""Scheduler job: reminders of events. Each open away day's one automatic reminder to those
who have not answered, and every event's own reminders before the day, each sent once."""

from django.core.management.base import BaseCommand

from members.events.away_days import send_automatic_reminders
from members.events.reminders import send_event_reminders


class Command(BaseCommand):
    help = "Remind Steering Group members who have not answered an away day, once, a set "
    help += "number of days before its cut-off; send each event's reminders when they are due."

    def handle(self, *args, **options):
        reminded = send_automatic_reminders()
        if reminded:
            self.stdout.write(f"Reminded {reminded} members about an away day.")
        reminded = send_event_reminders()
        if reminded:
            self.stdout.write(f"Sent {reminded} reminders before events.")
