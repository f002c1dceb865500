"""The admin: recording an action goes through the service (bad input told what to fix, and
nothing saved; a lead officer refused another group's meeting), and the officers' dashboard
shows the draft agendas due and overdue."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from papers.governance import agendas
from papers.governance.models import Action, PlannedItem
from papers.models import MeetingPage

pytestmark = pytest.mark.django_db

ADD_ACTION = "/admin/snippets/governance/action/add/"


@pytest.fixture
def officer_admin(officer, settings):
    settings.KCP_MFA_REQUIRED = False
    client = Client()
    client.force_login(officer)
    return client


def _form(meeting, owner, changes=None) -> dict:
    data = {
        "meeting": meeting.pk,
        "text": "Publish the review.",
        "owner": owner.pk,
        "due_on": "2009-09-30",
        "decision": "",
        "source_page": "",
        "source_number": "",
        "status": "not_started",
        "dropped_reason": "",
    }
    return {**data, **(changes or {})}


def test_an_officer_records_an_action_in_the_admin(officer_admin, meeting, owner):
    response = officer_admin.post(ADD_ACTION, _form(meeting, owner))
    assert response.status_code == 302
    assert Action.objects.get().owner == owner


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"owner": "999999"}, "Select a valid choice"),
        ({"owner": ""}, "Choose the owner from the contacts list"),
        ({"due_on": ""}, "Give the date the action is due."),
        ({"due_on": "2009-05-01"}, "The due date is before the meeting"),
        ({"status": "dropped"}, "Say why the action was dropped"),
        ({"source_page": "PAGE", "source_number": "9.9"}, "has no paragraph numbered 9.9"),
    ],
)
def test_bad_input_in_the_admin_says_what_to_fix_and_saves_nothing(
    officer_admin, meeting, owner, minutes, changes, message
):
    if changes.get("source_page") == "PAGE":
        changes = {**changes, "source_page": minutes.pk}
    response = officer_admin.post(ADD_ACTION, _form(meeting, owner, changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Action.objects.exists()


def test_a_lead_officer_is_refused_another_groups_meeting_in_the_admin(
    lead_officer, meeting, owner, settings
):
    settings.KCP_MFA_REQUIRED = False
    client = Client()
    client.force_login(lead_officer)
    response = client.post(ADD_ACTION, _form(meeting, owner))
    assert response.status_code in (200, 302, 403)
    assert not Action.objects.exists()


def test_the_officers_dashboard_lists_agendas_due_and_overdue(officer_admin, steering_group):
    soon = MeetingPage(
        title="Steering Group meeting in ten days",
        start=timezone.now() + datetime.timedelta(days=10),
        venue_name="The Town Hall",
        live=False,
    )
    steering_group.add_child(instance=soon)
    PlannedItem.objects.create(meeting=soon, title="Budget")
    agendas.draft_agenda_from_plan(soon)
    html = officer_admin.get("/admin/").content.decode()
    assert "Draft agendas to be agreed" in html
    assert "Steering Group meeting in ten days" in html
    assert "(overdue)" in html
