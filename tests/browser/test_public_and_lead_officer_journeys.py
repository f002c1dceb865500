"""Two more journeys of issue 31 through real pages in a real browser: a member of the public
(home, search, a paper, its meeting, the month view, an event, "Add to calendar") and a lead
officer (signs in with a second factor, lands on the admin, edits their own group's page and
submits it, and cannot edit another group's). Each step asserts what a new user tripped over;
each page checked with axe, by keyboard and at 320px."""

import datetime
import re

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from playwright.sync_api import expect

from papers.month_view import today
from tests.browser.accessibility import (
    assert_accessible,
    assert_usable_everywhere,
    wait_for_animations,
)
from tests.fixtures.events import make_event
from tests.fixtures.papers import LONDON
from tests.people import PASSWORD, SECRET

# Wagtail's rich text editor draws a textbox without an accessible name: its own widget, left
# out of the admin checks (as in test_group_moderation.py).
ADMIN_MAIN = {"exclude": [".Draftail-Editor .public-DraftEditor-content"]}


def assert_no_double_full_stop(page) -> None:
    assert "p.m.." not in page.locator("main").inner_text()


@pytest.fixture
def event_today(events_index):
    day = today()
    return make_event(
        events_index,
        title="Partnership priorities open day",
        start=datetime.datetime(day.year, day.month, day.day, 14, 0, tzinfo=LONDON),
        end=datetime.datetime(day.year, day.month, day.day, 16, 0, tzinfo=LONDON),
    )


def test_the_public_find_a_paper_its_meeting_the_month_and_add_an_event_to_their_calendar(
    page, site_url, report, event_today
):
    page.goto(site_url + "/")
    page.get_by_label("Search the site").fill("priorities")
    page.get_by_label("Search the site").press("Enter")
    page.wait_for_url("**/search/?query=priorities*")
    results = page.locator("main").inner_text()
    assert report.title in results and event_today.title in results
    assert "<p>" not in results  # event results showed their markup
    assert_usable_everywhere(page)

    page.get_by_role("link", name=report.title).first.click()
    page.get_by_role("heading", level=1, name=report.title).wait_for()
    assert_no_double_full_stop(page)
    assert_usable_everywhere(page)

    page.locator(".breadcrumbs").get_by_role("link", name=report.get_parent().title).click()
    page.get_by_role("heading", level=1, name=report.get_parent().title).wait_for()
    assert_no_double_full_stop(page)
    assert_usable_everywhere(page)

    page.get_by_role("link", name="Calendar of meetings and events").click()
    page.wait_for_url("**/calendar/")
    today_cell = page.locator('td[aria-current="date"]')
    assert today_cell.get_by_role("link", name=event_today.title).is_visible()
    assert_usable_everywhere(page)

    today_cell.get_by_role("link", name=event_today.title).click()
    page.get_by_role("heading", level=1, name=event_today.title).wait_for()
    crumbs = page.locator(".breadcrumbs ol")
    assert crumbs.evaluate("(list) => getComputedStyle(list).listStyleType") == "none"
    assert_no_double_full_stop(page)
    assert_usable_everywhere(page)

    add = page.get_by_role("link", name=re.compile("^Add to calendar"))
    calendar = page.request.get(site_url + add.get_attribute("href"))
    assert calendar.headers["content-type"].startswith("text/calendar")
    assert f"SUMMARY:{event_today.title}" in calendar.text()


def sign_in_with_a_code(page, site_url, email) -> None:
    """Through the sign-in form and the second-factor form, as a lead officer does."""
    page.goto(site_url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/2fa/authenticate/**")
    code = format_hotp_value(hotp_value(SECRET, next(yield_hotp_counters_from_time())))
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Sign In").click()


def test_a_lead_officer_edits_and_submits_their_groups_page_and_not_anothers(
    page, site_url, health_group, safety_group, lead_officer
):
    TOTP.activate(lead_officer, SECRET)
    sign_in_with_a_code(page, site_url, lead_officer.email)
    page.wait_for_url(re.compile(r"/admin/$"))  # the admin, not the public home page
    wait_for_animations(page)  # the admin's "signed in" message fades in
    assert_accessible(page, context=ADMIN_MAIN)

    page.goto(f"{site_url}/admin/pages/{health_group.pk}/edit/")
    assert_accessible(page, context=ADMIN_MAIN)
    page.locator("#id_purpose").fill("Improves health and wellbeing in every ward.")
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name=re.compile("Submit to Partnership officer approval")).click()
    expect(page.locator(".messages")).to_contain_text("submitted")
    health_group.refresh_from_db()
    latest = health_group.get_latest_revision_as_object()
    assert latest.purpose == "Improves health and wellbeing in every ward."
    assert health_group.purpose != latest.purpose  # waiting for approval, not yet live
    assert health_group.workflow_in_progress

    response = page.goto(f"{site_url}/admin/pages/{safety_group.pk}/edit/")
    assert "/edit/" not in page.url or response.status == 403
    assert page.locator("#id_purpose").count() == 0
    safety_group.refresh_from_db()
    assert safety_group.get_latest_revision().pk == safety_group.live_revision.pk
