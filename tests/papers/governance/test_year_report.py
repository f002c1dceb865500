"""The year's actions published as a paper: an officer makes a draft progress report for a
municipal year; it is a draft, unseen, until it is published, then shows the year's actions.
Bad input says what to fix and makes nothing; only officers may make it."""

import datetime

import pytest
from django.test import Client

from papers.governance import services
from papers.models import ProgressReportPage

pytestmark = pytest.mark.django_db

URL = "/admin/governance/actions/year-report/"


def _admin(user, settings) -> Client:
    settings.KCP_MFA_REQUIRED = False
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def agreed_in_2009(officer, meeting, owner):
    return services.record_action(
        by=officer,
        meeting=meeting,
        text="Publish the membership review.",
        owner=owner,
        due_on=datetime.date(2009, 9, 30),
    )


def test_an_officer_makes_the_years_report_a_draft_paper_that_shows_once_published(
    officer, settings, later_meeting, agreed_in_2009, client
):
    admin = _admin(officer, settings)
    assert admin.get(URL).status_code == 200
    response = admin.post(URL, {"year": "2009", "meeting": later_meeting.pk})
    assert response.status_code == 302
    report = ProgressReportPage.objects.get()
    assert response["Location"] == f"/admin/pages/{report.pk}/edit/"
    assert report.title == "Actions agreed in the municipal year 2009/10"
    assert report.live is False
    assert report.get_parent().pk == later_meeting.pk
    assert client.get(report.get_url()).status_code == 404

    report.get_latest_revision().publish()
    report.refresh_from_db()
    html = client.get(report.url).content.decode()
    assert "Actions agreed in 2009/10" in html
    assert "Publish the membership review." in html


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"year": "abc"}, "Give the year as four figures"),
        ({"year": "1800"}, "Choose a municipal year from 2000"),
        ({"year": "2009", "meeting": ""}, "Choose the meeting that will review the actions"),
    ],
)
def test_bad_input_says_what_to_fix_and_makes_no_paper(
    officer, settings, later_meeting, form, message
):
    data = {"meeting": later_meeting.pk, **form}
    response = _admin(officer, settings).post(URL, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ProgressReportPage.objects.exists()


def test_the_same_years_report_is_not_made_twice_at_one_meeting(officer, settings, later_meeting):
    admin = _admin(officer, settings)
    admin.post(URL, {"year": "2009", "meeting": later_meeting.pk})
    response = admin.post(URL, {"year": "2009", "meeting": later_meeting.pk})
    assert response.status_code == 400
    assert "already has the report of that year" in response.content.decode()
    assert ProgressReportPage.objects.count() == 1


def test_only_officers_make_the_years_report(lead_officer, settings, later_meeting):
    response = _admin(lead_officer, settings).post(
        URL, {"year": "2009", "meeting": later_meeting.pk}
    )
    assert response.status_code == 403
    assert not ProgressReportPage.objects.exists()
