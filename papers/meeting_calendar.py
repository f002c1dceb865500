"""Every group's meetings together: upcoming and past, the Steering Group's forward programme,
the away-from-Town-Hall measure for each municipal year, and the iCalendar feeds."""

import dataclasses
import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.db.models import Case, Count, F, Q, QuerySet, When
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone
from icalendar import Calendar, Event

from home.site_chrome import public_pages_q

from .models.meetings import MeetingPage
from .models.postings import venue_and_address

LONDON = ZoneInfo("Europe/London")
AWAY_TARGET_PERCENT = 50
FIRST_MONTH_OF_MUNICIPAL_YEAR = 4  # April to March
DEFAULT_MEETING_LENGTH = datetime.timedelta(hours=2)
CALENDAR_HISTORY = datetime.timedelta(days=365)
CALENDAR_LIMIT = 1000
FORWARD_PROGRAMME_LIMIT = 12
NOT_HELD = (MeetingPage.Status.CANCELLED, MeetingPage.Status.POSTPONED)
LISTING_FIELDS = (
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "start",
    "end",
    "status",
    "venue_name",
    "is_away_from_town_hall",
    "group_name",
)


def published_meetings(group=None) -> QuerySet:
    """Live, public meetings, of one group (page) or of all."""
    meetings = MeetingPage.objects.live().filter(public_pages_q())
    if group is not None:
        meetings = meetings.descendant_of(group)
    return meetings


def upcoming_meetings(meetings: QuerySet, now: datetime.datetime | None = None) -> QuerySet:
    return (
        meetings.filter(start__gte=now or timezone.now())
        .order_by("start", "pk")
        .only(*LISTING_FIELDS)
    )


def past_meetings(meetings: QuerySet, now: datetime.datetime | None = None) -> QuerySet:
    return (
        meetings.filter(start__lt=now or timezone.now())
        .order_by("-start", "-pk")
        .only(*LISTING_FIELDS)
    )


def forward_programme(group, now: datetime.datetime | None = None) -> list[MeetingPage]:
    """The group's next meetings with their planned agenda items (two queries)."""
    if group is None:
        return []
    return list(
        upcoming_meetings(published_meetings(group), now).prefetch_related("agenda_items")[
            :FORWARD_PROGRAMME_LIMIT
        ]
    )


@dataclasses.dataclass(frozen=True)
class AwayFromTownHallYear:
    """How one municipal year (April to March) did against the commitment to hold at least
    half of the meetings away from the Town Hall."""

    first_year: int
    held: int
    away: int
    is_current: bool = False

    @property
    def label(self) -> str:
        return f"{self.first_year}/{(self.first_year + 1) % 100:02d}"

    @property
    def percentage(self) -> int:
        return round(100 * self.away / self.held) if self.held else 0

    @property
    def is_target_met(self) -> bool:
        return self.held > 0 and self.away * 100 >= AWAY_TARGET_PERCENT * self.held

    @property
    def outcome(self) -> str:
        if self.is_target_met:
            return "target met"
        return "below target so far" if self.is_current else "target missed"

    @property
    def sentence(self) -> str:
        meetings = "meeting" if self.held == 1 else "meetings"
        so_far = " so far" if self.is_current else ""
        return (
            f"{self.label}{so_far}: {self.away} of {self.held} {meetings} ({self.percentage}%) "
            f"away from the Town Hall — {self.outcome}"
        )


def municipal_year_of(moment: datetime.datetime) -> int:
    local = timezone.localtime(moment, LONDON)
    return local.year if local.month >= FIRST_MONTH_OF_MUNICIPAL_YEAR else local.year - 1


def away_from_town_hall_by_year(
    meetings: QuerySet, now: datetime.datetime | None = None
) -> list[AwayFromTownHallYear]:
    """Meetings held (past, neither cancelled nor postponed) and how many of them were away
    from the Town Hall, for each municipal year, newest first: one aggregate query."""
    now = now or timezone.now()
    rows = (
        meetings.filter(start__lt=now)
        .exclude(status__in=NOT_HELD)
        .annotate(
            calendar_year=ExtractYear("start", tzinfo=LONDON),
            calendar_month=ExtractMonth("start", tzinfo=LONDON),
        )
        .annotate(
            municipal_year=Case(
                When(
                    calendar_month__lt=FIRST_MONTH_OF_MUNICIPAL_YEAR,
                    then=F("calendar_year") - 1,
                ),
                default=F("calendar_year"),
            )
        )
        .order_by()
        .values("municipal_year")
        .annotate(held=Count("pk"), away=Count("pk", filter=Q(is_away_from_town_hall=True)))
        .order_by("-municipal_year")
    )
    current = municipal_year_of(now)
    return [
        AwayFromTownHallYear(
            first_year=row["municipal_year"],
            held=row["held"],
            away=row["away"],
            is_current=row["municipal_year"] == current,
        )
        for row in rows
    ]


# --- iCalendar ---------------------------------------------------------------------------------


def meetings_for_calendar(meetings: QuerySet, now: datetime.datetime | None = None) -> QuerySet:
    """What a calendar feed carries: the last year's meetings and every future one."""
    since = (now or timezone.now()) - CALENDAR_HISTORY
    return (
        meetings.filter(start__gte=since)
        .order_by("start", "pk")
        .prefetch_related("agenda_items")[:CALENDAR_LIMIT]
    )


def meeting_uid(meeting: MeetingPage) -> str:
    """The same for a meeting for ever, even if its page moves or is renamed."""
    return f"{meeting.translation_key}@kcp-meetings"


def meeting_location(meeting: MeetingPage) -> str:
    return venue_and_address(meeting)


def meeting_event(meeting: MeetingPage, url: str) -> Event:
    start = timezone.localtime(meeting.start, LONDON)
    end = timezone.localtime(meeting.end, LONDON) if meeting.end else start + DEFAULT_MEETING_LENGTH
    stamp = meeting.last_published_at or meeting.first_published_at or timezone.now()
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("summary", meeting.title)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    event.add("last-modified", stamp.astimezone(datetime.UTC))
    event.add("sequence", meeting.calendar_sequence)
    event.add("location", meeting_location(meeting))
    event.add("url", url)
    event.add(
        "status", "CANCELLED" if meeting.status == MeetingPage.Status.CANCELLED else "CONFIRMED"
    )
    description = [meeting.group_name] if meeting.group_name else []
    if meeting.status == MeetingPage.Status.POSTPONED:
        description.append("This meeting has been postponed.")
    agenda = [item.title for item in meeting.agenda_items.all()]
    if agenda:
        description.append("Agenda:")
        description.extend(f"{n}. {title}" for n, title in enumerate(agenda, start=1))
    description.append(url)
    event.add("description", "\n".join(description))
    return event


def meeting_ics_url(meeting: MeetingPage, request=None) -> str:
    """The meeting's .ics download: its page's address with .ics for the final slash."""
    url = meeting.get_url(request) or ""
    return url.rstrip("/") + ".ics" if url else ""


def calendar_of(
    meetings: Iterable[MeetingPage], name: str, url_for, extra_events: Iterable[Event] = ()
) -> bytes:
    """An iCalendar file of `meetings`; `url_for(meeting)` gives each meeting's full URL.
    `extra_events` are other apps' events (kcp_calendar_sources), added as they are."""
    calendar = Calendar()
    calendar.add("prodid", "-//Kensington and Chelsea Partnership//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    years = []
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, url_for(meeting)))
        years.append(timezone.localtime(meeting.start, LONDON).year)
    for event in extra_events:
        calendar.add_component(event)
        years.append(event.decoded("dtstart").year)
    if years:
        calendar.add_missing_timezones(
            first_date=datetime.date(min(years) - 1, 1, 1),
            last_date=datetime.date(max(years) + 2, 1, 1),
        )
    return calendar.to_ical()
