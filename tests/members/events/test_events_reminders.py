"""Reminders before an event, on a fixed clock: officers set them per event; each goes once to
each person with a place, however often the scheduler runs; whoever cancelled is not
reminded; those waiting get a note only if officers choose; people without email are listed
for officers to telephone, and their number is kept and erased like the other details."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from home.audit import AuditEntry
from home.models import OutgoingEmail
from members.events.audit import Action
from members.events.models import (
    AwayDayReminder,
    EventReminder,
    Registration,
)
from members.events.reminders import send_event_reminders
from members.events.services import cancel_registration, register_for_event
from members.events.wagtail_hooks import EventRegistrationsData
from tests.fixtures.events import applicant

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def reminded_workshop(full_workshop):
    """The full workshop (five places taken, two waiting) with a reminder two days before."""
    EventReminder.objects.create(
        page=full_workshop, amount=2, unit=EventReminder.Unit.DAYS, message="Bring the draft."
    )
    return full_workshop


def reminded_addresses(kind: str = "event_reminder") -> list[str]:
    return sorted(email.to[0] for email in OutgoingEmail.objects.filter(kind=kind))


FIVE_WITH_PLACES = [f"person{number}@example.org" for number in range(1, 6)]


def test_a_reminder_goes_once_to_each_person_with_a_place_even_when_the_scheduler_runs_twice(
    reminded_workshop,
):
    a_day_before = reminded_workshop.start - datetime.timedelta(days=1)
    assert send_event_reminders(now=a_day_before) == 5
    assert send_event_reminders(now=a_day_before) == 0
    assert send_event_reminders(now=a_day_before + datetime.timedelta(hours=3)) == 0
    assert reminded_addresses() == FIVE_WITH_PLACES
    assert AwayDayReminder.objects.get(event=reminded_workshop).recipients == 5
    assert AuditEntry.objects.filter(action=Action.EVENT_REMINDED).exists()


def test_a_reminder_waits_for_its_time_and_one_switched_off_never_goes(reminded_workshop):
    EventReminder.objects.create(page=reminded_workshop, amount=5, unit="hours", is_enabled=False)
    three_days_before = reminded_workshop.start - datetime.timedelta(days=3)
    assert send_event_reminders(now=three_days_before) == 0
    an_hour_before = reminded_workshop.start - datetime.timedelta(hours=1)
    assert send_event_reminders(now=an_hour_before) == 5  # the two-day one only
    assert not OutgoingEmail.objects.filter(kind="event_reminder").exclude(
        to__in=[[address] for address in FIVE_WITH_PLACES]
    )


def test_the_scheduler_job_sends_each_reminder_once_when_run_twice(settings, full_workshop):
    assert ("send_away_day_reminders", 3600) in settings.KCP_SCHEDULED_JOBS
    # Due now: forty days before an event thirty days away.
    EventReminder.objects.create(page=full_workshop, amount=40, unit=EventReminder.Unit.DAYS)
    call_command("send_away_day_reminders")
    call_command("send_away_day_reminders")
    assert reminded_addresses() == FIVE_WITH_PLACES


def test_reminders_stop_for_people_who_cancelled(reminded_workshop):
    two_days_before = reminded_workshop.start - datetime.timedelta(days=3)
    cancel_registration(Registration.objects.get(email="person2@example.org"), now=two_days_before)
    send_event_reminders(now=reminded_workshop.start - datetime.timedelta(days=1))
    assert "person2@example.org" not in reminded_addresses()
    assert len(reminded_addresses()) == 4  # person 6 holds an offer, not yet a place


def test_those_waiting_get_a_note_only_when_officers_choose(reminded_workshop):
    a_day_before = reminded_workshop.start - datetime.timedelta(days=1)
    send_event_reminders(now=a_day_before)
    assert reminded_addresses("event_waiting_note") == []

    EventReminder.objects.create(page=reminded_workshop, amount=12, unit="hours")
    reminded_workshop.sends_waiting_list_note = True
    reminded_workshop.save()
    send_event_reminders(now=reminded_workshop.start - datetime.timedelta(hours=6))
    assert reminded_addresses("event_waiting_note") == [
        "person6@example.org",
        "person7@example.org",
    ]
    note = OutgoingEmail.objects.filter(kind="event_waiting_note").first()
    assert "You are still on the waiting list" in note.body_text


def test_someone_registered_by_telephone_is_listed_for_officers_to_ring_and_gets_no_email(
    officer_client, reminded_workshop, django_capture_on_commit_callbacks
):
    url = reverse("events_register_someone", args=[reminded_workshop.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(url, {"name": "Doreen Price", "telephone": "020 7361 3000"})
    assert response.status_code == 302
    doreen = Registration.objects.get(name="Doreen Price")
    assert (doreen.email, doreen.telephone, doreen.status) == ("", "020 7361 3000", Status.WAITING)
    assert not OutgoingEmail.objects.filter(to=[""]).exists()
    screen = officer_client.get(reverse("events_manage_event", args=[reminded_workshop.pk]))
    assert "To telephone" in screen.text
    assert "Doreen Price" in screen.text and 'href="tel:02073613000"' in screen.text
    assert "at each reminder (2 days before the event)" in screen.text
    send_event_reminders(now=reminded_workshop.start - datetime.timedelta(days=1))
    assert not OutgoingEmail.objects.filter(to=[""]).exists()


def test_registering_someone_with_neither_email_nor_telephone_says_what_to_fix_and_saves_nothing(
    officer_client, workshop
):
    url = reverse("events_register_someone", args=[workshop.pk])
    response = officer_client.post(url, {"name": "Doreen Price", "telephone": ""})
    assert response.status_code == 400
    assert "Give an email address or a telephone number." in response.text
    response = officer_client.post(url, {"name": "Doreen Price", "telephone": "ring me"})
    assert response.status_code == 400
    assert "Enter a telephone number in digits, like 020 7361 3000." in response.text
    assert not Registration.objects.exists()


def test_a_telephone_number_is_exported_and_erased_with_the_other_details(workshop, wider_member):
    register_for_event(
        workshop,
        applicant(1, user=wider_member, email=wider_member.email, telephone="020 7361 3000"),
    )
    data = EventRegistrationsData()
    assert data.export(wider_member)[0]["telephone"] == "020 7361 3000"
    data.erase(wider_member)
    erased = Registration.objects.get()
    assert (erased.telephone, erased.email, erased.status) == ("", "erased@invalid", "cancelled")
