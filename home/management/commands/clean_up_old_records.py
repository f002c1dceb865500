"""Delete old task results, expired sessions and sent emails past retention (scheduled)."""

from django.core.management.base import BaseCommand

from home.background import clean_up_old_records


class Command(BaseCommand):
    help = "Delete finished task results, expired sessions and sent emails past their retention."

    def handle(self, *args, **options):
        deleted = clean_up_old_records()
        self.stdout.write(
            "Deleted " + ", ".join(f"{count} {what}" for what, count in deleted.items()) + "."
        )
