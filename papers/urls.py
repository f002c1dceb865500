"""Addresses of the papers feeds and meetings calendars (included before Wagtail's pages)."""

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
    path("", include("papers.packs.urls")),
    re_path(r"^(?P<meeting_path>(?:[\w-]+/)*[\w-]+)\.ics$", views.meeting_ics, name="meeting_ics"),
]
