"""The meeting cycle's demo: the 2009 review's actions tracked (some overdue), decisions on the
demo meetings' papers, the next three meetings planned (one without an item of interest), and
a draft agenda awaiting the Agenda Planning Group. A second run adds nothing."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from papers.governance.models import Action, Decision, DraftAgenda, PlannedItem
from papers.governance.registers import forward_plan
from papers.models import ProgressReportPage

pytestmark = pytest.mark.django_db


def load() -> str:
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def test_the_demo_shows_every_state_of_the_meeting_cycle(client):
    load()
    numbers = set(Action.objects.values_list("source_number", flat=True))
    assert {"2.2.1", "2.4.2", "2.6.4"} <= numbers and len(numbers) == 15
    assert Action.objects.overdue(timezone.localdate()).exists()
    assert Action.objects.filter(status="done").exists()
    assert Decision.objects.filter(outcome="approved_with_amendments", minute_number="1").exists()

    planned = [meeting for meeting in forward_plan() if meeting.plan]
    assert len(planned) == 3
    assert {meeting.group_name for meeting in planned} == {"Steering Group"}
    assert [meeting.has_item_of_interest for meeting in planned].count(False) == 1
    assert DraftAgenda.objects.get().workflow_in_progress

    tracker = client.get("/actions/").content.decode()
    assert "Agenda Planning Group to ensure meetings contain at least one item" in tracker
    assert "(overdue)" in tracker
    review = Action.objects.first().source_page
    html = client.get(review.url).content.decode()
    assert "Decision:</strong> noted on" in html
    assert 'href="/actions/#action-' in html

    live = ProgressReportPage.objects.live().get(slug="kcp-review-actions-where-they-stand")
    html = client.get(live.url).content.decode()
    assert "Agenda Planning Group to ensure meetings contain at least one item" in html
    draft = ProgressReportPage.objects.get(slug="actions-agreed-2009-2010")
    assert draft.live is False

    planned, actions = PlannedItem.objects.count(), Action.objects.count()
    reports = ProgressReportPage.objects.count()
    load()
    assert (PlannedItem.objects.count(), Action.objects.count()) == (planned, actions)
    assert ProgressReportPage.objects.count() == reports
