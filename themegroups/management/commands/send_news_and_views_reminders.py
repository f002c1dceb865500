"""Queue News and Views reminders to lead officers (run by the scheduler)."""

from django.core.management.base import BaseCommand

from themegroups.services import remind_lead_officers_about_news_and_views


class Command(BaseCommand):
    help = "Email lead officers whose group has not sent its News and Views update yet."

    def handle(self, *args, **options):
        queued = remind_lead_officers_about_news_and_views()
        if queued:
            self.stdout.write(f"Queued {queued} News and Views reminder(s).")
