"""The emails a registration sends: the confirmation reaches a real SMTP server with its .ics
(which the icalendar library reads back as the event), and each email's link works."""

import datetime
import email.policy
from email import message_from_bytes

import pytest
from icalendar import Calendar

from home.models import OutgoingEmail
from members.events.calendar import event_uid
from members.events.emails import registration_email, send_registration_email
from members.events.models import Registration
from members.events.services import cancel_registration, register_for_event
from tests.fixtures.events import applicant

pytestmark = pytest.mark.django_db
Status = Registration.Status


def ics_of(message) -> Calendar:
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            return Calendar.from_ical(part.get_payload(decode=True))
    raise AssertionError("The email has no .ics attachment")


def test_the_confirmation_reaches_a_real_smtp_server_with_an_ics_of_the_event(
    workshop, smtp, deliver_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register_for_event(workshop, applicant(1, name="Amira Hassan", email="amira@example.org"))
    queued = OutgoingEmail.objects.get()
    assert (queued.kind, queued.is_confidential) == ("event_confirmed", True)
    deliver_outbox()
    [received] = smtp.wait_for(1)
    received = message_from_bytes(received.as_bytes(), policy=email.policy.default)
    assert received["To"] == "amira@example.org"
    assert received["Subject"] == "Your place: Community Strategy workshop"
    text = received.get_body(preferencelist=("plain",)).get_content()
    html = received.get_body(preferencelist=("html",)).get_content()
    assert "Dear Amira Hassan" in text and "Your place is confirmed." in text
    assert "http://testserver/events/registration/" in text
    assert 'href="http://testserver/events/registration/' in html
    [entry] = ics_of(received).walk("VEVENT")
    assert str(entry["summary"]) == "Community Strategy workshop"
    assert str(entry["uid"]) == event_uid(workshop)
    assert entry.decoded("dtstart") == workshop.start
    assert entry.decoded("dtend") == workshop.end
    assert "Kensington Town Hall" in str(entry["location"])
    assert str(entry["url"]) == "http://testserver/events/community-strategy-workshop/"


def test_the_confirmation_link_opens_the_registration(client, workshop):
    registration = register_for_event(workshop, applicant(1))
    message = registration_email(registration, "confirmed")
    link = next(word for word in message.body.split() if "/events/registration/" in word)
    response = client.get(link.removeprefix("http://testserver"))
    assert response.status_code == 200 and "Your place is confirmed." in response.text


def test_the_waiting_list_and_offer_emails_say_what_happens_next(
    full_workshop, deliver_outbox, django_capture_on_commit_callbacks
):
    waiting = Registration.objects.get(email="person6@example.org")
    assert "you are on the waiting list" in registration_email(waiting, "waiting").body
    # Every email about an event carries it as an .ics file, the waiting list's too.
    assert any(
        part.get_content_type() == "text/calendar"
        for part in registration_email(waiting, "waiting").message().walk()
    )
    now = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)
    OutgoingEmail.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(Registration.objects.get(email="person1@example.org"), now=now)
    delivered = deliver_outbox()
    subjects = {m.to[0]: m.subject for m in delivered}
    assert subjects == {
        "person1@example.org": "Cancelled: Community Strategy workshop",
        "person6@example.org": "A place is free for you: Community Strategy workshop",
    }
    offer = next(m for m in delivered if m.to == ["person6@example.org"])
    assert "it is yours if you accept it by" in offer.body


def test_each_email_of_a_registration_is_queued_once(workshop, django_capture_on_commit_callbacks):
    registration = register_for_event(workshop, applicant(1))
    send_registration_email(registration.pk, "confirmed")
    send_registration_email(registration.pk, "confirmed")
    assert OutgoingEmail.objects.filter(kind="event_confirmed").count() == 1
