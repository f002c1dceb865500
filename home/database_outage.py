"""Riding out a database restart where giving up would do harm: a message already handed to
the mail server must be recorded as sent, or the queue would send it again."""

import time

from django.db import InterfaceError, OperationalError, connection

FIRST_WAIT_SECONDS = 0.05
LONGEST_WAIT_SECONDS = 2.0


def until_the_database_answers(write, *, within_seconds: float):
    """Run `write()`; while the database is unreachable (restarting, failing over), drop the
    broken connection and try again, for at most `within_seconds`. Then the error stands."""
    deadline = time.monotonic() + within_seconds
    wait = FIRST_WAIT_SECONDS
    while True:
        try:
            return write()
        except (OperationalError, InterfaceError):
            if connection.in_atomic_block or time.monotonic() + wait > deadline:
                raise
            connection.close()
            time.sleep(wait)
            wait = min(wait * 2, LONGEST_WAIT_SECONDS)
