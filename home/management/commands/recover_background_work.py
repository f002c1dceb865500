"""Queue again the tasks and emails a dead worker left half done (run by the scheduler)."""

from django.core.management.base import BaseCommand

from home.background import recover_background_work


class Command(BaseCommand):
    help = "Queue again background tasks and emails whose worker died (after the lease)."

    def handle(self, *args, **options):
        recovered = recover_background_work()
        if any(recovered.values()):
            self.stdout.write(
                f"Queued again: {recovered['tasks']} task(s), {recovered['emails']} email(s)."
            )
