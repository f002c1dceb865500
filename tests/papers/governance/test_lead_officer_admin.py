"""Lead officers in the meeting cycle's admin: their own groups' actions and decisions only.
Each refusal is checked in the database; the officers' control test shows the checks can
fail."""

import datetime

import pytest
from django.test import Client

from papers.governance import services
from papers.governance.models import Action

pytestmark = pytest.mark.django_db

ACTIONS = "/admin/snippets/governance/action/"
DECISIONS = "/admin/snippets/governance/decision/"


def _admin(user, settings) -> Client:
    settings.KCP_MFA_REQUIRED = False
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def two_groups_actions(officer, meeting, theme_meeting, owner):
    def action(at, text):
        return services.record_action(
            by=officer, meeting=at, text=text, owner=owner, due_on=datetime.date(2009, 12, 1)
        )

    return action(theme_meeting, "Map the health services."), action(meeting, "Publish the review.")


@pytest.fixture
def two_groups_decisions(officer, meeting, theme_meeting):
    def decision(at, title):
        return services.record_decision(
            by=officer, meeting=at, item_title=title, outcome="noted", wording="Noted."
        )

    return decision(theme_meeting, "Health mapping"), decision(meeting, "KCP Review")


def _edit_form(action, text) -> dict:
    return {
        "meeting": action.meeting_id,
        "text": text,
        "owner": action.owner_id,
        "due_on": action.due_on.isoformat(),
        "decision": "",
        "source_page": "",
        "source_number": "",
        "status": action.status,
        "dropped_reason": "",
    }


def test_a_lead_officer_lists_only_their_own_groups_actions_and_decisions(
    lead_officer, settings, two_groups_actions, two_groups_decisions
):
    client = _admin(lead_officer, settings)
    actions = client.get(ACTIONS)
    assert actions.status_code == 200
    assert "Map the health services." in actions.content.decode()
    assert "Publish the review." not in actions.content.decode()
    decisions = client.get(DECISIONS).content.decode()
    assert "Health mapping" in decisions
    assert "KCP Review" not in decisions


def test_a_lead_officer_edits_their_own_groups_action(lead_officer, settings, two_groups_actions):
    ours, _ = two_groups_actions
    client = _admin(lead_officer, settings)
    assert client.get(f"{ACTIONS}edit/{ours.pk}/").status_code == 200
    response = client.post(f"{ACTIONS}edit/{ours.pk}/", _edit_form(ours, "Map every service."))
    assert response.status_code == 302
    ours.refresh_from_db()
    assert ours.text == "Map every service."


def test_a_lead_officer_is_refused_another_groups_action_and_nothing_is_saved(
    lead_officer, settings, two_groups_actions
):
    _, theirs = two_groups_actions
    client = _admin(lead_officer, settings)
    opened = client.get(f"{ACTIONS}edit/{theirs.pk}/")
    assert opened.status_code in (302, 403)
    assert "Publish the review." not in opened.content.decode()
    response = client.post(f"{ACTIONS}edit/{theirs.pk}/", _edit_form(theirs, "Changed."))
    assert response.status_code in (302, 403)
    assert Action.objects.get(pk=theirs.pk).text == "Publish the review."
    history = client.get(f"{ACTIONS}history/{theirs.pk}/")
    assert history.status_code in (302, 403)


def test_control_an_officer_lists_and_edits_every_groups_action(
    officer, settings, two_groups_actions
):
    _, theirs = two_groups_actions
    client = _admin(officer, settings)
    listing = client.get(ACTIONS).content.decode()
    assert "Map the health services." in listing and "Publish the review." in listing
    response = client.post(f"{ACTIONS}edit/{theirs.pk}/", _edit_form(theirs, "Changed."))
    assert response.status_code == 302
    assert Action.objects.get(pk=theirs.pk).text == "Changed."
