"""Registering for an event: places taken one by one, the waiting list when it is full, and
every refusal (closed, full, twice, missing answers, needs without consent) saving nothing."""

import datetime

import pytest
from django.urls import reverse

from members.events.exceptions import (
    AlreadyRegistered,
    EventFull,
    NeedsWithoutConsent,
    RegistrationClosed,
)
from members.events.models import EventPlaces, Registration, RegistrationNeeds
from members.events.services import outcome_message, register_for_event
from tests.fixtures.events import applicant

pytestmark = pytest.mark.django_db

Status = Registration.Status


def answers_for(event, **by_label):
    return {f"question_{q.pk}": by_label.get(q.label, "") for q in event.questions.all()}


def test_a_registration_takes_a_place_and_the_confirmation_is_sent_after_commit(
    workshop, deliver_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register_for_event(workshop, applicant(1))
    assert registration.status == Status.CONFIRMED
    assert EventPlaces.objects.get(event=workshop).taken == 1
    assert [message.to for message in deliver_outbox()] == [["person1@example.org"]]
    assert "Your place at Community Strategy workshop is confirmed" in outcome_message(registration)


def test_when_the_places_are_gone_a_person_who_asked_joins_the_waiting_list_in_order(
    full_workshop,
):
    waiting = Registration.objects.filter(event=full_workshop, status=Status.WAITING)
    assert [r.email for r in waiting] == ["person6@example.org", "person7@example.org"]
    assert EventPlaces.objects.get(event=full_workshop).taken == 5
    assert "number 2 on the waiting list" in outcome_message(waiting[1])


def test_a_full_event_refuses_a_place_and_saves_nothing_unless_the_waiting_list_is_asked_for(
    full_workshop,
):
    with pytest.raises(EventFull) as refusal:
        register_for_event(full_workshop, applicant(8))
    assert "nothing has been saved" in refusal.value.message
    assert not Registration.objects.filter(email="person8@example.org").exists()
    assert EventPlaces.objects.get(event=full_workshop).taken == 5


def test_registering_twice_is_refused_whatever_the_case_of_the_email(workshop):
    register_for_event(workshop, applicant(1))
    with pytest.raises(AlreadyRegistered):
        register_for_event(workshop, applicant(1, email="Person1@Example.org"))
    assert Registration.objects.filter(event=workshop).count() == 1
    assert EventPlaces.objects.get(event=workshop).taken == 1


def test_a_signed_in_member_cannot_register_twice_under_another_email(workshop, wider_member):
    register_for_event(workshop, applicant(1, user=wider_member))
    with pytest.raises(AlreadyRegistered):
        register_for_event(workshop, applicant(2, user=wider_member))
    assert Registration.objects.filter(event=workshop).count() == 1


@pytest.mark.parametrize("closing", ["unticked", "deadline passed", "started"])
def test_a_closed_event_refuses_registrations_and_saves_nothing(workshop, closing):
    now = None
    if closing == "unticked":
        workshop.is_registration_open = False
    elif closing == "deadline passed":
        workshop.registration_closes = workshop.start - datetime.timedelta(days=40)
    else:
        now = workshop.start + datetime.timedelta(minutes=1)
    workshop.save()
    with pytest.raises(RegistrationClosed):
        register_for_event(workshop, applicant(1), now=now)
    assert not Registration.objects.exists()
    assert EventPlaces.objects.get(event=workshop).taken == 0


def test_needs_without_explicit_consent_are_refused_and_nothing_is_kept(workshop):
    with pytest.raises(NeedsWithoutConsent):
        register_for_event(workshop, applicant(1, dietary_needs="Halal"))
    assert not Registration.objects.exists()
    assert not RegistrationNeeds.objects.exists()


def test_needs_with_consent_are_kept_apart_from_the_registration(workshop):
    registration = register_for_event(
        workshop,
        applicant(1, access_needs="Wheelchair space", has_consented_to_needs=True),
    )
    needs = RegistrationNeeds.objects.get(registration=registration)
    assert needs.access_needs == "Wheelchair space"
    assert needs.consent_given_at is not None


# --- Through the form -----------------------------------------------------------------------


def register_url(event):
    return reverse("events_register", args=[event.slug])


def test_the_form_is_pre_filled_for_a_signed_in_member(client, workshop, wider_member):
    client.force_login(wider_member)
    response = client.get(register_url(workshop))
    assert response.status_code == 200
    assert 'value="Amira Hassan"' in response.text
    assert 'value="amira@residents.example"' in response.text
    assert "Organisation" in response.text and "Which workshop" in response.text


def test_missing_required_answers_show_what_to_fix_and_save_nothing(client, workshop):
    response = client.post(register_url(workshop), {"intent": "place", "name": ""})
    assert response.status_code == 400
    assert "Enter your name" in response.text
    assert "Answer “Organisation”" in response.text
    assert "nothing has been saved yet" in response.text
    assert not Registration.objects.exists()


def test_needs_typed_without_the_consent_box_keep_the_form_and_save_nothing(client, workshop):
    data = {
        "intent": "place",
        "name": "Amira Hassan",
        "email": "amira@residents.example",
        "dietary_needs": "Vegan",
        **answers_for(
            workshop, Organisation="Residents' Association", **{"Which workshop": "Health"}
        ),
    }
    response = client.post(register_url(workshop), data)
    assert response.status_code == 400
    assert "Tick this box so we may keep your access and dietary needs" in response.text
    assert "Vegan" in response.text  # what they typed is still there
    assert not Registration.objects.exists()


def test_a_good_registration_goes_to_its_own_page_with_the_outcome(client, workshop):
    data = {
        "intent": "place",
        "name": "Amira Hassan",
        "email": "amira@residents.example",
        **answers_for(
            workshop, Organisation="Residents' Association", **{"Which workshop": "Health"}
        ),
    }
    response = client.post(register_url(workshop), data, follow=True)
    registration = Registration.objects.get()
    assert registration.answers == [
        {"question": "Organisation", "answer": "Residents' Association"},
        {"question": "Which workshop", "answer": "Health"},
    ]
    assert "Your place at Community Strategy workshop is confirmed" in response.text
    assert "Your place is confirmed." in response.text


def test_when_the_last_place_goes_while_the_form_is_open_it_offers_the_waiting_list(
    client, full_workshop
):
    data = {
        "intent": "place",
        "name": "Late Comer",
        "email": "late@example.org",
        **answers_for(full_workshop, Organisation="NHS", **{"Which workshop": "Housing"}),
    }
    response = client.post(register_url(full_workshop), data)
    assert response.status_code == 400
    assert "The last place has just gone" in response.text
    assert 'name="intent" value="waiting_list"' in response.text
    assert 'value="Late Comer"' in response.text
    assert not Registration.objects.filter(email="late@example.org").exists()

    response = client.post(
        register_url(full_workshop), {**data, "intent": "waiting_list"}, follow=True
    )
    assert "number 3 on the waiting list" in response.text
    assert Registration.objects.get(email="late@example.org").status == Status.WAITING


def test_registering_twice_through_the_form_says_so_and_saves_nothing(client, workshop):
    register_for_event(workshop, applicant(1, email="amira@residents.example"))
    data = {
        "intent": "place",
        "name": "Amira Hassan",
        "email": "AMIRA@residents.example",
        **answers_for(workshop, Organisation="RA", **{"Which workshop": "Health"}),
    }
    response = client.post(register_url(workshop), data)
    assert response.status_code == 400
    assert "already has a place at this event" in response.text
    assert Registration.objects.count() == 1


def test_a_closed_event_shows_so_on_the_form_and_a_post_saves_nothing(client, workshop):
    workshop.is_registration_open = False
    workshop.save_revision().publish()
    assert "Registration for this event has closed." in client.get(register_url(workshop)).text
    data = {
        "name": "Amira Hassan",
        "email": "amira@residents.example",
        **answers_for(workshop, Organisation="RA", **{"Which workshop": "Health"}),
    }
    response = client.post(register_url(workshop), data)
    assert "Nothing has been saved." in response.text
    assert not Registration.objects.exists()


def test_the_places_left_are_never_stale_even_with_the_page_cache_on(client, settings, workshop):
    settings.KCP_PAGE_CACHE_SECONDS = 300
    assert "5 places left" in client.get(workshop.url).text
    assert "5 places left" in client.get("/events/").text
    register_for_event(workshop, applicant(1))
    page = client.get(workshop.url)
    assert "4 places left" in page.text and page["Cache-Control"] == "no-cache"
    assert "4 places left" in client.get("/events/").text
