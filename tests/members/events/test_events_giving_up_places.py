"""Every way of giving up a place frees it and offers it on, once, on a fixed clock: a person
cancelling, an officer cancelling, an offer running out, an offer turned down, a registration
erased for data rights, and a registration moved to another event. Places taken never go
above capacity and always equal the places confirmed or offered."""

import datetime

import pytest
from django.test import override_settings

from home.models import OutgoingEmail
from members.events.models import EventPlaces, Registration
from members.events.officer_services import cancel_by_officer, move_registration
from members.events.services import (
    accept_offer,
    cancel_registration,
    decline_offer,
    expire_offers,
    register_for_event,
)
from members.events.wagtail_hooks import EventRegistrationsData
from tests.fixtures.events import applicant, make_event

pytestmark = pytest.mark.django_db
Status = Registration.Status
HOLD = datetime.timedelta(hours=48)


@pytest.fixture(autouse=True)
def offers_are_held_for_48_hours():
    with override_settings(KCP_EVENT_OFFER_HOLD_MS=int(HOLD.total_seconds() * 1000)):
        yield


def person(event, name: str) -> Registration:
    return Registration.objects.get(event=event, name=name)


def assert_offered_to(event, name: str) -> Registration:
    """`name`, and nobody else, holds an offer; places taken match and stay within capacity;
    the offer was emailed to them once."""
    offered = Registration.objects.filter(event=event, status=Status.OFFERED)
    assert [registration.name for registration in offered] == [name]
    places = EventPlaces.objects.get(event=event)
    holding = Registration.objects.filter(event=event, status__in=Registration.HOLDS_A_PLACE)
    assert places.taken == holding.count() <= places.capacity
    [registration] = offered
    assert OutgoingEmail.objects.filter(kind="event_offered", to=[registration.email]).count() == 1
    return registration


def test_each_way_of_giving_up_a_place_offers_it_to_the_next_person_waiting_once(
    events_index, wider_member, officer, django_capture_on_commit_callbacks
):
    now = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)
    event = make_event(events_index, title="Partnership Event", places=2)
    elsewhere = make_event(events_index, title="Spring workshop", places=10)
    committed = django_capture_on_commit_callbacks  # each step's emails are queued at once
    register_for_event(event, applicant(0, name="Amira", user=wider_member), now=now)
    register_for_event(event, applicant(1, name="Ben"), now=now)
    for number, name in enumerate(["W1", "W2", "W3", "W4", "W5", "W6"], start=2):
        later = now + datetime.timedelta(minutes=number)
        register_for_event(
            event, applicant(number, name=name), join_waiting_list_if_full=True, now=later
        )

    # 1. A person cancels their place.
    now += datetime.timedelta(hours=1)
    with committed(execute=True):
        cancel_registration(person(event, "Ben"), now=now)
    w1 = assert_offered_to(event, "W1")

    # 2. An officer cancels a place (W1 accepted first).
    accept_offer(w1, now=now)
    with committed(execute=True):
        cancel_by_officer(person(event, "W1"), by=officer, note="Asked by phone", now=now)
    w2 = assert_offered_to(event, "W2")

    # 3. An offer runs out.
    now = w2.offer_expires_at + datetime.timedelta(seconds=1)
    with committed(execute=True):
        assert expire_offers(now=now) == 1
    assert person(event, "W2").status == Status.OFFER_EXPIRED
    w3 = assert_offered_to(event, "W3")

    # 4. An offer is turned down.
    with committed(execute=True):
        decline_offer(w3, now=now)
    assert person(event, "W3").status == Status.OFFER_DECLINED
    w4 = assert_offered_to(event, "W4")

    # 5. A registration is erased for data rights (W4 accepted first).
    accept_offer(w4, now=now)
    with committed(execute=True):
        EventRegistrationsData().erase(wider_member)
    assert not Registration.objects.filter(event=event, user=wider_member).exists()
    w5 = assert_offered_to(event, "W5")

    # 6. A registration is moved to another event (W5 accepted first, on the erasure's clock).
    accept_offer(w5)
    with committed(execute=True):
        move_registration(person(event, "W4"), elsewhere, by=officer, note="Prefers spring")
    assert_offered_to(event, "W6")
    assert Registration.objects.get(event=elsewhere).name == "W4"

    confirmed = Registration.objects.filter(event=event, status=Status.CONFIRMED)
    assert [registration.name for registration in confirmed] == ["W5"]
    assert EventPlaces.objects.get(event=event).taken == 2
