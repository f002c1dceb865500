"""Give and take away the Steering Group members' role as seats' dates arrive (scheduler)."""

from django.core.management.base import BaseCommand

from home.seats import sync_steering_group_role


class Command(BaseCommand):
    help = "Make the Steering Group members' group exactly the people holding a seat today."

    def handle(self, *args, **options):
        added, removed = sync_steering_group_role()
        if added or removed:
            self.stdout.write(f"Steering Group members' role: {added} added, {removed} removed.")
