"""The wider partnership's public and members' pages: joining, preferences, data rights; and
the members' area under /members/: the dashboard, induction, pairings and the skills audit;
officers' attendance screens under /members/attendance/."""

from django.urls import path

from members import attendance_views, views

urlpatterns = [
    path("join/", views.JoinView.as_view(), name="members_join"),
    path("join/confirmed/", views.join_confirmed, name="members_join_confirmed"),
    path("members/preferences/", views.preferences, name="members_preferences"),
    path("members/preferences/renew/", views.renew_consent, name="members_renew_consent"),
    path("members/preferences/leave/", views.leave, name="members_leave"),
    path("members/your-data/", views.your_data, name="members_your_data"),
    path("members/your-data/download/", views.download_your_data, name="members_download"),
    path("members/your-data/delete/", views.delete_your_data, name="members_delete"),
    path("members/your-data/deleted/", views.deleted, name="members_deleted"),
    path("members/unsubscribe/<str:token>/", views.unsubscribe, name="members_unsubscribe"),
    path("members/", views.dashboard, name="members_dashboard"),
    path(
        "members/induction/<int:module_id>/done/",
        views.mark_module_done,
        name="members_module_done",
    ),
    path(
        "members/pairings/<int:pairing_id>/done/",
        views.mark_pairing_done,
        name="members_pairing_done",
    ),
    path("members/attendance/", attendance_views.meetings, name="members_attendance"),
    path(
        "members/attendance/report/",
        attendance_views.report,
        name="members_attendance_report",
    ),
    path(
        "members/attendance/report.csv",
        attendance_views.report_csv,
        name="members_attendance_csv",
    ),
    path(
        "members/attendance/<int:meeting_id>/",
        attendance_views.record,
        name="members_attendance_record",
    ),
    path("members/skills-audit/", views.skills_audit_form, name="members_skills_audit"),
]
