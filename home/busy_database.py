"""A database lock held longer than a request may wait (KCP_DB_LOCK_TIMEOUT_SECONDS) answers
503 Service Unavailable with Retry-After and a page saying nothing was saved, not a bare 500.

Every change a person makes runs in one transaction (see the services), so a request that
gave up waiting for a lock rolled back whole: telling them nothing was saved is true. On
PostgreSQL the wait is bounded by `lock_timeout` (settings: DATABASES OPTIONS), on SQLite by
the connection's busy timeout."""

import logging

from django.db import OperationalError
from django.shortcuts import render

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30
# PostgreSQL's SQLSTATEs: lock_not_available (lock_timeout), query_canceled (statement_timeout).
LOCK_TIMEOUT_STATES = frozenset({"55P03", "57014"})


def is_lock_timeout(error: BaseException | None) -> bool:
    if not isinstance(error, OperationalError):
        return False
    sqlstate = getattr(error.__cause__, "sqlstate", None)
    return sqlstate in LOCK_TIMEOUT_STATES or "database is locked" in str(error)


def busy_response(request):
    logger.warning("A request gave up waiting for a database lock: %s", request.path)
    # No context processors: the database is busy.
    response = render(request, "503.html", status=503, using=None)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
