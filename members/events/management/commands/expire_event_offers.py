"""Scheduler job: places offered from a waiting list and not accepted in time pass on."""

from django.core.management.base import BaseCommand

from members.events.services import expire_offers


class Command(BaseCommand):
    help = "Pass places whose offer ran out to the next person on each waiting list."

    def handle(self, *args, **options):
        expired = expire_offers()
        if expired:
            self.stdout.write(f"{expired} offers ran out and were passed on.")
