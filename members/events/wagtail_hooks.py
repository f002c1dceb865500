"""What events add to the rest of the site through hooks: the members' dashboard panel, the
calendar feeds' entries, the personal data registrations hold, the page editor's places, and
the admin menu's link to the registrations."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.extension_points import (
    CALENDAR_SOURCES,
    DASHBOARD_PANELS,
    PERSONAL_DATA,
    CalendarSource,
    Panel,
    RegisterEntry,
)
from home.roles import is_steering_group_member

from . import access, away_days, officer_services, services
from .bookings import bookings_of
from .calendar import calendar_entries, public_events_for_calendar
from .exceptions import CapacityBelowTaken
from .models import (
    AwayDayReminder,
    EventPage,
    PersonalDataAuditEntry,
    Registration,
    RegistrationNeeds,
    events_visible_to,
)

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


class EventRegistrationsData:
    """The personal data event registrations hold, for a person's export and erasure."""

    name = "events"
    models = (Registration, PersonalDataAuditEntry, AwayDayReminder)
    register = (
        RegisterEntry(
            "Your registrations for events and their waiting lists: your name, email address "
            "(or, if an officer registered you without one, your telephone number), "
            "the answers to the event's questions, your place or turn and when you registered; "
            "for a Steering Group away day, your answer (attending, not attending or "
            "tentative), your note and when you gave it",
            ("events.Registration.*",),
            "To give you a place at the event, tell you about it, offer you a freed place and "
            "check you in on the day; for an away day, to plan it and remind members who have "
            "not answered.",
            "Performance of a task in the public interest (UK GDPR article 6(1)(e))",
            "You; Partnership officers; the lead officers of the group running the event, "
            "without your access and dietary needs",
            "As long as the event's records are kept; your name and email address are removed "
            "if you ask us to erase your data.",
        ),
        RegisterEntry(
            "Your access and dietary needs for an event, if you chose to tell us",
            ("events.RegistrationNeeds.*",),
            "To make the event accessible to you and cater for you.",
            "Your explicit consent (UK GDPR articles 6(1)(a) and 9(2)(a))",
            "Partnership officers (the KCP support team) only",
            f"Deleted {settings.KCP_EVENT_NEEDS_KEPT_DAYS} days after the event.",
        ),
        RegisterEntry(
            "A record of which officer viewed, exported or changed registrations, and when, "
            "and of the reminders sent to Steering Group members about an away day (who sent "
            "each, when, to how many)",
            ("events.PersonalDataAuditEntry.*", "events.AwayDayReminder.*"),
            "To account for every use of registrations' personal data.",
            "Legal obligation (UK GDPR article 6(1)(c))",
            "Partnership officers (the KCP support team) only",
            "As long as the event's records are kept; the officer's name is removed on erasure.",
        ),
    )

    def export(self, user) -> list[dict]:
        return [
            {
                "event": registration.event.title,
                "status": registration.get_status_display(),
                "name": registration.name,
                "email": registration.email,
                "telephone": registration.telephone,
                "answers": registration.answers,
                "registered": registration.created_at.isoformat(),
                "away_day_answer": registration.get_reply_display() if registration.reply else "",
                "away_day_note": registration.note,
                "access_needs": getattr(registration, "needs", None)
                and registration.needs.access_needs,
                "dietary_needs": getattr(registration, "needs", None)
                and registration.needs.dietary_needs,
            }
            for registration in Registration.objects.filter(user=user).select_related(
                "event", "needs"
            )
        ]

    def erase(self, user) -> None:
        """Active registrations are cancelled (their places pass on); every registration then
        loses its name, email, answers and needs. Officers' audit entries stay, unnamed."""
        for registration in Registration.objects.filter(user=user, status__in=Registration.ACTIVE):
            services.cancel_registration(registration, note="Erased at the person's request")
        registrations = Registration.objects.filter(user=user)
        for registration in registrations:
            RegistrationNeeds.objects.filter(registration=registration).delete()
        registrations.update(
            name="(erased)", email="erased@invalid", telephone="", answers=[], user=None
        )
        registrations.update(note="")
        PersonalDataAuditEntry.objects.filter(actor=user).update(actor=None)
        AwayDayReminder.objects.filter(sent_by=user).update(sent_by=None)


@hooks.register(PERSONAL_DATA)
def event_registrations_data():
    return EventRegistrationsData()


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
