"""The scheduler: runs the periodic jobs in settings.KCP_SCHEDULED_JOBS (django-tasks has no
schedule of its own). Each job is a management command run every so many seconds; a lock and
a claim (home.scheduling) make sure two schedulers never run the same job."""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from home.scheduling import run_if_due


class Command(BaseCommand):
    help = "Run periodic jobs (scheduled publishing, reminders, clean-ups) until stopped."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run every job once now, due or not, then stop."
        )
        parser.add_argument(
            "--ticks", type=int, default=None, help="Stop after this many ticks (for tests)."
        )

    def handle(self, *args, once=False, ticks=None, verbosity=1, **options):
        self.verbosity = verbosity
        tick = 0
        while True:
            # A connection broken by a database restart is replaced rather than failing every
            # job for ever; one inside a caller's transaction (a shell, a test) is theirs.
            if not connection.in_atomic_block:
                close_old_connections()
            for name, every_seconds in settings.KCP_SCHEDULED_JOBS:
                self._run(name, every_seconds, force=once)
            tick += 1
            if once or (ticks is not None and tick >= ticks):
                return
            time.sleep(settings.KCP_SCHEDULER_TICK_SECONDS)

    def _run(self, name: str, every_seconds: float, *, force: bool) -> None:
        try:
            ran = run_if_due(
                name,
                every_seconds,
                lambda: call_command(name, stdout=self.stdout, stderr=self.stderr),
                force=force,
            )
        except Exception as error:  # noqa: BLE001 - one failing job must not stop the others
            self.stderr.write(f"Scheduled job {name} failed: {error}")
        else:
            if ran and self.verbosity > 1:
                self.stdout.write(f"Ran scheduled job {name}.")
