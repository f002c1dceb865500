"""Comment periods on published papers (the rules are in papers.consultations)."""

import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from ..exceptions import CommentPeriodNotValid
from ..models import PAPER_PAGE_MODELS, CommentPeriod, ConsultationPage


def comment_periods_of(page: Page) -> QuerySet:
    return CommentPeriod.objects.filter(page=page).order_by("-opens_at")


@transaction.atomic
def open_for_comments(
    page: Page, *, closes_at: datetime.datetime, by=None, now: datetime.datetime | None = None
) -> CommentPeriod:
    """Open a live paper for comments from `now` until `closes_at`: a record of its own, so
    nothing is republished (no new alert, no workflow). Opening again while a period is open
    moves its closing date."""
    now = now or timezone.now()
    page = page.specific
    if not isinstance(page, PAPER_PAGE_MODELS) or isinstance(page, ConsultationPage):
        raise CommentPeriodNotValid("Only a paper can be opened for comments.")
    if not page.live:
        raise CommentPeriodNotValid(
            "Publish the paper first: only a published paper takes comments."
        )
    if closes_at <= now:
        raise CommentPeriodNotValid(
            "The closing date must be in the future: choose a later date and time."
        )
    period = CommentPeriod.objects.filter(page=page, opens_at__lte=now, closes_at__gt=now).first()
    if period is None:
        period = CommentPeriod.objects.create(page=page, opens_at=now, closes_at=closes_at)
    else:
        period.closes_at = closes_at
        period.save(update_fields=["closes_at"])
    log(
        instance=period,
        action="kcp.comment_period_opened",
        user=by,
        data={"closes_at": closes_at.isoformat()},
    )
    return period
