"""How the scheduler decides a job may run, so two schedulers never run the same job.

Each job is claimed under a lock: on PostgreSQL `pg_try_advisory_xact_lock`, held by the
transaction the job runs in; on SQLite an exclusive `flock` on a file in KCP_LOCK_DIR (a
transaction would hold SQLite's only write lock for the whole job). Under the lock the job's
row in ScheduledJob says whether it is due; claiming it moves its next run on. A scheduler
that finds the lock taken skips the job for this tick."""

import datetime
import fcntl
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .models import ScheduledJob

# The first half of each advisory lock's key: this site's scheduler, not anyone else's lock.
ADVISORY_LOCK_NAMESPACE = 4_351_000


def advisory_lock_key(name: str) -> int:
    return zlib.crc32(name.encode()) & 0x7FFFFFFF


@contextmanager
def job_lock(name: str) -> Iterator[bool]:
    """Yield True if this process holds the job's lock, False if another one does."""
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_try_advisory_xact_lock(%s, %s)",
                    [ADVISORY_LOCK_NAMESPACE, advisory_lock_key(name)],
                )
                (held,) = cursor.fetchone()
            yield held
        return
    with file_lock(name) as held:
        yield held


@contextmanager
def file_lock(name: str) -> Iterator[bool]:
    """The SQLite stand-in for an advisory lock: one process on this machine at a time."""
    lock_dir = settings.KCP_LOCK_DIR
    lock_dir.mkdir(parents=True, exist_ok=True)
    with open(lock_dir / f"scheduler-{name}.lock", "a") as lock_file:
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def claim(name: str, every_seconds: float, *, force: bool = False) -> bool:
    """Under the job's lock: True, and its next run moved on, if it is due (or forced)."""
    now = timezone.now()
    job, _ = ScheduledJob.objects.get_or_create(name=name, defaults={"next_run_at": now})
    if not force and job.next_run_at > now:
        return False
    ScheduledJob.objects.filter(pk=job.pk).update(
        next_run_at=now + datetime.timedelta(seconds=every_seconds), last_started_at=now
    )
    return True


def run_if_due(name: str, every_seconds: float, job: Callable[[], None], *, force=False) -> bool:
    """Run `job` if it is due and no other scheduler holds it. True if it ran; an error in
    the job is raised after the claim is kept, so a failing job waits for its next turn."""
    error = None
    with job_lock(name) as held:
        if not held or not claim(name, every_seconds, force=force):
            return False
        try:
            if connection.vendor == "postgresql":
                with transaction.atomic():  # a savepoint: the claim survives a failure
                    job()
            else:
                job()
        except Exception as job_error:  # noqa: BLE001 - re-raised below, outside the lock
            error = job_error
        ScheduledJob.objects.filter(name=name).update(last_finished_at=timezone.now())
    if error is not None:
        raise error
    return True
