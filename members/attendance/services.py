"""Attendance at Steering Group meetings: officers record it per meeting and seat, and the
report gives each member's and each partner organisation's share of meetings attended in a
municipal year (April to March), flagging those below the threshold in the site settings.

How a meeting counts (the rule the report and the dashboard use):
- The meetings of a year are the Steering Group's meetings starting from 1 April to 31 March,
  not cancelled or postponed, that have started.
- A seat is expected at a meeting when it was held on the meeting's day and the meeting's
  attendance has been recorded for it. A meeting not yet recorded for a seat counts neither
  way (it is shown as "not recorded", so officers see what is missing).
- **Present** and **deputy attended** count as attended: a named deputy attending fills the
  seat, which is what a partner organisation brings to the Steering Group. The report still
  shows deputies apart, so the Chairman sees who came in person.
- **Apologies** and **absent** count as not attended: the meeting stays in the count, so
  apologies do not shorten it. Apologies are shown apart from absences.
- Share attended = attended ÷ expected. Flagged when below the threshold (strictly less), so
  with a 75% threshold 3 of 4 is not flagged and 2 of 3 is. Nothing expected: no share, no
  flag.
- A member holding two seats, and an organisation with several seats, add their seats'
  figures together.
"""

import dataclasses
import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import formats, timezone
from wagtail.models import Site

from home.audit import record_access
from home.models import SteeringGroupSeat
from members.audit.actions import Action
from members.exceptions import AttendanceNotValid, MeetingNotHeldYet
from members.models import AttendanceSettings, MeetingAttendance
from papers.groups import group_page_model
from papers.models import MeetingPage

Status = MeetingAttendance.Status
ATTENDED = (Status.PRESENT, Status.DEPUTY)
NOT_COUNTED = (MeetingPage.Status.CANCELLED, MeetingPage.Status.POSTPONED)
# The group page's kind for the Steering Group (themegroups.GroupPage.Kind.STEERING_GROUP):
# members may not import themegroups (see DESIGN.md), so the value is named here.
STEERING_GROUP_KIND = "steering_group"


# --- Municipal years -------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class MunicipalYear:
    """1 April of `start_year` to 31 March of the next year."""

    start_year: int

    @classmethod
    def of(cls, day: datetime.date) -> "MunicipalYear":
        return cls(day.year if day.month >= 4 else day.year - 1)

    @classmethod
    def current(cls, now: datetime.datetime | None = None) -> "MunicipalYear":
        return cls.of(timezone.localdate(now or timezone.now()))

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.start_year, 4, 1)

    @property
    def last_day(self) -> datetime.date:
        return datetime.date(self.start_year + 1, 3, 31)

    @property
    def label(self) -> str:
        return f"{self.start_year}/{str(self.start_year + 1)[-2:]}"

    def starts_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime(self.start_year, 4, 1))

    def ends_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime(self.start_year + 1, 4, 1))


def year_from(value, now: datetime.datetime | None = None) -> MunicipalYear:
    """The year a report asks for ("2009" for 2009/10); anything else means this year."""
    try:
        start_year = int(str(value).strip()[:4])
    except (TypeError, ValueError):
        return MunicipalYear.current(now)
    if not 1990 <= start_year <= 2200:
        return MunicipalYear.current(now)
    return MunicipalYear(start_year)


# --- Meetings and seats --------------------------------------------------------------------


def steering_group_meetings():
    """Every meeting under the Steering Group's page (drafts too: officers record what
    happened whether or not the page is published). One query: a meeting's parent, whose
    path is the meeting's without its last step, is a group of the Steering Group's kind."""
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - MeetingPage.steplen)
    steering_group = group_page_model().objects.filter(kind=STEERING_GROUP_KIND, path=parent_path)
    return MeetingPage.objects.filter(Exists(steering_group))


def meetings_of_year(year: MunicipalYear, now: datetime.datetime | None = None) -> list:
    now = now or timezone.now()
    return list(
        steering_group_meetings()
        .filter(start__gte=year.starts_at(), start__lt=min(year.ends_at(), now))
        .exclude(status__in=NOT_COUNTED)
        .only("title", "start", "status", "path", "depth", "url_path")
        .order_by("start")
    )


def meeting_day(meeting) -> datetime.date:
    return timezone.localdate(meeting.start)


def seats_at(meeting) -> list[SteeringGroupSeat]:
    """The seats held on the meeting's day, one row each on the recording screen."""
    return list(
        SteeringGroupSeat.objects.current(meeting_day(meeting))
        .select_related("person", "organisation")
        .order_by("organisation__name", "person__last_name", "person__first_name", "pk")
    )


# --- Recording -----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class SheetRow:
    seat: SteeringGroupSeat
    record: MeetingAttendance | None


def attendance_sheet(meeting, *, viewed_by=None) -> list[SheetRow]:
    """One row per seat held on the meeting's day with what is recorded: two queries."""
    seats = seats_at(meeting)
    records = {
        record.seat_id: record
        for record in MeetingAttendance.objects.filter(
            meeting=meeting, seat_id__in=[seat.pk for seat in seats]
        )
    }
    if viewed_by is not None:
        record_access(
            viewed_by,
            Action.VIEWED_ATTENDANCE,
            count=len(seats),
            details={"meeting": meeting.pk},
        )
    return [SheetRow(seat, records.get(seat.pk)) for seat in seats]


@dataclasses.dataclass(frozen=True)
class Entry:
    """What an officer records for one seat."""

    seat_id: int
    status: str
    deputy_name: str = ""


def check_meeting_held(meeting, now: datetime.datetime | None = None) -> None:
    """Attendance is a record of what happened: a meeting that has not started has none."""
    if meeting.start > (now or timezone.now()):
        day = formats.date_format(timezone.localtime(meeting.start), "l j F Y")
        raise MeetingNotHeldYet(
            f"This meeting has not happened yet: record its attendance on or after {day}. "
            "Nothing has been saved."
        )


def record_attendance(
    meeting, entries: Iterable[Entry], *, by, now: datetime.datetime | None = None
) -> int:
    """Save the attendance of the seats given (others are left as they are), in one
    statement. Refused whole, nothing saved, when a seat was not held on the meeting's day or
    a deputy is not named. Returns how many seats were recorded."""
    now = now or timezone.now()
    check_meeting_held(meeting, now)
    entries = list(entries)
    seats = {seat.pk: seat for seat in seats_at(meeting)}
    for entry in entries:
        seat = seats.get(entry.seat_id)
        if seat is None:
            raise AttendanceNotValid(
                "One of the seats was not held on the day of this meeting: reload the page "
                "and record again. Nothing has been saved."
            )
        if entry.status not in Status.values:
            raise AttendanceNotValid(
                f"Choose present, apologies, absent or deputy attended for {seat.person}."
            )
        if entry.status == Status.DEPUTY and not entry.deputy_name.strip():
            raise AttendanceNotValid(f"Name the deputy who attended for {seat.person}.")
    rows = [
        MeetingAttendance(
            meeting=meeting,
            seat_id=entry.seat_id,
            status=entry.status,
            deputy_name=entry.deputy_name.strip() if entry.status == Status.DEPUTY else "",
            recorded_at=now,
            recorded_by=by if by is not None and by.is_authenticated else None,
        )
        for entry in entries
    ]
    with transaction.atomic():
        MeetingAttendance.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["meeting", "seat"],
            update_fields=["status", "deputy_name", "recorded_at", "recorded_by"],
        )
        record_access(
            by,
            Action.RECORDED_ATTENDANCE,
            count=len(rows),
            details={"meeting": meeting.pk},
        )
    return len(rows)


# --- The report ----------------------------------------------------------------------------


@dataclasses.dataclass
class Figures:
    """One member's or organisation's attendance in a year (see the module's rule)."""

    name: str
    detail: str = ""
    present: int = 0
    deputy: int = 0
    apologies: int = 0
    absent: int = 0
    not_recorded: int = 0
    threshold: int = 0
    deputies: list[str] = dataclasses.field(default_factory=list)

    @property
    def attended(self) -> int:
        return self.present + self.deputy

    @property
    def expected(self) -> int:
        return self.attended + self.apologies + self.absent

    @property
    def share(self) -> int | None:
        """The share attended, as a whole percentage (rounded half up); None if nothing."""
        if not self.expected:
            return None
        return (self.attended * 200 + self.expected) // (self.expected * 2)

    @property
    def is_below_threshold(self) -> bool:
        return bool(self.expected) and self.attended * 100 < self.threshold * self.expected

    def add(self, status: str | None, deputy_name: str = "") -> None:
        if status is None:
            self.not_recorded += 1
        elif status == Status.PRESENT:
            self.present += 1
        elif status == Status.DEPUTY:
            self.deputy += 1
            if deputy_name and deputy_name not in self.deputies:
                self.deputies.append(deputy_name)
        elif status == Status.APOLOGIES:
            self.apologies += 1
        else:
            self.absent += 1


@dataclasses.dataclass(frozen=True)
class Report:
    year: MunicipalYear
    threshold: int
    meetings: list
    members: list[Figures]
    organisations: list[Figures]

    @property
    def flagged_members(self) -> list[Figures]:
        return [figures for figures in self.members if figures.is_below_threshold]


def threshold_percent() -> int:
    """The threshold of the default site (two queries: the site, its settings row)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return AttendanceSettings().threshold_percent
    return AttendanceSettings.for_site(site).threshold_percent


def _seats_of_year(year: MunicipalYear, person=None) -> list[SteeringGroupSeat]:
    seats = SteeringGroupSeat.objects.filter(joined__lte=year.last_day).filter(
        Q(left__isnull=True) | Q(left__gt=year.first_day)
    )
    if person is not None:
        seats = seats.filter(person=person)
    return list(seats.select_related("person", "organisation"))


def _tally(year, seats, meetings, threshold):
    """Members' and organisations' figures from the seats and meetings: one query for the
    records, whatever their number."""
    records = {
        (record.meeting_id, record.seat_id): record
        for record in MeetingAttendance.objects.filter(
            meeting_id__in=[meeting.pk for meeting in meetings],
            seat_id__in=[seat.pk for seat in seats],
        ).only("meeting_id", "seat_id", "status", "deputy_name")
    }
    members: dict[int, Figures] = {}
    organisations: dict[int, Figures] = {}
    seat_titles = defaultdict(list)
    for seat in seats:
        person = members.setdefault(
            seat.person_id,
            Figures(name=seat.person.get_full_name() or seat.person.email, threshold=threshold),
        )
        seat_titles[seat.person_id].append(f"{seat.title}, {seat.organisation.name}")
        organisation = organisations.setdefault(
            seat.organisation_id, Figures(name=seat.organisation.name, threshold=threshold)
        )
        for meeting in meetings:
            if not seat.is_current(meeting_day(meeting)):
                continue
            record = records.get((meeting.pk, seat.pk))
            status = record.status if record else None
            deputy = record.deputy_name if record else ""
            person.add(status, deputy)
            organisation.add(status, deputy)
    for person_id, figures in members.items():
        figures.detail = "; ".join(seat_titles[person_id])
    return members, organisations


def attendance_report(
    year: MunicipalYear, *, viewed_by=None, now: datetime.datetime | None = None
) -> Report:
    """Every member's and partner organisation's attendance in `year`: five queries however
    many seats and meetings (the site and its settings, the Steering Group's meetings, the
    seats and the records), and an audit entry when an officer views it."""
    threshold = threshold_percent()
    meetings = meetings_of_year(year, now)
    seats = _seats_of_year(year)
    members, organisations = _tally(year, seats, meetings, threshold)
    report = Report(
        year=year,
        threshold=threshold,
        meetings=meetings,
        members=sorted(members.values(), key=lambda figures: figures.name.lower()),
        organisations=sorted(organisations.values(), key=lambda figures: figures.name.lower()),
    )
    if viewed_by is not None:
        record_access(
            viewed_by,
            Action.VIEWED_ATTENDANCE,
            count=len(members),
            details={"report": year.label},
        )
    return report


def record_of(person, now: datetime.datetime | None = None) -> Figures | None:
    """A member's own attendance this municipal year, for their dashboard; None when they
    held no seat this year."""
    year = MunicipalYear.current(now)
    seats = _seats_of_year(year, person)
    if not seats:
        return None
    # The dashboard shows the member their share, not the flag: no threshold to read.
    members, _ = _tally(year, seats, meetings_of_year(year, now), threshold=0)
    return members[person.pk]


def report_years(now: datetime.datetime | None = None) -> list[MunicipalYear]:
    """The municipal years with a Steering Group meeting, newest first, this year always."""
    years = {MunicipalYear.current(now)}
    for start in steering_group_meetings().values_list("start", flat=True):
        years.add(MunicipalYear.of(timezone.localdate(start)))
    return sorted(years, key=lambda year: year.start_year, reverse=True)
