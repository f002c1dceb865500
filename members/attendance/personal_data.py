"""What attendance records hold about a person, for export and erasure through
`kcp_personal_data`."""

from dataclasses import dataclass

from django.db import transaction

from home.extension_points import RegisterEntry
from members.accounts.personal_data import OFFICERS_ONLY, STEERING_GROUP_BASIS
from members.models import (
    MeetingAttendance,
)

ATTENDANCE_REGISTER = (
    RegisterEntry(
        "Your attendance at Steering Group meetings: for each meeting and seat, whether you "
        "were present, sent apologies, were absent or a named deputy attended, and which "
        "officer recorded it and when",
        ("members.MeetingAttendance.*",),
        "To monitor attendance through the year and raise any concern with the Chairman, as "
        "the 2009 review of the Partnership asks.",
        STEERING_GROUP_BASIS,
        f"You (your own record, on your dashboard); {OFFICERS_ONLY}",
        "As long as the Steering Group's records of its meetings; the officer who recorded "
        "it is forgotten if they ask us to erase their data.",
    ),
)


@dataclass(frozen=True)
class AttendanceData:
    name: str = "Steering Group attendance"
    models: tuple = (MeetingAttendance,)
    register: tuple = ATTENDANCE_REGISTER

    def export(self, user) -> list[dict]:
        return [
            {
                "meeting": record.meeting.title,
                "meeting_start": record.meeting.start.isoformat(),
                "seat": record.seat.title,
                "attendance": record.get_status_display(),
                "deputy": record.deputy_name,
                "recorded_at": record.recorded_at.isoformat(),
            }
            for record in MeetingAttendance.objects.filter(seat__person=user)
            .select_related("meeting", "seat")
            .order_by("meeting__start")
        ]

    @transaction.atomic
    def erase(self, user) -> None:
        """A meeting's attendance is part of the Steering Group's record (its minutes name
        who came), so the member's own rows stay with their seat; an officer who recorded
        attendance is forgotten."""
        MeetingAttendance.objects.filter(recorded_by=user).update(recorded_by=None)
