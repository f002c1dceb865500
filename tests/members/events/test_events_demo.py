"""The demo events `make run` loads: the annual Partnership Event full with two waiting, an
open public workshop with places left, and a restricted away day; loading again adds nothing."""

import io

import pytest
from django.conf import settings

from home import demo as home_demo
from members.events import demo
from members.events.models import Audience, EventPage, EventPlaces, Registration
from themegroups import demo as themegroups_demo

pytestmark = pytest.mark.django_db
Status = Registration.Status


def test_the_demo_loader_loads_events_after_the_groups_that_run_them():
    loaders = settings.KCP_DEMO_CONTENT_LOADERS
    assert loaders.index("members.events.demo") > loaders.index("themegroups.demo")


def test_demo_events_show_a_full_event_with_a_waiting_list_and_an_open_workshop(client):
    # Only the demo content events need: the whole demo (papers imported) takes minutes.
    home_demo.load(io.StringIO())
    themegroups_demo.load(io.StringIO())
    demo.load(io.StringIO())
    partnership_event = EventPage.objects.get(slug="annual-partnership-event")
    places = EventPlaces.objects.get(event=partnership_event)
    assert places.capacity == places.taken == 6
    waiting = partnership_event.registrations.filter(status=Status.WAITING)
    assert waiting.count() == 2
    assert partnership_event.registrations.filter(status=Status.CONFIRMED).count() == 6
    assert [q.label for q in partnership_event.questions.all()] == ["Organisation"]
    assert partnership_event.run_by.slug == "voluntary-organisations-forum"
    assert [str(r) for r in partnership_event.event_reminders.all()] == [
        "7 days before",
        "1 day before",
    ]

    workshop = EventPage.objects.get(slug="community-strategy-workshop")
    assert workshop.audience == Audience.PUBLIC
    assert EventPlaces.objects.get(event=workshop).left == 36
    listing = client.get("/events/").text
    assert "Full: waiting list open" in listing and "36 places left" in listing
    assert "Steering Group away day" not in listing
    assert client.get("/events/annual-partnership-event/register/").status_code == 200

    demo.load(io.StringIO())
    assert EventPage.objects.count() == 3
    assert Registration.objects.count() == 12
    assert workshop.registrations.get(email="").telephone == "020 7361 3000"
