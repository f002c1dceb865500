"""The month view of meetings and events in a real browser, empty and full: axe finds nothing,
every link is reached by keyboard, and at 320px the days become a list, not a wide grid."""

import datetime

import pytest

from papers.models import MeetingPage
from papers.month_view import this_month, today
from tests.browser.accessibility import (
    assert_usable_everywhere,
)
from tests.fixtures.events import make_event
from tests.fixtures.papers import LONDON, publish


def at(day: int, hour: int) -> datetime.datetime:
    date = today().replace(day=day)
    return datetime.datetime(date.year, date.month, date.day, hour, 0, tzinfo=LONDON)


@pytest.fixture
def full_month(steering_group, events_index):
    """Two meetings and an event on most of the first twenty days of this month."""
    for day in range(1, 21):
        for hour in (10, 18):
            publish(
                steering_group,
                MeetingPage(
                    title=f"Steering Group working meeting on the Community Strategy {day}-{hour}",
                    start=at(day, hour),
                    venue_name="The Town Hall",
                ),
            )
        make_event(
            events_index, title=f"Partnership event {day}", start=at(day, 14), end=at(day, 16)
        )


def test_an_empty_month_is_accessible_by_keyboard_and_at_320px(page, site_url, home_page):
    page.goto(f"{site_url}/calendar/")
    assert page.get_by_text(f"Nothing is planned in {this_month().name}.").is_visible()
    assert page.get_by_role("table").is_visible()
    assert page.locator('[aria-current="date"]').count() == 1
    assert_usable_everywhere(page)
    assert page.locator('[aria-current="date"]').is_visible()  # today stays, even when quiet


def test_a_full_month_is_a_grid_on_a_desktop_and_a_list_at_320px(page, site_url, full_month):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/calendar/")
    assert page.get_by_role("link", name="Partnership event 20").is_visible()
    header = page.get_by_role("columnheader", name="Monday")
    assert header.is_visible()
    grid_cell = page.locator("td.month-calendar__day").first.bounding_box()
    assert grid_cell["width"] < 200  # seven to a row
    assert_usable_everywhere(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.locator("thead").bounding_box()["height"] <= 1  # the list names each day instead
    first_day = page.locator("td.month-calendar__day").first
    assert first_day.bounding_box()["width"] > 250  # one day to a row
    weekday = today().replace(day=1).strftime("%A")
    assert first_day.locator("time").first.inner_text().startswith(weekday)


def test_the_next_month_is_reached_from_the_keyboard(page, site_url, home_page):
    page.goto(f"{site_url}/calendar/")
    page.get_by_role("link", name="Next month").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(
        f"**/calendar/{this_month().shifted(1).year}/{this_month().shifted(1).month}/"
    )
    assert page.locator("h1").inner_text().endswith(this_month().shifted(1).name)
