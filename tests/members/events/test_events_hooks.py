"""What events give the rest of the site through hooks: the members' dashboard panel and the
calendar feeds' entries, each keeping to what the person (or the public) may see."""

import pytest
from django.contrib.auth.models import AnonymousUser
from icalendar import Calendar
from wagtail import hooks

from home.extension_points import (
    CALENDAR_SOURCES,
    DASHBOARD_PANELS,
    PERSONAL_DATA,
    erase_personal_data,
    export_personal_data,
    panels,
)
from members.events.links import registration_path
from members.events.models import Audience, EventPlaces, Registration, RegistrationNeeds
from members.events.services import register_for_event
from members.events.wagtail_hooks import (
    event_registrations_data,
    events_dashboard_panel,
    events_for_calendar,
)
from tests.fixtures.events import applicant, make_event

pytestmark = pytest.mark.django_db


def test_events_register_under_the_hook_names_home_defines():
    assert DASHBOARD_PANELS == "kcp_dashboard_panels"
    assert CALENDAR_SOURCES == "kcp_calendar_sources"
    assert events_dashboard_panel in hooks.get_hooks(DASHBOARD_PANELS)
    assert events_for_calendar in hooks.get_hooks(CALENDAR_SOURCES)
    assert event_registrations_data in hooks.get_hooks(PERSONAL_DATA)


def test_the_dashboard_panel_shows_the_members_registrations_and_the_events_they_may_attend(
    rf, events_index, workshop, wider_member
):
    make_event(events_index, title="Steering Group away day", audience=Audience.STEERING_GROUP)
    make_event(events_index, title="Annual Partnership Event", audience=Audience.WIDER_PARTNERSHIP)
    registration = register_for_event(workshop, applicant(1, user=wider_member))
    request = rf.get("/members/")
    request.user = wider_member
    [panel] = [p for p in panels(DASHBOARD_PANELS, request) if "events" in p.template_name]
    html = panel.render(request)
    assert f'href="{registration_path(registration)}"' in html
    assert "Your bookings" in html and "Registered: your place is confirmed." in html
    assert "Annual Partnership Event" in html
    assert "Steering Group away day" not in html
    assert "Event registrations" not in html  # not someone who manages events


def test_the_dashboard_panel_is_for_signed_in_people_only(rf, workshop):
    request = rf.get("/members/")
    request.user = AnonymousUser()
    assert events_dashboard_panel(request) is None


def test_a_groups_calendar_feed_gets_only_the_public_events_that_group_runs(
    rf, events_index, workshop, running_group
):
    make_event(events_index, title="Another group's day", slug="another")
    request = rf.get("/meetings/calendar/voluntary-organisations-forum.ics")
    group_source = events_for_calendar(running_group, request)
    assert [str(entry["summary"]) for entry in group_source.events] == [
        "Community Strategy workshop"
    ]
    every_source = events_for_calendar(None, request)
    assert sorted(str(entry["summary"]) for entry in every_source.events) == [
        "Another group's day",
        "Community Strategy workshop",
    ]
    [entry] = group_source.events
    assert str(entry["url"]) == "http://testserver/events/community-strategy-workshop/"


def test_the_meetings_calendar_feed_carries_public_events_only(client, events_index, workshop):
    make_event(events_index, title="Steering Group away day", audience=Audience.STEERING_GROUP)
    calendar = Calendar.from_ical(client.get("/meetings/calendar.ics").content)
    summaries = [str(entry["summary"]) for entry in calendar.walk("VEVENT")]
    assert "Community Strategy workshop" in summaries
    assert "Steering Group away day" not in summaries


def test_a_persons_registrations_are_exported_and_erased_with_their_data(workshop, wider_member):
    EventPlaces.objects.filter(event=workshop).update(capacity=1)
    registration = register_for_event(
        workshop,
        applicant(
            1,
            user=wider_member,
            dietary_needs="Halal",
            has_consented_to_needs=True,
            email="amira@residents.example",
        ),
    )
    waiting_for_it = register_for_event(workshop, applicant(2), join_waiting_list_if_full=True)
    exported = export_personal_data(wider_member)["events"]
    assert exported[0]["event"] == "Community Strategy workshop"
    assert exported[0]["dietary_needs"] == "Halal"
    erase_personal_data(wider_member)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert (registration.name, registration.email, registration.user) == (
        "(erased)",
        "erased@invalid",
        None,
    )
    assert not RegistrationNeeds.objects.exists()
    assert Registration.objects.get(pk=waiting_for_it.pk).status == Registration.Status.OFFERED
