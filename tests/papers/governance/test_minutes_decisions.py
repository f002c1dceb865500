"""Decisions recorded from the minutes page: officers, and the lead officers of the meeting's
group, give each agenda item's outcome, wording and minute paragraph; the paper then shows
the decision. Bad input says what to fix and saves nothing; another group's minutes are
refused."""

import pytest
from django.test import Client

from papers.governance.models import Decision
from papers.models import MinutesPage
from tests.fixtures.papers import publish, set_agenda

pytestmark = pytest.mark.django_db


def _admin(user, settings) -> Client:
    settings.KCP_MFA_REQUIRED = False
    client = Client()
    client.force_login(user)
    return client


def _url(minutes) -> str:
    return f"/admin/governance/minutes/{minutes.pk}/decisions/"


@pytest.fixture
def on_the_agenda(meeting, minutes, report):
    set_agenda(meeting, [("KCP Review", report)])
    return meeting.agenda_items.get()


def _form(agenda_item, **changes) -> dict:
    return {
        "item": agenda_item.pk,
        "outcome": "approved_with_amendments",
        "wording": "The review was approved, with the date of the away day moved to July.",
        "minute_number": "2",
        **changes,
    }


def test_the_minutes_page_in_the_admin_links_to_recording_its_decisions(officer, settings, minutes):
    client = _admin(officer, settings)
    html = client.get(f"/admin/pages/{minutes.pk}/edit/").content.decode()
    assert _url(minutes) in html
    assert "Record decisions" in html


def test_an_officer_records_a_decision_on_the_minutes_page_and_the_paper_shows_it(
    officer, settings, minutes, report, on_the_agenda, client
):
    admin = _admin(officer, settings)
    page = admin.get(_url(minutes)).content.decode()
    assert "2 KCP Review" in page  # the minutes' own paragraphs to choose from
    response = admin.post(_url(minutes), _form(on_the_agenda))
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert (decision.paper_id, decision.minutes_id, decision.minute_number) == (
        report.pk,
        minutes.pk,
        "2",
    )
    assert decision.outcome == "approved_with_amendments"
    paper = client.get(report.url).content.decode()
    assert "<strong>Decision:</strong> approved with amendments" in paper
    assert f"{minutes.url}#para-2" in paper


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"outcome": ""}, "Choose the outcome"),
        ({"minute_number": "9.9"}, "has no paragraph numbered 9.9"),
        ({"wording": ""}, "Write the decision as the minutes word it"),
        ({"item": "999999"}, "Select a valid choice"),
    ],
)
def test_bad_input_on_the_minutes_page_says_what_to_fix_and_saves_nothing(
    officer, settings, minutes, on_the_agenda, changes, message
):
    response = _admin(officer, settings).post(_url(minutes), _form(on_the_agenda, **changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Decision.objects.exists()


def test_a_lead_officer_records_their_own_groups_decisions_but_not_another_groups(
    lead_officer, settings, minutes, on_the_agenda, theme_meeting
):
    client = _admin(lead_officer, settings)
    response = client.post(_url(minutes), _form(on_the_agenda))
    assert response.status_code == 403
    assert not Decision.objects.exists()

    theirs = publish(
        theme_meeting,
        MinutesPage(
            title="Minutes of 10 June 2009",
            slug="minutes",
            minutes=[{"type": "minute", "value": {"number": "", "heading": "Budget", "text": "."}}],
        ),
    )
    set_agenda(theme_meeting, [("Budget", None)])
    item = theme_meeting.agenda_items.get()
    response = client.post(_url(theirs), _form(item, minute_number="1", outcome="noted"))
    assert response.status_code == 302
    assert Decision.objects.get().meeting_id == theme_meeting.pk
