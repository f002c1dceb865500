"""The scheduler: runs the periodic jobs in settings.KCP_SCHEDULED_JOBS (django-tasks has no
schedule of its own). Each job is a management command run every so many seconds."""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run periodic jobs (scheduled publishing, reminders) until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once, then stop.")

    def handle(self, *args, once=False, **options):
        jobs = settings.KCP_SCHEDULED_JOBS
        next_run = {name: 0.0 for name, _ in jobs}
        while True:
            now = time.monotonic()
            for name, every_seconds in jobs:
                if once or now >= next_run[name]:
                    self._run(name)
                    next_run[name] = now + every_seconds
            if once:
                return
            time.sleep(1)

    def _run(self, name: str) -> None:
        try:
            call_command(name, stdout=self.stdout, stderr=self.stderr)
        except Exception as error:  # noqa: BLE001 - one failing job must not stop the others
            self.stderr.write(f"Scheduled job {name} failed: {error}")
