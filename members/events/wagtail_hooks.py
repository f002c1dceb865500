"""What events add to the rest of the site through hooks: the members' dashboard panel, the
calendar feeds' entries, the personal data registrations hold, the page editor's places, and
the admin menu's link to the registrations."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.extension_points import (
    AUDIT_ACTIONS,
    CALENDAR_MONTH_ENTRIES,
    CALENDAR_SOURCES,
    DASHBOARD_PANELS,
    FRONT_CACHE_LISTINGS,
    PERSONAL_DATA,
    CalendarSource,
    Panel,
)
from home.roles import is_steering_group_member

from . import access, away_days, officer_services
from .audit import Action
from .bookings import bookings_of
from .calendar import (
    calendar_entries,
    month_entries,
    month_view_addresses,
    public_events_for_calendar,
)
from .exceptions import CapacityBelowTaken
from .models import (
    EventPage,
    Registration,
    events_visible_to,
)
from .personal_data import EventRegistrationsData

DASHBOARD_EVENTS = 5


@hooks.register(DASHBOARD_PANELS)
def events_dashboard_panel(request) -> Panel | None:
    """The next events the member may attend and "Your bookings": each registration for an
    event not yet over (a place, waiting with position, an offer, or cancelled), with its
    link to view or cancel. A fixed number of queries whatever the number of bookings."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    upcoming, _past = events_visible_to(user)
    return Panel(
        "events/includes/dashboard_panel.html",
        {
            "upcoming_events": upcoming[:DASHBOARD_EVENTS],
            "bookings": bookings_of(user),
            "manages_events": access.events_managed_by(user).exists(),
        },
        order=50,
    )


@hooks.register(DASHBOARD_PANELS)
def away_day_dashboard_panel(request) -> Panel | None:
    """For Steering Group members: the away days open for answers and their own answer to
    each. Two queries, whatever the number of away days or members."""
    if not is_steering_group_member(request):
        return None
    open_away_days = list(away_days.open_away_days()[:DASHBOARD_EVENTS])
    if not open_away_days:
        return None
    answers = away_days.answers_of(request.user, open_away_days)
    return Panel(
        "events/includes/away_day_panel.html",
        {"away_days": [(event, answers.get(event.pk)) for event in open_away_days]},
        order=45,
    )


@hooks.register(CALENDAR_SOURCES)
def events_for_calendar(group, request) -> CalendarSource:
    """Public events only: a calendar feed is fetched without signing in. A group's feed gets
    the events that group runs."""
    events = public_events_for_calendar(run_by=group)
    return CalendarSource(
        "events",
        calendar_entries(events, lambda event: request.build_absolute_uri(event.get_url(request))),
    )


hooks.register(CALENDAR_MONTH_ENTRIES, month_entries)
hooks.register(FRONT_CACHE_LISTINGS, month_view_addresses)


@hooks.register(PERSONAL_DATA)
def event_registrations_data() -> EventRegistrationsData:
    return EventRegistrationsData()


@hooks.register(AUDIT_ACTIONS)
def events_audit_actions() -> dict[str, str]:
    return dict(Action.choices)


def _save_places(request, page) -> None:
    """The editor's Places field: saved at once to the places row, not to the revision."""
    if not isinstance(page.specific, EventPage) or "places" not in request.POST:
        return
    try:
        capacity = int(request.POST["places"])
        officer_services.set_places(page.specific, capacity, by=request.user)
    except ValueError:
        return  # the form has already refused anything but a whole number
    except CapacityBelowTaken as error:
        messages.error(request, error.message)


hooks.register("after_create_page", _save_places)
hooks.register("after_edit_page", _save_places)


@hooks.register("before_delete_page")
def keep_events_that_people_registered_for(request, page):
    """Registrations are personal data that nothing deletes by accident: an event (or the
    listing above it) with registrations cannot be deleted; unpublish it instead."""
    if not Registration.objects.filter(event__path__startswith=page.path).exists():
        return None
    messages.error(
        request,
        "People have registered for this event, so it cannot be deleted: unpublish it "
        "instead, or cancel the registrations first.",
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return access.events_managed_by(request.user).exists()


@hooks.register("register_admin_menu_item")
def registrations_menu_item():
    return RegistrationsMenuItem(
        "Event registrations",
        reverse("events_manage"),
        icon_name="date",
        order=900,
    )
