"""Away days and attendance in a real browser, one test per page state: the away-day answer
form (empty, and with its errors), the attendance recording screen used by keyboard alone,
and the attendance report. Each: axe finds nothing, every control is reached by keyboard,
and nothing scrolls sideways at 320px."""

import datetime

import pytest

from home.models import Organisation
from members.events.models import Audience, EventKind, Registration, Reply
from members.models import MeetingAttendance
from papers.models import MeetingPage
from tests.browser.test_events import assert_usable_everywhere, sign_in
from tests.fixtures.events import in_days, make_event
from tests.fixtures.papers import LONDON, publish
from tests.people import account, give_seat


@pytest.fixture
def away_day(events_index):
    return make_event(
        events_index,
        title="Steering Group away day",
        slug="away-day",
        audience=Audience.STEERING_GROUP,
        kind=EventKind.AWAY_DAY,
        facilitator="Jane Hartley, Community Development Foundation",
        registration_closes=in_days(20),
        places=25,
    )


@pytest.fixture
def held_meetings(steering_group, council, django_user_model):
    """Two meetings held in 2025/26 and three seats; the first meeting recorded."""
    health = Organisation.objects.create(name="NHS Kensington and Chelsea", sector="health")
    seats = [
        give_seat(
            account(django_user_model, "chair@kcp.example", "Merrick", "Cockell"),
            council,
            title="Chairman",
            joined=datetime.date(2020, 1, 1),
        ),
        give_seat(
            account(django_user_model, "nurse@kcp.example", "Michael", "Wilson"),
            health,
            title="Health representative",
            joined=datetime.date(2020, 1, 1),
        ),
        give_seat(
            account(django_user_model, "clerk@kcp.example", "Derek", "Myers"),
            council,
            title="Town Clerk",
            joined=datetime.date(2020, 1, 1),
        ),
    ]
    meetings = [
        publish(
            steering_group,
            MeetingPage(
                title=f"Steering Group meeting, {day:%d %B %Y}",
                start=datetime.datetime(day.year, day.month, day.day, 18, 30, tzinfo=LONDON),
                venue_name="The Town Hall",
                status=MeetingPage.Status.HELD,
            ),
        )
        for day in (datetime.date(2025, 5, 14), datetime.date(2025, 7, 9))
    ]
    for seat, status in zip(seats, ["present", "absent", "deputy"], strict=True):
        MeetingAttendance.objects.create(
            meeting=meetings[0],
            seat=seat,
            status=status,
            deputy_name="Jo Smith" if status == "deputy" else "",
        )
    return meetings, seats


def test_away_day_answer_form_is_accessible_by_keyboard_and_at_320px(
    page, site_url, away_day, steering_group_member
):
    sign_in(page, site_url, steering_group_member)
    page.goto(f"{site_url}/events/away-day/answer/")
    assert page.locator("h1").inner_text() == "Your answer: Steering Group away day"
    assert page.get_by_role("radio", name="Tentative").is_visible()
    assert_usable_everywhere(page)
    page.get_by_role("radio", name="Attending", exact=True).focus()
    page.keyboard.press("ArrowDown")  # to Tentative, by keyboard alone
    page.get_by_label("A note for the organisers (optional)").focus()
    page.keyboard.type("Arriving at 11")
    page.get_by_role("button", name="Send my answer").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Your answer now:").wait_for()
    answer = Registration.objects.get(event=away_day, user=steering_group_member)
    assert (answer.reply, answer.note) == (Reply.TENTATIVE, "Arriving at 11")


def test_away_day_answer_form_with_errors_is_accessible_by_keyboard_and_at_320px(
    page, site_url, away_day, steering_group_member
):
    sign_in(page, site_url, steering_group_member)
    page.goto(f"{site_url}/events/away-day/answer/")
    page.get_by_label("Dietary needs (optional)").fill("Vegetarian")
    page.get_by_role("button", name="Send my answer").click()
    alert = page.get_by_role("alert")
    assert alert.get_by_text("There is a problem").is_visible()
    assert alert.get_by_role(
        "link", name="Choose whether you are attending, not attending or tentative."
    ).is_visible()
    assert page.get_by_label("Dietary needs (optional)").input_value() == "Vegetarian"
    assert_usable_everywhere(page)
    assert not Registration.objects.filter(event=away_day).exists()


def test_attendance_recording_screen_is_used_by_keyboard_alone_and_at_320px(
    page, site_url, held_meetings, officer_with_two_factor
):
    meetings, seats = held_meetings
    sign_in(page, site_url, officer_with_two_factor)
    page.goto(f"{site_url}/members/attendance/{meetings[1].pk}/")
    assert page.locator("h1").inner_text().startswith("Attendance: Steering Group meeting")
    assert page.locator("fieldset").count() == 3  # one row per seat
    assert_usable_everywhere(page)
    # Each row: focus its choices, arrow to the one wanted, Tab on to the next row.
    rows = page.locator("fieldset")
    rows.nth(0).get_by_role("radio", name="Present").focus()
    page.keyboard.press("Space")
    rows.nth(1).get_by_role("radio", name="Present").focus()
    page.keyboard.press("ArrowRight")  # Sent apologies
    rows.nth(2).get_by_role("radio", name="Present").focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # to Deputy attended
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("Jo Smith")
    page.get_by_role("button", name="Save attendance").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Attendance saved for 3 seats").wait_for()
    recorded = {
        record.seat_id: (record.status, record.deputy_name)
        for record in MeetingAttendance.objects.filter(meeting=meetings[1])
    }
    by_name = {seat.person.first_name: seat.pk for seat in seats}
    # Rows go by organisation, then name: NHS (Michael), then the council (Merrick, Derek).
    assert recorded == {
        by_name["Michael"]: ("present", ""),
        by_name["Merrick"]: ("apologies", ""),
        by_name["Derek"]: ("deputy", "Jo Smith"),
    }


def test_attendance_report_is_accessible_by_keyboard_and_at_320px(
    page, site_url, held_meetings, officer_with_two_factor
):
    sign_in(page, site_url, officer_with_two_factor)
    page.goto(f"{site_url}/members/attendance/report/?year=2025")
    assert page.locator("h1").inner_text() == "Steering Group attendance 2025/26"
    assert page.get_by_text("Michael Wilson (0%)").is_visible()
    assert_usable_everywhere(page)
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Show").is_visible()  # printed without forms
    assert page.get_by_role("table", name="Members").is_visible()
