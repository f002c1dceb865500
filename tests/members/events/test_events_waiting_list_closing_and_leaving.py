"""The waiting list closes and can be left, on a fixed clock: joining after the close is
refused with a message and nothing saved; a place freed after the close is still offered, but
only until a set time before the start; the "leave" link asks first, leaves by POST, says
"already left" when used again, refuses an altered link, and moves everyone behind up."""

import datetime

import pytest
from django.urls import reverse

from members.events.exceptions import WaitingListClosed
from members.events.links import leave_path, registration_token
from members.events.models import EventPlaces, Registration
from members.events.places import waiting_list_position
from members.events.services import cancel_registration, register_for_event
from tests.fixtures.events import applicant

pytestmark = pytest.mark.django_db
Status = Registration.Status
HOLD_48_HOURS = 48 * 3600 * 1000


def waiting(number: int) -> Registration:
    return Registration.objects.get(email=f"person{number}@example.org")


def test_the_waiting_list_closes_by_default_when_an_offer_could_no_longer_be_held(
    settings, workshop
):
    settings.KCP_EVENT_OFFER_HOLD_MS = HOLD_48_HOURS
    assert workshop.waiting_list_closes_at() == workshop.start - datetime.timedelta(hours=48)
    workshop.waiting_list_closes = workshop.start - datetime.timedelta(days=5)
    assert workshop.waiting_list_closes_at() == workshop.start - datetime.timedelta(days=5)


def test_the_waiting_list_refuses_joins_after_its_closing_time_and_saves_nothing(full_workshop):
    full_workshop.waiting_list_closes = full_workshop.start - datetime.timedelta(days=3)
    full_workshop.save()
    before_the_close = full_workshop.start - datetime.timedelta(days=4)
    register_for_event(
        full_workshop, applicant(8), join_waiting_list_if_full=True, now=before_the_close
    )
    after_the_close = full_workshop.start - datetime.timedelta(days=2)
    with pytest.raises(WaitingListClosed) as refusal:
        register_for_event(
            full_workshop, applicant(9), join_waiting_list_if_full=True, now=after_the_close
        )
    assert "the waiting list has closed" in refusal.value.message
    assert Registration.objects.filter(status=Status.WAITING).count() == 3
    assert not Registration.objects.filter(email="person9@example.org").exists()
    assert EventPlaces.objects.get(event=full_workshop).taken == 5


def test_the_event_page_and_the_form_say_the_waiting_list_has_closed(client, full_workshop):
    full_workshop.waiting_list_closes = full_workshop.start - datetime.timedelta(days=40)
    full_workshop.save_revision().publish()
    page = client.get(full_workshop.url)
    assert "All places are taken and the waiting list closed on" in page.text
    assert "Join the waiting list" not in page.text
    assert "Full: waiting list closed" in client.get("/events/").text
    form_url = reverse("events_register", args=[full_workshop.slug])
    assert "the waiting list closed on" in client.get(form_url).text
    response = client.post(
        form_url,
        {"intent": "waiting_list", "name": "Late Comer", "email": "late@example.org"},
    )
    assert response.status_code == 400
    assert "the waiting list has closed" in response.text
    assert not Registration.objects.filter(email="late@example.org").exists()


def test_a_place_freed_after_the_close_is_offered_until_a_set_time_before_the_start(
    settings, full_workshop
):
    settings.KCP_EVENT_OFFER_HOLD_MS = HOLD_48_HOURS
    settings.KCP_EVENT_LAST_OFFER_HOURS = 2
    full_workshop.waiting_list_closes = full_workshop.start - datetime.timedelta(days=3)
    full_workshop.save()
    a_day_before = full_workshop.start - datetime.timedelta(days=1)
    cancel_registration(waiting(1), now=a_day_before)
    offered = waiting(6)
    assert offered.status == Status.OFFERED
    assert offered.offer_expires_at == full_workshop.start - datetime.timedelta(hours=2)
    # An hour before the start no offer can be held: the place is given back instead.
    cancel_registration(waiting(2), now=full_workshop.start - datetime.timedelta(hours=1))
    assert waiting(7).status == Status.WAITING
    assert EventPlaces.objects.get(event=full_workshop).taken == 4


def test_before_the_close_an_offer_is_held_for_the_usual_time(settings, full_workshop):
    settings.KCP_EVENT_OFFER_HOLD_MS = HOLD_48_HOURS
    ten_days_before = full_workshop.start - datetime.timedelta(days=10)
    cancel_registration(waiting(1), now=ten_days_before)
    assert waiting(6).offer_expires_at == ten_days_before + datetime.timedelta(hours=48)


def test_leaving_asks_first_then_leaves_by_post_and_says_already_left_when_used_again(
    client, full_workshop
):
    first, second = waiting(6), waiting(7)
    assert (waiting_list_position(first), waiting_list_position(second)) == (1, 2)
    url = leave_path(first)

    # Opening the link (as a mail scanner does) only asks.
    page = client.get(url)
    assert page.status_code == 200
    assert "You are number 1 on the waiting list" in page.text
    assert "Yes, leave the waiting list" in page.text
    assert waiting(6).status == Status.WAITING

    response = client.post(url)
    assert response.status_code == 302
    assert waiting(6).status == Status.CANCELLED
    assert waiting_list_position(waiting(7)) == 1
    confirmation = client.get(response["Location"])
    assert "You have left the waiting list." in confirmation.text

    again = client.post(url)
    assert again.status_code == 200
    assert "You have already left the waiting list" in again.text
    assert "You have already left the waiting list" in client.get(url).text
    assert waiting(7).status == Status.WAITING


def test_an_altered_leave_link_is_refused_and_changes_nothing(client, full_workshop):
    token = registration_token(waiting(6))
    altered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    url = reverse("events_leave_waiting_list", args=[altered])
    assert client.get(url).status_code == 404
    response = client.post(url)
    assert response.status_code == 404 and "This link does not work" in response.text
    assert waiting(6).status == Status.WAITING


def test_the_leave_link_of_someone_with_a_place_says_so_and_cancels_nothing(client, full_workshop):
    url = leave_path(waiting(1))
    assert "your place is confirmed" in client.get(url).text
    response = client.post(url)
    assert response.status_code == 400
    assert "You are not on the waiting list" in response.text
    assert waiting(1).status == Status.CONFIRMED
