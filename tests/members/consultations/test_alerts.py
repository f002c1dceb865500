"""Consultations are postings (issue 15's alerts): members whose interests match hear about a
new consultation once, with its closing date; a response, and opening a paper for comments,
send no alert and put no response in any message."""

import datetime

import pytest
from django.utils import timezone

from members.consultations.services import Responder, respond, taking_responses
from members.models import Posting
from papers.services import open_for_comments
from tests.fixtures.alerts import add_report, send_alerts
from tests.fixtures.consultations import answers
from tests.fixtures.papers import make_consultation

pytestmark = pytest.mark.django_db


def test_a_published_consultation_alerts_the_members_of_its_group_once(
    health_group, health_reader, housing_reader, deliver_outbox
):
    page = make_consultation(health_group, title="Healthy schools: your views", slug="schools")
    messages = send_alerts(deliver_outbox)
    assert [message.to for message in messages] == [[health_reader.email]]
    assert page.title in messages[0].subject
    assert "Responses close on" in messages[0].body
    page.save_revision().publish()
    assert Posting.objects.filter(page=page).count() == 1


def test_responses_and_comment_periods_send_no_alert(
    health_group, health_meeting, health_reader, deliver_outbox, amira
):
    page = make_consultation(health_group, slug="schools")
    report = add_report(health_meeting)
    before = send_alerts(deliver_outbox)
    respond(
        taking_responses(page, timezone.now()),
        Responder(user=amira),
        answers=answers(first="A private view about school meals."),
    )
    open_for_comments(report, closes_at=timezone.now() + datetime.timedelta(days=7))
    after = send_alerts(deliver_outbox)
    assert len(after) == len(before)
    assert Posting.objects.count() == 2
    assert not any("private view" in message.body for message in after)
