"""The reminder and waiting-list emails as a person receives them, read back from a real SMTP
server (aiosmtpd): the event's date, time, place and access information and how to cancel or
leave are in the body itself, and the attached .ics parses as the event."""

import datetime
import email.policy
from email import message_from_bytes

import pytest
from django.utils import dateformat, timezone
from icalendar import Calendar

from members.events.calendar import event_uid
from members.events.emails import send_registration_email
from members.events.models import EventReminder, Registration
from members.events.reminders import send_event_reminders
from members.events.services import cancel_registration

pytestmark = pytest.mark.django_db


def received_by(smtp, count: int) -> dict[str, email.message.EmailMessage]:
    return {
        message["To"]: message
        for message in (
            message_from_bytes(raw.as_bytes(), policy=email.policy.default)
            for raw in smtp.wait_for(count)
        )
    }


def body_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def calendar_of(message) -> Calendar:
    [part] = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    return Calendar.from_ical(part.get_payload(decode=True))


def assert_states_the_event(message, event) -> None:
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    date = dateformat.format(start, "l j F Y")
    time = f"{dateformat.format(start, 'g.i a')} to {dateformat.format(end, 'g.i a')}"
    for body in (body_of(message), html_of(message)):
        assert event.title in body
        assert date in body
        assert time in body
        assert "Kensington Town Hall" in body and "London W8 7NX" in body
        assert "Step-free access" in body and "Hearing loop available" in body
        assert "The accessible entrance is on Phillimore Walk." in body
    text = body_of(message)
    assert f"Date: {date}" in text and f"Time: {time}" in text
    assert "Place: Kensington Town Hall, Hornton Street, London W8 7NX" in text
    [entry] = calendar_of(message).walk("VEVENT")
    assert str(entry["uid"]) == event_uid(event)
    assert str(entry["summary"]) == event.title
    assert entry.decoded("dtstart") == event.start
    assert entry.decoded("dtend") == event.end
    assert "Kensington Town Hall" in str(entry["location"])


def test_the_reminder_and_the_waiting_list_note_carry_the_event_and_how_to_cancel_or_leave(
    full_workshop, smtp, deliver_outbox
):
    EventReminder.objects.create(
        page=full_workshop, amount=1, unit="days", message="Lunch is provided."
    )
    full_workshop.sends_waiting_list_note = True
    full_workshop.save()
    send_event_reminders(now=full_workshop.start - datetime.timedelta(hours=20))
    deliver_outbox()
    messages = received_by(smtp, 7)

    reminder = messages["person1@example.org"]
    assert reminder["Subject"].startswith("Reminder: Community Strategy workshop")
    assert_states_the_event(reminder, full_workshop)
    text = body_of(reminder)
    assert "Lunch is provided." in text
    assert "To cancel, open this link (no sign-in needed):" in text
    assert "http://testserver/events/registration/" in text

    note = messages["person6@example.org"]
    assert note["Subject"] == "Still on the waiting list: Community Strategy workshop"
    assert_states_the_event(note, full_workshop)
    text = body_of(note)
    assert "You are still on the waiting list" in text
    assert "To leave the waiting list, open this link" in text
    assert "/leave/" in text and 'href="http://testserver/events/registration/' in html_of(note)


def test_the_waiting_list_and_offer_emails_carry_the_event_and_how_to_leave_or_answer(
    full_workshop, smtp, deliver_outbox, django_capture_on_commit_callbacks
):
    waiting = Registration.objects.get(email="person7@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        send_registration_email(waiting.pk, "waiting")
        cancel_registration(Registration.objects.get(email="person1@example.org"))
    deliver_outbox()
    messages = received_by(smtp, 3)  # the waiting list, the offer, the cancellation

    on_the_list = messages["person7@example.org"]
    assert_states_the_event(on_the_list, full_workshop)
    assert "To leave the waiting list, open this link" in body_of(on_the_list)

    offer = messages["person6@example.org"]
    assert_states_the_event(offer, full_workshop)
    assert "To accept the place or turn it down, open this link" in body_of(offer)

    cancelled = messages["person1@example.org"]
    assert_states_the_event(cancelled, full_workshop)
    assert "Your registration is cancelled." in body_of(cancelled)
