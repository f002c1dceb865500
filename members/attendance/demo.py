"""Demo attendance for `make run`: the demo Steering Group's seats recorded at the Steering
Group's meetings of the municipal year of the latest one held (this year, except in the weeks
after 1 April before this year's first demo meeting), with one member (the health
representative) under the threshold of 75% however many of the meetings fall in that year."""

from django.utils import timezone

from home.models import SteeringGroupSeat
from members.attendance import services as attendance
from members.models import MeetingAttendance

Status = MeetingAttendance.Status
# By the seat holder's email, their attendance at that year's meetings, oldest first; seats
# not held on a meeting's day are skipped. Michael Wilson misses the first two, so he is under
# the threshold whether the year holds one, two or three of them. The Chairman's deputy comes
# to one meeting.
PATTERNS = {
    "merrick.cockell@kcp.example": [Status.PRESENT, Status.DEPUTY, Status.PRESENT],
    "derek.myers@kcp.example": [Status.PRESENT, Status.PRESENT, Status.PRESENT],
    "michael.wilson@kcp.example": [Status.APOLOGIES, Status.ABSENT, Status.PRESENT],
    "maria.lopez@kcp.example": [Status.PRESENT],
}


def demo_year() -> attendance.MunicipalYear:
    """The municipal year of the latest Steering Group meeting held (this one if none is)."""
    latest = (
        attendance.steering_group_meetings()
        .filter(start__lt=timezone.now())
        .exclude(status__in=attendance.NOT_COUNTED)
        .order_by("-start")
        .first()
    )
    if latest is None:
        return attendance.MunicipalYear.current()
    return attendance.MunicipalYear.of(attendance.meeting_day(latest))


def load_attendance(stdout) -> None:
    if MeetingAttendance.objects.exists():
        return
    meetings = attendance.meetings_of_year(demo_year())
    seats = SteeringGroupSeat.objects.filter(person__email__in=PATTERNS).select_related("person")
    rows = []
    for seat in seats:
        held = [m for m in meetings if seat.is_current(attendance.meeting_day(m))]
        for meeting, status in zip(held, PATTERNS[seat.person.email], strict=False):
            rows.append(
                MeetingAttendance(
                    meeting=meeting,
                    seat=seat,
                    status=status,
                    deputy_name=seat.deputy if status == Status.DEPUTY else "",
                    recorded_at=timezone.now(),
                )
            )
    MeetingAttendance.objects.bulk_create(rows)
    if rows:
        stdout.write(f"Recorded attendance at {len(meetings)} Steering Group meetings.")
