"""Remind officers when the risk register's annual review falls due (run by the scheduler)."""

from django.core.management.base import BaseCommand

from members.risks.services import remind_officers_of_due_review


class Command(BaseCommand):
    help = "Email the Partnership officers once when the risk register's review falls due."

    def handle(self, *args, **options):
        if remind_officers_of_due_review():
            self.stdout.write("Queued the risk register review reminder.")
