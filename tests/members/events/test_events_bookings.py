"""A member's own bookings: on the dashboard and on the event page, each with what it is now
(registered, waiting with its position, an offer awaiting an answer, cancelled) and its link
to view or cancel; the dashboard's queries stay flat as bookings grow. Every event page has
an "Add to calendar" .ics, for whoever may see the event, and breadcrumbs from the shared
include; an offer can be turned down from the emailed link."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from home.extension_points import DASHBOARD_PANELS, panels
from members.events.links import leave_path, registration_path
from members.events.models import Audience, Registration
from members.events.services import cancel_registration, register_for_event
from tests.fixtures.events import applicant, make_event

pytestmark = pytest.mark.django_db
Status = Registration.Status


def dashboard_panel_html(rf, user) -> str:
    request = rf.get("/members/")
    request.user = user
    [panel] = [p for p in panels(DASHBOARD_PANELS, request) if "dashboard_panel" in p.template_name]
    return panel.render(request)


def book(event, user, number=1) -> Registration:
    return register_for_event(
        event,
        applicant(number, user=user, email=user.email),
        join_waiting_list_if_full=True,
    )


def test_your_bookings_show_a_place_a_waiting_position_an_offer_and_a_cancellation(
    rf, events_index, full_workshop, wider_member
):
    waiting = book(full_workshop, wider_member, 8)  # third on the waiting list
    confirmed = book(make_event(events_index, title="Housing forum"), wider_member)
    cancelled = book(make_event(events_index, title="Health forum"), wider_member)
    cancel_registration(cancelled)
    small = make_event(events_index, title="Youth panel", places=1)
    register_for_event(small, applicant(20))
    offered = book(small, wider_member)
    cancel_registration(Registration.objects.get(event=small, email="person20@example.org"))

    html = dashboard_panel_html(rf, wider_member)
    assert "Your bookings" in html
    assert "On the waiting list: number 3." in html
    assert "Registered: your place is confirmed." in html
    assert "A place is offered to you: accept it by" in html
    assert "Cancelled." in html
    for registration in (waiting, confirmed, offered, cancelled):
        assert f'href="{registration_path(registration)}"' in html
    assert f'href="{leave_path(waiting)}"' in html
    assert "View or cancel your booking" in html and "Accept or turn down the place" in html


def test_your_bookings_say_so_when_there_are_none(rf, workshop, wider_member):
    assert "You have not booked any event that is still to come." in dashboard_panel_html(
        rf, wider_member
    )


def test_your_bookings_take_the_same_queries_for_one_booking_as_for_six(
    rf, events_index, wider_member
):
    def queries_with(count: int) -> int:
        for number in range(count):
            book(make_event(events_index, title=f"Forum {count}-{number}"), wider_member)
        with CaptureQueriesContext(connection) as queries:
            dashboard_panel_html(rf, wider_member)
        Registration.objects.filter(user=wider_member).update(status=Status.CANCELLED)
        Registration.objects.filter(user=wider_member).update(user=None)
        return len(queries)

    assert queries_with(1) == queries_with(6)


def test_the_event_page_shows_the_members_place_on_the_waiting_list(
    client, full_workshop, wider_member
):
    waiting = book(full_workshop, wider_member, 8)
    client.force_login(wider_member)
    page = client.get(full_workshop.url)
    assert "Your booking" in page.text
    assert "On the waiting list: number 3." in page.text
    assert f'href="{registration_path(waiting)}"' in page.text
    assert f'href="{leave_path(waiting)}"' in page.text
    assert "Join the waiting list" not in page.text  # they are on it already
    cancel_registration(waiting)
    page = client.get(full_workshop.url)
    assert "Cancelled." in page.text and "Join the waiting list" in page.text


def test_every_event_page_offers_add_to_calendar_as_an_ics(client, workshop):
    page = client.get(workshop.url)
    url = reverse("events_calendar", args=[workshop.slug])
    assert f'href="{url}"' in page.text and "Add to calendar" in page.text
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    [entry] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(entry["summary"]) == "Community Strategy workshop"
    assert entry.decoded("dtstart") == workshop.start


def test_a_restricted_events_calendar_file_is_not_given_to_the_public(client, events_index):
    event = make_event(events_index, title="Members' forum", audience=Audience.WIDER_PARTNERSHIP)
    response = client.get(reverse("events_calendar", args=[event.slug]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_event_pages_have_the_shared_breadcrumbs(client, workshop):
    page = client.get(workshop.url).text
    assert 'class="breadcrumbs"' in page and '<a href="/events/">Events</a>' in page
    form = client.get(reverse("events_register", args=[workshop.slug])).text
    assert f'<a href="{workshop.url}">Community Strategy workshop</a>' in form
    assert '<li aria-current="page">Register</li>' in form


def test_an_offer_can_be_turned_down_from_the_emailed_link(client, full_workshop):
    now = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)
    cancel_registration(Registration.objects.get(email="person1@example.org"), now=now)
    offered = Registration.objects.get(email="person6@example.org")
    response = client.post(registration_path(offered), {"action": "decline"})
    assert response.status_code == 302
    assert Registration.objects.get(pk=offered.pk).status == Status.OFFER_DECLINED
    assert Registration.objects.get(email="person7@example.org").status == Status.OFFERED
    assert "You turned down the place offered" in client.get(response["Location"]).text
