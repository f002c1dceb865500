"""The month view of meetings and events at /calendar/YYYY/MM/, as ModernGov shows one: a
week per row from Monday, each day's items linked. Meetings come from the meetings calendar;
events and anything else from other apps through `kcp_calendar_month_entries`.

Months are shown from a year before this one to a year after: the previous and next links stop
there, so a crawler (or a visitor holding the key down) does not walk through empty years. Older
meetings are in the meetings listing and the archive."""

import calendar
import dataclasses
import datetime

from django.utils import timezone

from home.extension_points import CalendarEntry, calendar_month_entries

from .meeting_calendar import LONDON, published_meetings
from .models.meetings import MeetingPage

MONTHS_EACH_WAY = 12
WEEKDAYS = tuple(calendar.day_name)  # Monday first, as a UK calendar
MEETING_FIELDS = ("title", "slug", "path", "depth", "url_path", "start", "status", "group_name")


@dataclasses.dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    @property
    def last_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def name(self) -> str:
        return f"{calendar.month_name[self.month]} {self.year}"

    @property
    def index(self) -> int:
        return self.year * 12 + self.month - 1

    def shifted(self, months: int) -> "Month":
        year, month = divmod(self.index + months, 12)
        return Month(year, month + 1)


@dataclasses.dataclass(frozen=True)
class Day:
    date: datetime.date
    entries: tuple[CalendarEntry, ...]
    is_today: bool


@dataclasses.dataclass(frozen=True)
class MonthView:
    """One month: its weeks (a day or None for the days of the months around it), the months
    before and after when they are shown, and whether anything happens in it."""

    month: Month
    weeks: tuple[tuple[Day | None, ...], ...]
    previous: Month | None
    next: Month | None

    @property
    def has_entries(self) -> bool:
        return any(day and day.entries for week in self.weeks for day in week)

    @property
    def entry_count(self) -> int:
        return sum(len(day.entries) for week in self.weeks for day in week if day)


def today() -> datetime.date:
    return timezone.localtime(timezone.now(), LONDON).date()


def this_month(on: datetime.date | None = None) -> Month:
    on = on or today()
    return Month(on.year, on.month)


def is_shown(month: Month, on: datetime.date | None = None) -> bool:
    """Whether `month` is within a year either side of the month of `on` (today)."""
    return abs(month.index - this_month(on).index) <= MONTHS_EACH_WAY


def month_from(year: int, month: int) -> Month | None:
    """The month the address names, or None when it names none (month 13, year 0)."""
    if not (1 <= month <= 12 and datetime.MINYEAR < year < datetime.MAXYEAR):
        return None
    return Month(year, month)


def _start_of(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, tzinfo=LONDON)


def meeting_kind(meeting: MeetingPage) -> str:
    if meeting.status in (MeetingPage.Status.CANCELLED, MeetingPage.Status.POSTPONED):
        return f"Meeting, {meeting.get_status_display().lower()}"
    return "Meeting"


def meeting_entries(month: Month, request) -> list[CalendarEntry]:
    """The month's live, public meetings of every group: one query."""
    meetings = (
        published_meetings()
        .filter(
            start__gte=_start_of(month.first_day),
            start__lt=_start_of(month.last_day + datetime.timedelta(days=1)),
        )
        .order_by("start", "pk")
        .only(*MEETING_FIELDS)
    )
    return [
        CalendarEntry(meeting.title, meeting.get_url(request), meeting.start, meeting_kind(meeting))
        for meeting in meetings
    ]


def month_view(month: Month, request, on: datetime.date | None = None) -> MonthView:
    """The month's meetings and other apps' items, by day, earliest first each day."""
    on = on or today()
    entries = meeting_entries(month, request) + calendar_month_entries(
        month.first_day, month.last_day, request
    )
    by_day: dict[datetime.date, list[CalendarEntry]] = {}
    for entry in sorted(entries, key=lambda entry: (entry.start, entry.title)):
        by_day.setdefault(timezone.localtime(entry.start, LONDON).date(), []).append(entry)
    weeks = tuple(
        tuple(
            Day(date, tuple(by_day.get(date, ())), date == on)
            if date.month == month.month
            else None
            for date in week
        )
        for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
            month.year, month.month
        )
    )
    previous, following = month.shifted(-1), month.shifted(1)
    return MonthView(
        month=month,
        weeks=weeks,
        previous=previous if is_shown(previous, on) else None,
        next=following if is_shown(following, on) else None,
    )
