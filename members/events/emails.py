"""The emails about a registration: a confirmed place, a turn on the waiting list, an offer of
a place, a cancellation, a reminder before the event and the note to those still waiting.
Each carries in its body the event's name, date, time, place and access information and how
to cancel, with the event attached as an .ics file, and the signed link. Each is queued in the
outbox once: its idempotency key names the registration and the kind (and the reminder)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone

from home.outbox import label_email, queue_message

from .calendar import event_location, ics_file
from .links import leave_path, registration_path
from .models import EventPage, EventReminder, Registration

KINDS = ("confirmed", "waiting", "offered", "cancelled", "reminder", "waiting_note")


def site_url(path: str) -> str:
    """A full address for an email. Wagtail gives a page's path alone on a one-site install."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def access_lines(event: EventPage) -> list[str]:
    """The event's access information as sentences, for an email's body."""
    lines = [
        "Step-free access" if event.is_step_free else "No step-free access",
        "Hearing loop available" if event.has_hearing_loop else "No hearing loop",
        "Accessible toilet" if event.has_accessible_toilet else "No accessible toilet",
    ]
    if event.access_notes.strip():
        lines.append(" ".join(event.access_notes.split()))
    return lines


def event_ics(event: EventPage, event_url: str) -> bytes:
    return ics_file([event], lambda _event: event_url, event.title)


def registration_email(
    registration: Registration, kind: str, reminder: EventReminder | None = None
) -> EmailMultiAlternatives:
    if kind not in KINDS:
        raise ValueError(f"No registration email of kind {kind!r}.")
    event = registration.event
    event_url = site_url(event.get_url() or "/events/")
    context = {
        "kind": kind,
        "registration": registration,
        "event": event,
        "start": timezone.localtime(event.start),
        "end": timezone.localtime(event.end),
        "access_lines": access_lines(event),
        "place": event_location(event),
        "event_url": event_url,
        "link": site_url(registration_path(registration)),
        "leave_link": site_url(leave_path(registration)),
        "reminder_message": reminder.message.strip() if reminder else "",
        "offer_expires_at": registration.offer_expires_at
        and timezone.localtime(registration.offer_expires_at),
    }
    subject = render_to_string(f"events/email/{kind}_subject.txt", context).strip()
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"events/email/{kind}.txt", context),
        to=[registration.email],
    )
    message.attach_alternative(
        render_to_string("events/email/registration.html", context), "text/html"
    )
    message.attach(
        f"{event.slug}.ics",
        event_ics(event, event_url),
        "text/calendar; charset=utf-8; method=PUBLISH",
    )
    return message


def queue_registration_email(
    registration: Registration, kind: str, reminder: EventReminder | None = None
) -> bool:
    """Queue one email in the outbox, once: false when it was queued before or the person has
    no email address (officers telephone them)."""
    if not registration.email:
        return False
    key = f"events:registration:{registration.pk}:{kind}"
    if reminder is not None:
        key += f":{reminder.pk}"
    message = label_email(
        registration_email(registration, kind, reminder),
        kind=f"event_{kind}",
        # The signed link lets whoever holds it cancel: not for the outbox's previews.
        is_confidential=True,
        idempotency_key=key,
    )
    return queue_message(message) is not None


def queue_event_email(
    event: EventPage, *, kind: str, to: str, template: str, context: dict, key: str
) -> bool:
    """Queue an email about an event that is not about one registration (an away day's
    reminder), with the event attached as an .ics file like every email about an event."""
    event_url = site_url(event.get_url() or "/events/")
    message = EmailMultiAlternatives(
        subject=" ".join(render_to_string(f"{template}_subject.txt", context).split()),
        body=render_to_string(f"{template}.txt", context),
        to=[to],
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.attach(f"{event.slug}.ics", event_ics(event, event_url), "text/calendar; charset=utf-8")
    return queue_message(label_email(message, kind=kind, idempotency_key=key)) is not None


def send_registration_email(registration_id: int, kind: str) -> None:
    """Called after the transaction commits, from the registration's id: what is sent is what
    was saved."""
    registration = Registration.objects.select_related("event").get(pk=registration_id)
    queue_registration_email(registration, kind)
