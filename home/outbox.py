"""The outbox: every email the site sends is a row queued in the transaction that decides to
send it, and the background worker delivers it.

Rules:
- A message is queued once: its idempotency key is unique, so deciding again sends nothing.
- Delivery sends one message at a time over one reused SMTP connection and marks each one
  sent in its own commit, so a crash loses at most the message in flight (which is then sent
  again: delivery is at least once, never twice on purpose).
- A failure the server calls temporary (4xx, refused connection, timeout) is retried after
  KCP_EMAIL_RETRY_BACKOFF_SECONDS, doubling each attempt up to KCP_EMAIL_RETRY_MAX_BACKOFF_SECONDS,
  through the task's `run_after` (django-tasks has no retries). When the relay itself fails
  (down, silent), every due message waits for that retry. A permanent refusal (5xx for the
  message or its recipients) is not retried: the row is flagged failed for officers.
- No more than KCP_EMAIL_MAX_PER_MINUTE messages leave in any minute (0: no limit).
- Just before a message is sent, the apps may withdraw it (home.extension_points
  EMAIL_SEND_CHECKS: an alert for a page its reader may no longer see); they are told when a
  message is sent, refused for good or withdrawn (EMAIL_OUTCOMES).
- Many messages decided together (an alert to thousands of members) are queued in one insert
  per batch (`queue_many`), each still under its own idempotency key.
"""

import collections
import dataclasses
import datetime
import logging
import smtplib
import time
import uuid
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult, get_date_max

from .database_outage import until_the_database_answers
from .exceptions import EmailNotQueueable
from .extension_points import reason_to_withdraw, tell_email_outcome
from .models import OutgoingEmail

logger = logging.getLogger(__name__)

State = OutgoingEmail.State
RATE_WINDOW = datetime.timedelta(minutes=1)


def label_email(
    message: EmailMessage,
    *,
    kind: str,
    is_confidential: bool = False,
    idempotency_key: str | None = None,
) -> EmailMessage:
    """Tell the outbox backend what a message is before `message.send()` queues it."""
    message.kcp_kind = kind
    message.kcp_is_confidential = is_confidential
    message.kcp_idempotency_key = idempotency_key
    return message


def queue_message(message: EmailMessage) -> OutgoingEmail | None:
    """Queue a Django email message; returns None when its idempotency key was queued before.
    Delivery is enqueued when the surrounding transaction commits."""
    attachments = [_text_attachment(attachment) for attachment in message.attachments]
    html = next(
        (
            content
            for content, mimetype in getattr(message, "alternatives", [])
            if mimetype == "text/html"
        ),
        "",
    )
    headers = dict(message.extra_headers)
    if message.reply_to:
        headers.setdefault("Reply-To", ", ".join(message.reply_to))
    # A stable Message-ID: a message sent again after a crash is recognisably the same one.
    headers.setdefault("Message-ID", make_msgid(domain=DNS_NAME))
    key = getattr(message, "kcp_idempotency_key", None) or f"once:{uuid.uuid4().hex}"
    with transaction.atomic():
        email, created = OutgoingEmail.objects.get_or_create(
            idempotency_key=key,
            defaults={
                "kind": getattr(message, "kcp_kind", None) or "email",
                "is_confidential": getattr(message, "kcp_is_confidential", False),
                "from_email": message.from_email or settings.DEFAULT_FROM_EMAIL,
                "to": list(message.to),
                "cc": list(message.cc),
                "bcc": list(message.bcc),
                "subject": message.subject,
                "body_text": message.body,
                "body_html": html,
                "headers": headers,
                "attachments": attachments,
                "next_attempt_at": timezone.now(),
            },
        )
        if created:
            transaction.on_commit(enqueue_delivery)
    return email if created else None


# A calendar file is a few kilobytes; documents are linked, never attached.
MAX_ATTACHMENT_CHARACTERS = 100_000


def _text_attachment(attachment) -> dict:
    """A small text attachment (an .ics) as the outbox keeps it; anything else is refused."""
    filename, content, mimetype = attachment
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8")
        except UnicodeDecodeError:
            content = None
    if (
        not isinstance(content, str)
        or not (mimetype or "").startswith("text/")
        or len(content) > MAX_ATTACHMENT_CHARACTERS
    ):
        raise EmailNotQueueable(
            "The outbox carries text, HTML and small text files (such as an .ics) only: link "
            "to the document instead of attaching it."
        )
    return {"filename": filename, "content": content, "mimetype": mimetype}


def queue_templated_email(
    *,
    kind: str,
    to: list[str],
    template: str,
    context: dict,
    idempotency_key: str,
    headers: dict[str, str] | None = None,
) -> OutgoingEmail | None:
    """Render `<template>_subject.txt`, `<template>.txt` and `<template>.html` and queue the
    message; returns None when the key was queued before."""
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        to=to,
        headers=headers or {},
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return queue_message(label_email(message, kind=kind, idempotency_key=idempotency_key))


@dataclasses.dataclass(frozen=True)
class QueuedEmail:
    """One message of a batch for `queue_many`, already rendered."""

    idempotency_key: str
    kind: str
    to: list[str]
    subject: str
    body_text: str
    body_html: str = ""
    headers: dict[str, str] = dataclasses.field(default_factory=dict)


def queue_many(messages: list[QueuedEmail]) -> dict[str, int]:
    """Queue a batch of messages in one insert; keys queued before are left as they were.
    Returns the outbox row id of every key in the batch (new or old), in two queries whatever
    the size of the batch. Delivery is enqueued when the surrounding transaction commits."""
    if not messages:
        return {}
    now = timezone.now()
    OutgoingEmail.objects.bulk_create(
        [
            OutgoingEmail(
                idempotency_key=message.idempotency_key,
                kind=message.kind,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=list(message.to),
                subject=message.subject,
                body_text=message.body_text,
                body_html=message.body_html,
                headers={**message.headers, "Message-ID": make_msgid(domain=DNS_NAME)},
                next_attempt_at=now,
            )
            for message in messages
        ],
        ignore_conflicts=True,
    )
    transaction.on_commit(enqueue_delivery)
    return dict(
        OutgoingEmail.objects.filter(
            idempotency_key__in=[message.idempotency_key for message in messages]
        ).values_list("idempotency_key", "pk")
    )


def _delivery_task_waiting(by: datetime.datetime) -> bool:
    return (
        DBTaskResult.objects.filter(task_path=deliver_emails.module_path, status="READY")
        .filter(Q(run_after__lte=by) | Q(run_after=get_date_max()))
        .exists()
    )


def enqueue_delivery(run_after: datetime.datetime | None = None) -> None:
    """Make sure a delivery task will run by `run_after` (now if None)."""
    if _delivery_task_waiting(run_after or timezone.now()):
        return
    if run_after is None:
        deliver_emails.enqueue()
    else:
        deliver_emails.using(run_after=run_after).enqueue()


def backoff(attempts: int) -> datetime.timedelta:
    seconds = settings.KCP_EMAIL_RETRY_BACKOFF_SECONDS * 2 ** max(attempts - 1, 0)
    return datetime.timedelta(seconds=min(seconds, settings.KCP_EMAIL_RETRY_MAX_BACKOFF_SECONDS))


def is_about_the_message(error: Exception) -> bool:
    """The server refused this message or its recipients but is otherwise fine: the next
    message can go over the same connection."""
    return isinstance(error, smtplib.SMTPRecipientsRefused | smtplib.SMTPDataError)


def is_permanent(error: Exception) -> bool:
    """A refusal of this message or all its recipients with a 5xx code. A refused sender,
    a failed log-in or a dropped connection is the relay's trouble, not the message's: those
    are retried."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return bool(error.recipients) and all(code >= 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPDataError):
        return error.smtp_code >= 500
    return False


def as_email_message(email: OutgoingEmail, connection) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=email.from_email,
        to=email.to,
        cc=email.cc,
        bcc=email.bcc,
        headers=email.headers,
        connection=connection,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


def _claim_next() -> OutgoingEmail | None:
    """Take the next due message; the conditional update means two workers never take the
    same one (on SQLite as on PostgreSQL)."""
    now = timezone.now()
    due = OutgoingEmail.objects.filter(state=State.PENDING, next_attempt_at__lte=now)
    for pk in due.order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:20]:
        claimed = OutgoingEmail.objects.filter(pk=pk, state=State.PENDING).update(
            state=State.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
        if claimed:
            return OutgoingEmail.objects.get(pk=pk)
    return None


def _record_sent(email: OutgoingEmail) -> None:
    """Waits out a database restart: left "sending", the message would be sent again."""
    email.state, email.sent_at, email.last_error = State.SENT, timezone.now(), ""
    until_the_database_answers(
        lambda: OutgoingEmail.objects.filter(pk=email.pk).update(
            state=email.state, sent_at=email.sent_at, last_error=""
        ),
        within_seconds=settings.KCP_TASK_LEASE_SECONDS / 2,
    )
    tell_email_outcome(email)


def _record_withdrawn(email: OutgoingEmail, reason: str) -> None:
    email.state, email.last_error = State.WITHDRAWN, reason[:2000]
    OutgoingEmail.objects.filter(pk=email.pk).update(state=email.state, last_error=email.last_error)
    logger.info("Email %s withdrawn: %s", email.pk, reason)
    tell_email_outcome(email)


def _record_failure(email: OutgoingEmail, error: Exception) -> None:
    message = f"{type(error).__name__}: {error}"[:2000]
    if is_permanent(error):
        state, next_attempt_at = State.FAILED, email.next_attempt_at
        logger.warning("Email %s refused for good: %s", email.pk, message)
    elif email.attempts >= settings.KCP_EMAIL_MAX_ATTEMPTS:
        state, next_attempt_at = State.FAILED, email.next_attempt_at
        message = f"Gave up after {email.attempts} attempts. {message}"
        logger.warning("Email %s: %s", email.pk, message)
    else:
        state, next_attempt_at = State.PENDING, timezone.now() + backoff(email.attempts)
        logger.info("Email %s will be retried at %s: %s", email.pk, next_attempt_at, message)
    OutgoingEmail.objects.filter(pk=email.pk).update(
        state=state, last_error=message, next_attempt_at=next_attempt_at
    )
    if state == State.FAILED:
        email.state, email.last_error = state, message
        email.is_refused_for_good = is_permanent(error)
        tell_email_outcome(email)


class RateLimit:
    """The send times of the last minute (all processes), to keep under the relay's limit."""

    def __init__(self) -> None:
        self.limit = settings.KCP_EMAIL_MAX_PER_MINUTE
        since = timezone.now() - RATE_WINDOW
        recent = OutgoingEmail.objects.filter(sent_at__gte=since) if self.limit else []
        self.sent_at = collections.deque(
            sorted(recent.values_list("sent_at", flat=True)) if self.limit else []
        )

    def next_allowed(self) -> datetime.datetime | None:
        """None when a message may go now, otherwise when the next one may."""
        if not self.limit:
            return None
        since = timezone.now() - RATE_WINDOW
        while self.sent_at and self.sent_at[0] < since:
            self.sent_at.popleft()
        if len(self.sent_at) < self.limit:
            return None
        return self.sent_at[0] + RATE_WINDOW

    def record(self) -> None:
        if self.limit:
            self.sent_at.append(timezone.now())


def deliver_due_emails() -> int:
    """Send every due message, one at a time over one connection; returns how many were sent.
    Stops at the first temporary failure (the relay is unwell: the message's backoff decides
    when to try again), at the rate limit, or after half the task lease, and enqueues the
    next run for whatever is still waiting."""
    run_until = time.monotonic() + settings.KCP_TASK_LEASE_SECONDS / 2
    rate = RateLimit()
    connection = None
    sent = 0
    resume_at = None
    try:
        while time.monotonic() < run_until:
            resume_at = rate.next_allowed()
            if resume_at is not None:
                break
            email = _claim_next()
            if email is None:
                break
            reason = reason_to_withdraw(email)
            if reason:
                _record_withdrawn(email, reason)
                continue
            if connection is None:
                connection = get_connection(settings.KCP_EMAIL_DELIVERY_BACKEND)
            try:
                delivered = connection.send_messages([as_email_message(email, connection)])
                if not delivered:
                    raise RuntimeError("The mail backend accepted nothing.")
            except Exception as error:  # noqa: BLE001 - every failure is recorded on the row
                _record_failure(email, error)
                if is_about_the_message(error):
                    continue
                resume_at = _hold_the_queue(email)
                _close_quietly(connection)
                connection = None
                break
            _record_sent(email)
            rate.record()
            sent += 1
    finally:
        if connection is not None:
            _close_quietly(connection)
    _enqueue_next_delivery(resume_at)
    return sent


def _hold_the_queue(email: OutgoingEmail) -> datetime.datetime:
    """The relay is down, silent or refusing us: every due message waits for this one's
    retry, so an outage is retried with a growing backoff rather than message by message."""
    until = timezone.now() + backoff(email.attempts)
    OutgoingEmail.objects.filter(state=State.PENDING, next_attempt_at__lt=until).update(
        next_attempt_at=until
    )
    return until


def _close_quietly(connection) -> None:
    try:
        connection.close()
    except Exception:
        logger.debug("Closing a broken SMTP connection failed", exc_info=True)


def _enqueue_next_delivery(resume_at: datetime.datetime | None) -> None:
    next_due = (
        OutgoingEmail.objects.filter(state=State.PENDING)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    if next_due is None:
        return
    run_after = max(next_due, resume_at) if resume_at else next_due
    enqueue_delivery(run_after if run_after > timezone.now() else None)


@task(backend="background")
def deliver_emails() -> int:
    """The delivery task: queued when a message is committed, and again for each retry."""
    return deliver_due_emails()


def retry_now(email: OutgoingEmail) -> bool:
    """An officer's "retry now": a failed or waiting message is tried again at once.
    Returns False for a message already sent or being sent."""
    with transaction.atomic():
        updated = OutgoingEmail.objects.filter(
            pk=email.pk, state__in=[State.PENDING, State.FAILED]
        ).update(state=State.PENDING, next_attempt_at=timezone.now())
        if updated:
            transaction.on_commit(enqueue_delivery)
    return bool(updated)


def recover_abandoned_emails() -> int:
    """Messages left "being sent" by a worker that died are put back in the queue after the
    task lease. Returns how many."""
    stale = timezone.now() - datetime.timedelta(seconds=settings.KCP_TASK_LEASE_SECONDS)
    with transaction.atomic():
        count = OutgoingEmail.objects.filter(state=State.SENDING, claimed_at__lt=stale).update(
            state=State.PENDING, next_attempt_at=timezone.now()
        )
        waiting = OutgoingEmail.objects.filter(
            state=State.PENDING, next_attempt_at__lte=timezone.now()
        ).exists()
        if waiting:
            transaction.on_commit(enqueue_delivery)
    return count


def delete_sent_emails_past_retention() -> int:
    cutoff = timezone.now() - datetime.timedelta(days=settings.KCP_SENT_EMAIL_RETENTION_DAYS)
    deleted, _ = OutgoingEmail.objects.filter(state=State.SENT, sent_at__lt=cutoff).delete()
    return deleted
