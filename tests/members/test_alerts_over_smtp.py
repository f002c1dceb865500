"""End to end over a real SMTP server on localhost (aiosmtpd): a paper goes through the
Wagtail admin's moderation workflow (the lead officer submits, an officer approves), the real
background worker matches and sends, and the alert arrives with its RFC 8058 headers. A mail
server's permanent refusal pauses the member's email and flags them to officers."""

import pytest
from django.test import Client
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from home.models import OutgoingEmail
from members.alerts import matching as alerts_matching
from members.alerts import sending as alerts_sending
from members.models import AlertDelivery, Member, Posting
from papers.models import ReportPage
from tests.fixtures.alerts import add_report, make_member
from tests.smtp_server import REFUSED_DOMAIN


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_paper_approved_through_the_workflow_is_alerted_over_smtp_with_unsubscribe_headers(
    lead_officer_client,
    health_meeting,
    health_reader,
    officer_with_two_factor,
    smtp,
    run_worker,
):
    draft = ReportPage(title="Health inequalities in the north of the borough", live=False)
    health_meeting.add_child(instance=draft)
    draft.save_revision()
    url = f"/admin/pages/{draft.pk}/edit/"
    data = querydict_from_html(lead_officer_client.get(url).content.decode(), "page-edit-form")
    data["purpose"] = "This paper sets out the gap in life expectancy."
    for stream in ("body", "background_papers", "annexes"):  # drawn by JavaScript in a browser
        data.setdefault(f"{stream}-count", "0")
    data["action-submit"] = "1"
    lead_officer_client.post(url, data)
    assert not Posting.objects.exists()  # submitted, not yet published

    state = WorkflowState.objects.get(base_content_type__model="page", object_id=draft.pk)
    officer = Client()
    officer.force_login(officer_with_two_factor)
    response = officer.post(
        f"/admin/pages/workflow/action/{draft.pk}/approve/{state.current_task_state.pk}/",
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    posting = Posting.objects.get(page=draft)
    assert posting.sent_at is None  # nothing matched inside the request

    run_worker()
    received = [m for m in smtp.wait_for(1) if health_reader.email in m["To"]]
    assert len(received) == 1
    message = received[0]
    assert message["Subject"] == "New report: Health inequalities in the north of the borough"
    link = alerts_matching.unsubscribe_url(health_reader)
    assert "".join(message["List-Unsubscribe"].split()) == f"<{link}>"  # unfolded
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    parts = {part.get_content_type(): part for part in message.walk()}
    html = parts["text/html"].get_payload(decode=True).decode()
    assert "<h2" in html and "life expectancy" in html
    assert AlertDelivery.objects.get(member=health_reader).state == AlertDelivery.State.SENT


@pytest.mark.django_db
def test_a_permanent_refusal_pauses_the_members_email_and_flags_them(
    django_user_model, health_meeting, health_interest, health_reader, smtp, deliver_outbox
):
    bouncing = make_member(
        django_user_model, f"gone@{REFUSED_DOMAIN}", [health_interest], name="Gwen Gone"
    )
    add_report(health_meeting)
    alerts_sending.send_due_postings()
    deliver_outbox()
    bouncing.refresh_from_db()
    assert bouncing.is_email_paused
    assert "550" in bouncing.email_paused_reason
    assert AlertDelivery.objects.get(member=bouncing).state == AlertDelivery.State.FAILED
    assert AlertDelivery.objects.get(member=health_reader).state == AlertDelivery.State.SENT
    assert OutgoingEmail.objects.filter(state=OutgoingEmail.State.FAILED).count() == 1

    add_report(health_meeting, title="The next health paper")
    alerts_sending.send_due_postings()
    assert not AlertDelivery.objects.filter(member=bouncing, posting__title__contains="next")
    assert Member.objects.filter(email_paused_at__isnull=False).get() == bouncing
