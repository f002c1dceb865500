"""Reminders before an event: each EventReminder officers set goes, through the outbox, once
to each person with a place (and, if the event says so, a short note to each person still
waiting), when its time comes.

Once means once: the sending is an AwayDayReminder row (the away days' record of reminders,
token "before:<reminder id>") taken first, under the event's unique token, so a scheduler that
runs twice or restarts finds it and sends nothing; each email's idempotency key names the
reminder and the registration as well. Whoever has cancelled by then is not reminded. People
registered without an email address are on the officers' telephone list instead."""

import datetime

from django.db import transaction
from django.utils import timezone

from home.audit import record_access

from . import emails
from .audit import Action
from .models import AwayDayReminder, EventReminder, Registration

Status = Registration.Status


def token_for(reminder: EventReminder) -> str:
    return f"{AwayDayReminder.BEFORE}{reminder.pk}"


def due_reminders(now: datetime.datetime) -> list[EventReminder]:
    """Switched-on reminders of live events not yet started whose time has come and which
    have not been sent: two queries."""
    sent = set(
        AwayDayReminder.objects.filter(token__startswith=AwayDayReminder.BEFORE).values_list(
            "token", flat=True
        )
    )
    candidates = (
        EventReminder.objects.filter(is_enabled=True, page__live=True, page__start__gt=now)
        .select_related("page")
        .order_by("page__start", "pk")
    )
    return [
        reminder
        for reminder in candidates
        if token_for(reminder) not in sent and reminder.sends_at(reminder.page) <= now
    ]


def send_reminder(reminder: EventReminder, now: datetime.datetime) -> AwayDayReminder | None:
    """Send one reminder to everyone it is for; None when it was sent already."""
    event = reminder.page
    with transaction.atomic():
        sending, created = AwayDayReminder.objects.get_or_create(
            event=event, token=token_for(reminder), defaults={"sent_at": now}
        )
        if not created:
            return None
        statuses = [Status.CONFIRMED, *([Status.WAITING] if event.sends_waiting_list_note else [])]
        recipients = Registration.objects.filter(event=event, status__in=statuses).exclude(email="")
        sent = 0
        for registration in recipients.select_related("event"):
            kind = "reminder" if registration.status == Status.CONFIRMED else "waiting_note"
            sent += emails.queue_registration_email(registration, kind, reminder)
        sending.recipients = sent
        sending.save(update_fields=["recipients"])
        record_access(
            None,
            Action.EVENT_REMINDED,
            page=event,
            details={"detail": f"Reminder {reminder} the event: {sent} emailed"},
        )
    return sending


def send_event_reminders(now: datetime.datetime | None = None) -> int:
    """The scheduler's job (with the away days' reminders): every reminder that is due.
    Returns how many people were emailed."""
    now = now or timezone.now()
    sent = 0
    for reminder in due_reminders(now):
        sending = send_reminder(reminder, now)
        sent += sending.recipients if sending else 0
    return sent
