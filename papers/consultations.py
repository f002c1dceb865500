"""When a consultation, or a paper's comment period, takes responses: its status follows the
clock. Every function takes `now` (tests pass a fixed clock; pages pass timezone.now()).

    upcoming            now < opens_at
    open                opens_at <= now < closes_at
    closed              closes_at <= now, results not published yet
    results published   closes_at <= now and results_published_at <= now (consultations only)

Opening a published paper for comments is a record of its own (CommentPeriod), not a change
to the page: nothing is republished, so no new alert and no workflow."""

import datetime

from django.db import models
from django.db.models import Q


class ConsultationStatus(models.TextChoices):
    UPCOMING = "upcoming", "Not open yet"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"
    RESULTS = "results", "Results published"


def status_at(
    opens_at: datetime.datetime,
    closes_at: datetime.datetime,
    now: datetime.datetime,
    results_published_at: datetime.datetime | None = None,
) -> ConsultationStatus:
    if now < opens_at:
        return ConsultationStatus.UPCOMING
    if now < closes_at:
        return ConsultationStatus.OPEN
    if results_published_at is not None and results_published_at <= now:
        return ConsultationStatus.RESULTS
    return ConsultationStatus.CLOSED


def status_q(status: str, now: datetime.datetime, prefix: str = "") -> Q:
    """The same rule as status_at, as a filter on rows with opens_at, closes_at and
    results_published_at (under `prefix`, e.g. "consultationpage__")."""
    opens, closes, results = (
        f"{prefix}opens_at",
        f"{prefix}closes_at",
        f"{prefix}results_published_at",
    )
    if status == ConsultationStatus.UPCOMING:
        return Q(**{f"{opens}__gt": now})
    if status == ConsultationStatus.OPEN:
        return Q(**{f"{opens}__lte": now, f"{closes}__gt": now})
    published = Q(**{f"{results}__isnull": False, f"{results}__lte": now})
    if status == ConsultationStatus.RESULTS:
        return Q(**{f"{closes}__lte": now}) & published
    return Q(**{f"{closes}__lte": now}) & ~published


# A paper's comment period asks one question; the comment may name a paragraph.
COMMENT_QUESTIONS = (
    {
        "type": "free_text",
        "key": "comments",
        "question": "Your comments",
        "help_text": "Say which paragraph you mean, e.g. “on paragraph 2.6.4”, in the box above.",
        "is_required": True,
        "choices": [],
    },
)
