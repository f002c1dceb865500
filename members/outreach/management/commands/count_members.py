"""The daily count of active members for the home and join pages (members.outreach.figures)."""

from django.core.management.base import BaseCommand

from members.outreach.figures import count_members


class Command(BaseCommand):
    help = "Count the active members, for the “About N members” the home and join pages show."

    def handle(self, *args, **options):
        counted = count_members()
        self.stdout.write(f"{counted.active_members} active members.")
