"""The outbox over a real SMTP server (aiosmtpd on localhost): nothing is lost while the mail
server is down or silent, nothing is sent twice, and a permanent refusal is flagged."""

import datetime

import pytest
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from home.exceptions import EmailNotQueueable
from home.models import OutgoingEmail
from home.outbox import deliver_due_emails, label_email, queue_message
from tests.smtp_server import REFUSED_DOMAIN

pytestmark = pytest.mark.django_db

DELIVERY_TASK = "home.outbox.deliver_emails"


def queue(number: int, to: str = "member@kcp.example") -> OutgoingEmail | None:
    message = EmailMessage(subject=f"Update {number}", body=f"Update number {number}.", to=[to])
    return queue_message(label_email(message, kind="test update", idempotency_key=f"u:{number}"))


def deliver_until(condition, smtp, timeout: float = 10) -> None:
    """Run delivery until `condition()` holds, waiting on the SMTP server between runs (a
    retry waits for its backoff, a few milliseconds in tests)."""
    deadline = timezone.now() + datetime.timedelta(seconds=timeout)
    while not condition():
        assert timezone.now() < deadline, "delivery did not finish in time"
        deliver_due_emails()
        smtp.wait_for(len(smtp.messages) + 1, timeout=0.02)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_password_reset_with_the_mail_server_down_answers_normally_and_the_email_arrives_later(
    client, officer, smtp, run_worker
):
    smtp.stop()
    response = client.post("/accounts/password/reset/", {"email": officer.email}, follow=True)

    assert response.status_code == 200
    assert "We have sent you an email" in response.content.decode()
    run_worker()
    email = OutgoingEmail.objects.get()
    assert email.state == OutgoingEmail.State.PENDING
    assert email.attempts >= 1  # more if the worker outlived a backoff of a few milliseconds
    attempts_while_down = email.attempts
    assert "Connection refused" in email.last_error
    retry = DBTaskResult.objects.get(task_path=DELIVERY_TASK, status="READY")
    assert retry.run_after == email.next_attempt_at

    smtp.start()
    deadline = timezone.now() + datetime.timedelta(seconds=10)
    while not smtp.messages and timezone.now() < deadline:
        run_worker()  # the retry runs once its run_after has passed
        smtp.wait_for(1, timeout=0.02)

    (message,) = smtp.messages
    assert message["To"] == officer.email
    assert "/accounts/password/reset/key/" in message.get_payload()
    email.refresh_from_db()
    assert email.state == OutgoingEmail.State.SENT
    assert email.attempts == attempts_while_down + 1


def test_a_fan_out_with_the_mail_server_stopped_half_way_delivers_every_message_once(
    smtp, settings
):
    with transaction.atomic():
        for number in range(300):
            queue(number)
    settings.KCP_EMAIL_MAX_PER_MINUTE = 150  # the first run stops half-way
    settings.KCP_TASK_LEASE_SECONDS = 120  # and not before, however slow the machine

    deliver_due_emails()
    assert len(smtp.messages) == 150
    smtp.stop()
    settings.KCP_EMAIL_MAX_PER_MINUTE = 0
    deliver_due_emails()
    waiting = OutgoingEmail.objects.filter(state=OutgoingEmail.State.PENDING)
    assert waiting.count() == 150
    assert waiting.filter(attempts=1).exclude(last_error="").count() == 1
    smtp.start()
    deliver_until(lambda: len(smtp.messages) >= 300, smtp)

    subjects = [message["Subject"] for message in smtp.messages]
    assert sorted(subjects) == sorted(f"Update {number}" for number in range(300))
    assert len({message["Message-ID"] for message in smtp.messages}) == 300
    assert OutgoingEmail.objects.filter(state=OutgoingEmail.State.SENT).count() == 300


def test_while_the_mail_server_is_down_the_queue_waits_for_the_backoff_not_message_by_message(
    smtp, settings
):
    # A backoff no loaded machine outlasts between the two runs below.
    settings.KCP_EMAIL_RETRY_BACKOFF_SECONDS = settings.KCP_EMAIL_RETRY_MAX_BACKOFF_SECONDS = 60
    for number in range(5):
        queue(number)
    smtp.stop()
    deliver_due_emails()
    deliver_due_emails()  # nothing is due until the backoff has passed

    waiting = OutgoingEmail.objects.filter(state=OutgoingEmail.State.PENDING)
    assert sorted(waiting.values_list("attempts", flat=True)) == [0, 0, 0, 0, 1]
    assert len(set(waiting.values_list("next_attempt_at", flat=True))) == 1
    (retry,) = DBTaskResult.objects.filter(task_path=DELIVERY_TASK, status="READY")
    assert retry.run_after == waiting.first().next_attempt_at


def test_a_silent_mail_server_times_out_and_the_message_is_retried(
    silent_smtp_server, smtp_server, settings
):
    queue(1)
    deliver_due_emails()
    email = OutgoingEmail.objects.get()
    assert email.state == OutgoingEmail.State.PENDING
    assert "timed out" in email.last_error
    assert email.next_attempt_at > timezone.now() - datetime.timedelta(seconds=1)

    settings.EMAIL_PORT = smtp_server.port  # the relay answers again
    smtp_server.clear()
    deliver_until(lambda: smtp_server.messages, smtp_server)
    (message,) = smtp_server.messages
    assert message["Subject"] == "Update 1"
    email.refresh_from_db()
    assert (email.state, email.attempts) == (OutgoingEmail.State.SENT, 2)


def test_a_permanent_refusal_is_flagged_and_not_retried_and_the_rest_still_go(smtp):
    queue(1, to=f"nobody@{REFUSED_DOMAIN}")
    queue(2)
    deliver_due_emails()

    refused = OutgoingEmail.objects.get(idempotency_key="u:1")
    assert refused.state == OutgoingEmail.State.FAILED
    assert "550" in refused.last_error
    assert [message["Subject"] for message in smtp.messages] == ["Update 2"]
    deliver_due_emails()
    refused.refresh_from_db()
    assert refused.attempts == 1


def test_the_same_message_is_never_queued_twice():
    assert queue(7) is not None
    assert queue(7) is None
    assert OutgoingEmail.objects.count() == 1


def test_delivery_is_enqueued_on_the_background_queue_when_the_decision_commits(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        queue(1)
        queue(2)
        assert not DBTaskResult.objects.exists()
    (task,) = DBTaskResult.objects.all()
    assert (task.task_path, task.backend_name) == (DELIVERY_TASK, "background")


def test_a_message_queued_in_a_transaction_that_rolls_back_is_never_sent(smtp):
    with pytest.raises(RuntimeError), transaction.atomic():
        queue(1)
        raise RuntimeError("the decision fell through")
    deliver_due_emails()
    assert not OutgoingEmail.objects.exists()
    assert smtp.messages == []


def test_an_email_with_an_attachment_is_refused_with_a_message_saying_what_to_do():
    message = EmailMessage(subject="Agenda", body="Attached.", to=["member@kcp.example"])
    message.attach("agenda.txt", "1. Minutes", "text/plain")
    with pytest.raises(EmailNotQueueable, match="link to the document"):
        message.send()
