"""PostgreSQL restarted while the worker delivers a batch, and while readers browse: every
queued email is sent exactly once, and connections recover by themselves."""

import pytest
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.test import Client

from home.models import OutgoingEmail
from home.outbox import deliver_due_emails, label_email, queue_message
from tests.throwaway_postgres import ThrowawayPostgres

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
MESSAGES = 30
RESTART_AFTER = 10


@pytest.fixture
def postgres():
    if ThrowawayPostgres.running is None:
        raise RuntimeError(
            "These tests restart the test run's own PostgreSQL: unset PGHOST so "
            "tests/conftest.py starts one (apt-get install -y postgresql)."
        )
    return ThrowawayPostgres.running


def queue_batch() -> None:
    with transaction.atomic():
        for number in range(MESSAGES):
            message = EmailMessage(subject=f"Agenda {number}", body="Papers.", to=["m@kcp.example"])
            queue_message(label_email(message, kind="test", idempotency_key=f"a:{number}"))


def test_a_restart_mid_batch_loses_no_queued_email_and_sends_none_twice(
    smtp, postgres, monkeypatch, settings
):
    settings.EMAIL_TIMEOUT = 30  # the mail server answers once the restart is done
    queue_batch()
    handler = smtp.handler
    receive = handler.handle_message

    def receive_then_restart(message):
        receive(message)
        if len(handler.messages) == RESTART_AFTER:
            # The worker waits for the server's reply, then records the message as sent:
            # its connection is cut right there.
            postgres.restart()

    monkeypatch.setattr(handler, "handle_message", receive_then_restart)
    runs = 0
    while OutgoingEmail.objects.exclude(state=OutgoingEmail.State.SENT).exists() and runs < 20:
        runs += 1
        deliver_due_emails()
    subjects = sorted(message["Subject"] for message in smtp.messages)
    assert subjects == sorted(f"Agenda {number}" for number in range(MESSAGES))
    assert OutgoingEmail.objects.filter(state=OutgoingEmail.State.SENT).count() == MESSAGES
    assert set(OutgoingEmail.objects.values_list("attempts", flat=True)) == {1}


def test_readers_are_served_again_right_after_a_restart(postgres, home_page):
    reader = Client()
    assert reader.get("/").status_code == 200
    postgres.restart()
    connection.close_if_unusable_or_obsolete()  # what Django does at each request's end
    assert reader.get("/").status_code == 200
