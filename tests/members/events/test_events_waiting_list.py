"""The waiting list on a fixed clock: a freed place is offered to the first person waiting and
held for a set time; an offer not taken up passes on; a late acceptance is refused; nobody is
offered a place twice; more places go to those waiting."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from members.events.exceptions import CapacityBelowTaken, EventFull, OfferExpired
from members.events.links import registration_path
from members.events.models import EventPlaces, Registration
from members.events.officer_services import set_places
from members.events.services import (
    accept_offer,
    cancel_registration,
    expire_offers,
    register_for_event,
)
from tests.fixtures.events import applicant

pytestmark = pytest.mark.django_db
Status = Registration.Status
NOW = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)
HOLD = datetime.timedelta(hours=48)


@pytest.fixture(autouse=True)
def offers_are_held_for_48_hours():
    with override_settings(KCP_EVENT_OFFER_HOLD_MS=int(HOLD.total_seconds() * 1000)):
        yield


def person(event, number) -> Registration:
    return Registration.objects.get(event=event, email=f"person{number}@example.org")


def statuses(event) -> dict[str, str]:
    return dict(Registration.objects.filter(event=event).values_list("email", "status"))


def taken(event) -> int:
    return EventPlaces.objects.get(event=event).taken


def test_a_cancelled_place_is_offered_to_the_first_person_waiting_and_held_for_them(
    full_workshop, deliver_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(person(full_workshop, 2), now=NOW)
    first = person(full_workshop, 6)
    assert first.status == Status.OFFERED
    assert first.offer_expires_at == NOW + HOLD
    assert person(full_workshop, 7).status == Status.WAITING
    assert taken(full_workshop) == 5  # the place is held for the offer
    offer_email = next(m for m in deliver_outbox() if m.to == ["person6@example.org"])
    assert offer_email.subject == "A place is free for you: Community Strategy workshop"
    assert "/events/registration/" in offer_email.body
    with pytest.raises(EventFull):  # the held place is not free for anyone else
        register_for_event(full_workshop, applicant(9), now=NOW)


def test_an_offer_accepted_in_time_confirms_the_place(full_workshop):
    cancel_registration(person(full_workshop, 2), now=NOW)
    accepted = accept_offer(
        person(full_workshop, 6), now=NOW + HOLD - datetime.timedelta(seconds=1)
    )
    assert accepted.status == Status.CONFIRMED
    assert taken(full_workshop) == 5
    assert person(full_workshop, 7).status == Status.WAITING


def test_an_offer_not_taken_up_in_time_passes_to_the_next_person(full_workshop):
    cancel_registration(person(full_workshop, 2), now=NOW)
    assert expire_offers(now=NOW + HOLD - datetime.timedelta(seconds=1)) == 0
    assert expire_offers(now=NOW + HOLD) == 1
    assert person(full_workshop, 6).status == Status.OFFER_EXPIRED
    second = person(full_workshop, 7)
    assert second.status == Status.OFFERED
    assert second.offer_expires_at == NOW + 2 * HOLD
    assert taken(full_workshop) == 5


def test_a_late_acceptance_is_refused_with_a_clear_message_and_the_place_moves_on(
    full_workshop,
):
    cancel_registration(person(full_workshop, 2), now=NOW)
    with pytest.raises(OfferExpired) as refusal:
        accept_offer(person(full_workshop, 6), now=NOW + HOLD + datetime.timedelta(minutes=5))
    assert "the time to accept this place ran out" in refusal.value.message
    assert person(full_workshop, 6).status == Status.OFFER_EXPIRED
    assert person(full_workshop, 7).status == Status.OFFERED  # passed on at once
    # and after the scheduler has moved it on, accepting is still refused
    with pytest.raises(OfferExpired):
        accept_offer(person(full_workshop, 6), now=NOW + HOLD + datetime.timedelta(minutes=6))
    assert taken(full_workshop) == 5


def test_nobody_is_offered_twice_and_an_unwanted_place_is_given_back_at_the_end(
    full_workshop,
):
    cancel_registration(person(full_workshop, 1), now=NOW)
    cancel_registration(person(full_workshop, 2), now=NOW)
    assert person(full_workshop, 6).status == Status.OFFERED
    assert person(full_workshop, 7).status == Status.OFFERED  # a different person each time
    expire_offers(now=NOW + HOLD)
    assert person(full_workshop, 6).status == Status.OFFER_EXPIRED
    assert person(full_workshop, 7).status == Status.OFFER_EXPIRED
    assert taken(full_workshop) == 3  # nobody left to offer: the places are free again
    offered_ever = Registration.objects.filter(event=full_workshop, offered_at__isnull=False)
    assert offered_ever.count() == 2
    registration = register_for_event(full_workshop, applicant(9), now=NOW + HOLD)
    assert registration.status == Status.CONFIRMED


def test_leaving_the_waiting_list_offers_nothing_and_keeps_the_order(full_workshop):
    cancel_registration(person(full_workshop, 6), now=NOW)
    assert taken(full_workshop) == 5
    cancel_registration(person(full_workshop, 3), now=NOW)
    assert person(full_workshop, 7).status == Status.OFFERED


def test_more_places_go_to_those_waiting_at_once(full_workshop, officer):
    set_places(full_workshop, 6, by=officer, now=NOW)
    assert person(full_workshop, 6).status == Status.OFFERED
    assert person(full_workshop, 7).status == Status.WAITING
    assert EventPlaces.objects.get(event=full_workshop).capacity == 6
    assert taken(full_workshop) == 6


def test_places_cannot_go_below_those_taken(full_workshop, officer):
    with pytest.raises(CapacityBelowTaken) as refusal:
        set_places(full_workshop, 3, by=officer, now=NOW)
    assert "cannot have fewer than 5" in refusal.value.message
    assert EventPlaces.objects.get(event=full_workshop).capacity == 5


def test_the_scheduler_job_passes_on_offers_that_ran_out(full_workshop):
    cancel_registration(person(full_workshop, 2), now=NOW)  # long ago by the real clock
    output = io.StringIO()
    call_command("expire_event_offers", stdout=output)
    assert output.getvalue() == "1 offers ran out and were passed on.\n"
    assert person(full_workshop, 6).status == Status.OFFER_EXPIRED
    assert person(full_workshop, 7).status == Status.OFFERED


def test_the_offer_link_accepts_the_place_in_time(client, full_workshop):
    cancel_registration(person(full_workshop, 2))  # now, by the real clock
    url = registration_path(person(full_workshop, 6))
    assert "A place is offered to you until" in client.get(url).text
    response = client.post(url, {"action": "accept"}, follow=True)
    assert "Your place is confirmed." in response.text
    assert person(full_workshop, 6).status == Status.CONFIRMED


def test_the_offer_link_refuses_a_late_acceptance_with_a_clear_message(client, full_workshop):
    cancel_registration(person(full_workshop, 2), now=NOW)  # months ago by the real clock
    url = registration_path(person(full_workshop, 6))
    response = client.post(url, {"action": "accept"})
    assert response.status_code == 400
    assert "the time to accept this place ran out" in response.text
    assert "The offer of a place ran out" in response.text
    assert person(full_workshop, 6).status == Status.OFFER_EXPIRED
    assert person(full_workshop, 7).status == Status.OFFERED
