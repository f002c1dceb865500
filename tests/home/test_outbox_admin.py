"""The officers' Outbox screen: waiting, failed and sent messages with their errors and a
"retry now"; confidential bodies (sign-in codes, verification, password reset) never shown;
officers only, each view and retry in the audit log."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from home.audit import AuditEntry
from home.models import OutgoingEmail

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPKCPTESTS"
State = OutgoingEmail.State


def make_email(key: str, state: str, **fields) -> OutgoingEmail:
    defaults = {
        "kind": "News and Views reminder",
        "to": ["lead.health@kcp.example"],
        "subject": f"Message {key}",
        "body_text": f"The body of message {key}.",
        "state": state,
        "next_attempt_at": timezone.now(),
    }
    return OutgoingEmail.objects.create(idempotency_key=key, **{**defaults, **fields})


@pytest.fixture
def officer_client(officer):
    TOTP.activate(officer, SECRET)
    client = Client()
    client.force_login(officer)
    return client


@pytest.fixture
def outbox_in_every_state():
    return {
        "waiting": make_email(
            "waiting", State.PENDING, attempts=2, last_error="ConnectionRefusedError: refused"
        ),
        "failed": make_email(
            "failed", State.FAILED, attempts=1, last_error="SMTPRecipientsRefused: 550 No such"
        ),
        "sent": make_email("sent", State.SENT, attempts=1, sent_at=timezone.now()),
    }


def test_officers_see_waiting_failed_and_sent_messages_with_their_errors(
    officer_client, outbox_in_every_state
):
    waiting = officer_client.get("/admin/outbox/").content.decode()
    assert "Message waiting" in waiting and "ConnectionRefusedError: refused" in waiting
    assert "Message failed" not in waiting
    failed = officer_client.get("/admin/outbox/?show=failed").content.decode()
    assert "Message failed" in failed and "550 No such" in failed
    assert "Retry now" in failed
    sent = officer_client.get("/admin/outbox/?show=sent").content.decode()
    assert "Message sent" in sent and "Retry now" not in sent


def test_an_unknown_tab_shows_the_waiting_messages(officer_client, outbox_in_every_state):
    response = officer_client.get("/admin/outbox/?show=everything&page=nonsense")
    assert response.status_code == 200
    assert "Message waiting" in response.content.decode()


def test_an_officer_reads_a_message_and_the_view_is_in_the_audit_log(
    officer, officer_client, outbox_in_every_state
):
    email = outbox_in_every_state["sent"]
    html = officer_client.get(f"/admin/outbox/{email.pk}/").content.decode()
    assert "The body of message sent." in html
    entry = AuditEntry.objects.get(action="home.viewed_email")
    assert (entry.subject_type, entry.subject_id, entry.actor_id) == (
        "home.outgoingemail",
        email.pk,
        officer.pk,
    )


def test_the_body_of_a_password_reset_is_never_shown(client, officer, officer_client):
    client.post("/accounts/password/reset/", {"email": officer.email})
    reset = OutgoingEmail.objects.get()
    assert reset.is_confidential and "/accounts/password/reset/key/" in reset.body_text

    listing = officer_client.get("/admin/outbox/").content.decode()
    detail = officer_client.get(f"/admin/outbox/{reset.pk}/").content.decode()
    assert reset.subject in listing
    assert "/accounts/password/reset/key/" not in listing + detail
    assert "The contents of this message are not shown" in detail


def test_retry_now_sends_a_failed_message_again_and_is_in_the_audit_log(
    officer, officer_client, outbox_in_every_state, django_capture_on_commit_callbacks
):
    failed = outbox_in_every_state["failed"]
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(
            f"/admin/outbox/{failed.pk}/retry/", {"next": "/admin/outbox/?show=failed"}
        )
    assert response["Location"] == "/admin/outbox/?show=failed"
    failed.refresh_from_db()
    assert failed.state == State.PENDING
    assert failed.next_attempt_at <= timezone.now()
    assert DBTaskResult.objects.filter(task_path="home.outbox.deliver_emails").exists()
    assert AuditEntry.objects.filter(action="home.retried_email", actor=officer).count() == 1


def test_retrying_a_sent_message_says_there_is_nothing_to_retry(
    officer_client, outbox_in_every_state
):
    sent = outbox_in_every_state["sent"]
    response = officer_client.post(f"/admin/outbox/{sent.pk}/retry/", follow=True)
    assert "has already been sent or is being sent" in response.content.decode()
    sent.refresh_from_db()
    assert sent.state == State.SENT


def test_people_who_are_not_officers_cannot_see_or_retry_messages(
    client, django_user_model, outbox_in_every_state
):
    editor = django_user_model.objects.create_user(email="editor@kcp.example", password="x" * 12)
    editor.is_staff = True
    editor.save()
    client.force_login(editor)
    failed = outbox_in_every_state["failed"]
    assert client.get("/admin/outbox/").status_code in (302, 403)
    assert client.get(f"/admin/outbox/{failed.pk}/").status_code in (302, 403)
    client.post(f"/admin/outbox/{failed.pk}/retry/")
    failed.refresh_from_db()
    assert failed.state == State.FAILED


def test_the_listing_takes_the_same_number_of_queries_for_three_or_sixty_messages(officer_client):
    def queries_for_listing() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert officer_client.get("/admin/outbox/").status_code == 200
        return len(queries)

    for number in range(3):
        make_email(f"small-{number}", State.PENDING)
    # The first request creates the site's settings row, a change the next one builds the
    # site chrome again for: measure from the third.
    queries_for_listing()
    queries_for_listing()
    small = queries_for_listing()
    for number in range(57):
        make_email(f"large-{number}", State.PENDING)
    assert queries_for_listing() == small
