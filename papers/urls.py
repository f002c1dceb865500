"""Addresses of the papers feeds, the meetings calendars and the month view of meetings and
events (included before Wagtail's pages)."""

from django.urls import include, path, re_path

from . import views

urlpatterns = [
    path("papers/feed/", views.papers_feed, name="papers_feed"),
    path("papers/feed/<slug:group_slug>/", views.papers_feed, name="papers_group_feed"),
    path("meetings/calendar.ics", views.meetings_calendar, name="meetings_calendar"),
    path(
        "meetings/calendar/<slug:group_slug>.ics",
        views.meetings_calendar,
        name="meetings_group_calendar",
    ),
    path("calendar/", views.calendar_month, name="calendar_this_month"),
    path("calendar/<int:year>/<int:month>/", views.calendar_month, name="calendar_month"),
    path("", include("papers.packs.urls")),
    re_path(r"^(?P<meeting_path>(?:[\w-]+/)*[\w-]+)\.ics$", views.meeting_ics, name="meeting_ics"),
]
