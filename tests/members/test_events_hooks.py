"""What events give the rest of the site through hooks: the members' dashboard panel and the
calendar feeds' entries, each keeping to what the person (or the public) may see."""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail import hooks

from members.events.links import registration_path
from members.events.models import Audience
from members.events.services import register_for_event
from members.events.wagtail_hooks import (
    CALENDAR_SOURCES,
    DASHBOARD_PANELS,
    events_dashboard_panel,
    events_for_calendar,
)
from tests.members.conftest import applicant, make_event

pytestmark = pytest.mark.django_db


def test_events_register_under_the_hook_names_home_defines():
    assert DASHBOARD_PANELS == "kcp_dashboard_panels"
    assert CALENDAR_SOURCES == "kcp_calendar_sources"
    assert events_dashboard_panel in hooks.get_hooks(DASHBOARD_PANELS)
    assert events_for_calendar in hooks.get_hooks(CALENDAR_SOURCES)


def test_the_dashboard_panel_shows_the_members_registrations_and_the_events_they_may_attend(
    rf, events_index, workshop, wider_member
):
    make_event(events_index, title="Steering Group away day", audience=Audience.STEERING_GROUP)
    make_event(events_index, title="Annual Partnership Event", audience=Audience.WIDER_PARTNERSHIP)
    registration = register_for_event(workshop, applicant(1, user=wider_member))
    request = rf.get("/members/")
    request.user = wider_member
    html = events_dashboard_panel(request).render(request)
    assert f'href="{registration_path(registration)}"' in html
    assert "Community Strategy workshop</a>: place confirmed" in html
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
