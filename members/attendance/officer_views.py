"""Partnership officers' screens for attendance at Steering Group meetings: the meetings, one
screen per meeting to record each seat's attendance, and the report per municipal year
(printable, and as CSV). Everyone else gets a clear 403; every view and export is audited."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from home.audit import record_access
from home.http_caching import kept_private
from home.roles import is_partnership_officer
from home.spreadsheets import download, spreadsheet
from members.attendance import services as attendance
from members.attendance.forms import AttendanceForm
from members.audit.actions import Action
from members.exceptions import AttendanceNotValid
from members.models import MeetingAttendance

OFFICERS_ONLY = (
    "Attendance records are for the Partnership's officers only. If you need a member's "
    "attendance, ask the Partnership team."
)


def officers_only(view):
    """Signed-out visitors go to sign in; others a clear 403; nothing shown is cached."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_partnership_officer(request.user):
            response = render(request, "403.html", {"refusal": OFFICERS_ONLY}, status=403)
        else:
            response = view(request, *args, **kwargs)
        return kept_private(response)

    return never_cache(login_required(wrapped))


@officers_only
def meetings(request):
    """The Steering Group's meetings, newest first, each with how many seats are recorded."""
    listed = list(
        attendance.steering_group_meetings()
        .only("title", "start", "status", "path", "depth", "url_path")
        .order_by("-start")
    )
    recorded = {}
    for meeting_id in MeetingAttendance.objects.filter(
        meeting_id__in=[meeting.pk for meeting in listed]
    ).values_list("meeting_id", flat=True):
        recorded[meeting_id] = recorded.get(meeting_id, 0) + 1
    for meeting in listed:
        meeting.recorded_seats = recorded.get(meeting.pk, 0)
    return render(
        request,
        "members/attendance/meetings.html",
        {"meetings": listed, "years": attendance.report_years()},
    )


@officers_only
@require_http_methods(["GET", "POST"])
def record(request, meeting_id: int):
    meeting = get_object_or_404(attendance.steering_group_meetings(), pk=meeting_id)
    rows = attendance.attendance_sheet(
        meeting, viewed_by=request.user if request.method == "GET" else None
    )
    form = AttendanceForm(request.POST or None, rows=rows)
    problem, is_held = None, True
    try:
        attendance.check_meeting_held(meeting)
    except AttendanceNotValid as error:
        # Said before anyone fills the sheet in, and again if it is posted anyway.
        problem, is_held = error.message, False
    if request.method == "POST" and is_held:
        if form.is_valid():
            try:
                saved = attendance.record_attendance(meeting, form.entries(), by=request.user)
            except AttendanceNotValid as error:
                problem = error.message
            else:
                messages.success(
                    request,
                    f"Attendance saved for {saved} seat{'s' if saved != 1 else ''} at "
                    f"{meeting.title}.",
                )
                return redirect("members_attendance_record", meeting_id=meeting.pk)
        else:
            problem = "Check the rows marked below: nothing has been saved yet."
    return render(
        request,
        "members/attendance/record.html",
        {
            "meeting": meeting,
            "form": form,
            "problem": problem,
            "is_held": is_held,
            "statuses": MeetingAttendance.Status,
        },
        status=400 if problem and request.method == "POST" else 200,
    )


@officers_only
def report(request):
    year = attendance.year_from(request.GET.get("year"))
    return render(
        request,
        "members/attendance/report.html",
        {
            "report": attendance.attendance_report(year, viewed_by=request.user),
            "years": attendance.report_years(),
        },
    )


CSV_HEADINGS = [
    "Kind",
    "Name",
    "Seats",
    "Meetings counted",
    "Present",
    "Deputy attended",
    "Deputies",
    "Apologies",
    "Absent",
    "Not recorded",
    "Share attended (%)",
    "Below threshold",
]


def report_rows(report: attendance.Report) -> list[list]:
    """One row per member, then per partner organisation, in CSV_HEADINGS' order."""
    kinds = (("Member", report.members), ("Partner organisation", report.organisations))
    return [
        [
            kind,
            figures.name,
            figures.detail,
            figures.expected,
            figures.present,
            figures.deputy,
            "; ".join(figures.deputies),
            figures.apologies,
            figures.absent,
            figures.not_recorded,
            "" if figures.share is None else figures.share,
            "yes" if figures.is_below_threshold else "no",
        ]
        for kind, rows in kinds
        for figures in rows
    ]


def report_csv_text(report: attendance.Report) -> str:
    """The report as CSV, every cell formula-neutralised (a name like =SUM(...) is text)."""
    return spreadsheet(CSV_HEADINGS, report_rows(report))


@officers_only
def report_csv(request):
    year = attendance.year_from(request.GET.get("year"))
    report = attendance.attendance_report(year)
    record_access(
        request.user,
        Action.EXPORTED_ATTENDANCE,
        count=len(report.members),
        details={"report": year.label},
    )
    return download(
        f"steering-group-attendance-{year.start_year}",
        CSV_HEADINGS,
        report_rows(report),
        request.GET.get("format"),
    )
