"""Scheduler job: access and dietary needs are deleted a set time after each event."""

from django.core.management.base import BaseCommand

from members.events.officer_services import erase_needs_after_events


class Command(BaseCommand):
    help = "Delete access and dietary needs KCP_EVENT_NEEDS_KEPT_DAYS after their event."

    def handle(self, *args, **options):
        deleted = erase_needs_after_events()
        if deleted:
            self.stdout.write(f"Deleted the access and dietary needs of {deleted} registrations.")
