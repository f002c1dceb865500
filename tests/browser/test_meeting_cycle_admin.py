"""The meeting cycle's newer pages in a real browser, in each state: a progress report's live
actions (none yet, and with an overdue one), the minutes page's decisions screen (none yet,
with errors, with one recorded) and the year's report screen (ready, with errors). axe finds
nothing, every control is reached by keyboard, and nothing scrolls sideways at 320px."""

import datetime

import pytest

from papers.governance import services
from papers.models import ContactOfficer, ProgressReportPage
from tests.browser.accessibility import (
    assert_usable_everywhere,
    wait_for_animations,
)
from tests.fixtures.papers import publish, set_agenda


@pytest.fixture
def owner(db):
    return ContactOfficer.objects.create(
        name="Rachel Smith", organisation="RBKC", email="rachel.smith@rbkc.example"
    )


def _live_actions_report(parent, meeting) -> ProgressReportPage:
    return publish(
        parent,
        ProgressReportPage(
            title="Actions followed up",
            slug="actions-followed-up",
            status=ProgressReportPage.Status.FOR_NOTING,
            live_actions=[
                {
                    "type": "live_actions",
                    "value": {"heading": "Actions agreed in May 2009", "meeting": meeting.pk},
                }
            ],
        ),
    )


def test_a_progress_report_with_no_live_actions_yet_is_usable(
    page, site_url, steering_group, meeting
):
    report = _live_actions_report(steering_group, meeting)
    page.goto(f"{site_url}{report.url}")
    assert page.get_by_text("No actions to show yet.").is_visible()
    assert_usable_everywhere(page)


def test_a_progress_report_with_live_actions_is_usable(
    page, site_url, officer, steering_group, meeting, owner
):
    services.record_action(
        by=officer,
        meeting=meeting,
        text="Publish the agreed review on the website, with a long title that has to wrap.",
        owner=owner,
        due_on=datetime.date(2009, 6, 30),
    )
    report = _live_actions_report(steering_group, meeting)
    page.goto(f"{site_url}{report.url}")
    assert page.get_by_role("heading", name="Actions agreed in May 2009").is_visible()
    assert page.get_by_text("(overdue)").is_visible()
    assert_usable_everywhere(page)


def test_the_minutes_decisions_screen_is_usable_empty_with_errors_and_full(
    officer_page, site_url, meeting, minutes, report
):
    page = officer_page
    set_agenda(meeting, [("KCP Review", report)])
    page.goto(f"{site_url}/admin/governance/minutes/{minutes.pk}/decisions/")
    assert page.get_by_text("No decision of this meeting is recorded yet.").is_visible()
    assert_usable_everywhere(page)

    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_text("Choose the outcome: approved").wait_for()
    assert_usable_everywhere(page)

    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_label("Agenda item").select_option(label="KCP Review")
    page.get_by_label("Outcome").select_option("noted")
    page.get_by_label("Decision as the minutes word it").fill("The review was noted.")
    page.get_by_label("Minute paragraph").select_option("2")
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_text("Decision recorded").first.wait_for()
    assert page.locator(".kcp-minutes-decisions").get_by_text("KCP Review").is_visible()
    wait_for_animations(page)  # Wagtail's message fades in
    assert_usable_everywhere(page)


def test_the_year_report_screen_is_usable_and_says_what_to_fix(
    officer_page, site_url, later_meeting
):
    page = officer_page
    page.goto(f"{site_url}/admin/governance/actions/year-report/")
    assert_usable_everywhere(page)

    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_label("Municipal year starting in April of").fill("1800")
    page.get_by_label("Meeting the paper goes to").select_option(label=later_meeting.title)
    page.get_by_role("button", name="Make the draft paper").click()
    page.get_by_text("Choose a municipal year from 2000").wait_for()
    assert_usable_everywhere(page)
