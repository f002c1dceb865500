"""Officers' attendance screens: recording each Steering Group meeting and the yearly report."""

from django.urls import path

from members.attendance import officer_views

urlpatterns = [
    path("members/attendance/", officer_views.meetings, name="members_attendance"),
    path("members/attendance/report/", officer_views.report, name="members_attendance_report"),
    path("members/attendance/report.csv", officer_views.report_csv, name="members_attendance_csv"),
    path(
        "members/attendance/<int:meeting_id>/",
        officer_views.record,
        name="members_attendance_record",
    ),
]
