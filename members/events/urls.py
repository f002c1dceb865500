"""Event addresses outside the page tree: the registration form of each event, the signed
link's page, and the officers' screens. Included before Wagtail's pages."""

from django.urls import path

from . import officer_views, views

urlpatterns = [
    path("events/registration/<str:token>/", views.registration_link, name="events_registration"),
    path(
        "events/registration/<str:token>/leave/",
        views.leave_waiting_list,
        name="events_leave_waiting_list",
    ),
    path("events/manage/", officer_views.manage_events, name="events_manage"),
    path("events/manage/<int:event_id>/", officer_views.manage_event, name="events_manage_event"),
    path(
        "events/manage/<int:event_id>/register-someone/",
        officer_views.register_someone,
        name="events_register_someone",
    ),
    path(
        "events/manage/<int:event_id>/registrations.csv",
        officer_views.export_registrations,
        name="events_export",
    ),
    path(
        "events/manage/<int:event_id>/sign-in-sheet/",
        officer_views.sign_in_sheet,
        name="events_sign_in_sheet",
    ),
    path("events/manage/<int:event_id>/check-in/", officer_views.check_in, name="events_check_in"),
    path(
        "events/manage/<int:event_id>/registrations/<int:registration_id>/",
        officer_views.change_registration,
        name="events_change_registration",
    ),
    path(
        "events/manage/<int:event_id>/away-day/",
        officer_views.manage_away_day,
        name="events_manage_away_day",
    ),
    path(
        "events/manage/<int:event_id>/away-day/remind/",
        officer_views.remind_away_day,
        name="events_remind_away_day",
    ),
    path("events/<slug:event_slug>/answer/", views.answer_form, name="events_answer"),
    path("events/<slug:event_slug>/calendar.ics", views.event_calendar, name="events_calendar"),
    path("events/<slug:event_slug>/register/", views.registration_form, name="events_register"),
]
