"""The annual review's "actions agreed in the past municipal year", published as a paper: an
officer makes a draft progress report at a meeting holding a live actions block for that
year, and it goes through the officers' approval workflow like any other paper. Never
published here: it stays a draft until someone with the right publishes it."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from home.roles import is_partnership_officer
from papers.meeting_calendar import FIRST_MONTH_OF_MUNICIPAL_YEAR
from papers.models import MeetingPage, ProgressReportPage

from .exceptions import GovernanceError, NotAllowed

EARLIEST_YEAR = 2000


def year_label(year: int) -> str:
    return f"{year}/{str(year + 1)[-2:]}"


def past_municipal_year(today: datetime.date | None = None) -> int:
    """The municipal year (April to March) before the one `today` is in, by its first year."""
    today = today or timezone.localdate()
    current = today.year if today.month >= FIRST_MONTH_OF_MUNICIPAL_YEAR else today.year - 1
    return current - 1


class ReportExists(GovernanceError):
    code = "report_exists"
    message = "This meeting already has the report of that year: open it from the page tree."


@transaction.atomic
def draft_year_report(*, by, year: int, meeting: MeetingPage) -> ProgressReportPage:
    """A draft progress report at `meeting` listing the actions agreed in the municipal year
    starting in April `year`, live as the page is read. Officers only."""
    if not is_partnership_officer(by):
        raise NotAllowed(
            "Only Partnership officers publish the year's actions as a paper: nothing has "
            "been saved."
        )
    return add_year_report(year=year, meeting=meeting, by=by)


@transaction.atomic
def add_year_report(*, year: int, meeting: MeetingPage, by=None) -> ProgressReportPage:
    """The draft itself, with no check on who asks: for `draft_year_report` and for the demo
    loader, which runs before any officer's account exists."""
    latest = past_municipal_year() + 1
    if not EARLIEST_YEAR <= year <= latest:
        raise GovernanceError(
            f"Choose a municipal year from {EARLIEST_YEAR} to {latest}: there are no actions "
            "to report for that year.",
            code="unknown_year",
        )
    label = year_label(year)
    slug = slugify(f"actions-agreed-{year}-{year + 1}")
    if meeting.get_children().filter(slug=slug).exists():
        raise ReportExists()
    report = ProgressReportPage(
        title=f"Actions agreed in the municipal year {label}",
        slug=slug,
        status=ProgressReportPage.Status.FOR_NOTING,
        purpose=f"This paper lists the actions agreed at the Partnership's meetings in {label}, "
        "with their status as you read it, for the annual review of the action plans.",
        live=False,
        live_actions=[
            {
                "type": "live_actions",
                "value": {"heading": f"Actions agreed in {label}", "municipal_year": year},
            }
        ],
        owner=by,
    )
    meeting.add_child(instance=report)
    report.save_revision(user=by, log_action=True)
    return report
