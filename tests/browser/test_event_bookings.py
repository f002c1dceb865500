"""Bookings and the waiting list in a real browser, one test per page state: the event page
once the waiting list has closed, the event page of someone on the waiting list (with their
position), "Your bookings" on the dashboard, the waiting list's "leave" page (asking, then
already left) and the officers' "register someone" form (empty and with errors). Each: axe
finds nothing, every control is reached by keyboard, nothing scrolls sideways at 320px."""

import datetime

from members.events.links import leave_path
from members.events.models import Registration
from members.events.services import register_for_event
from tests.browser.accessibility import (
    assert_usable_everywhere,
)
from tests.browser.signing_in import sign_in
from tests.fixtures.events import applicant

EVENT = "/events/community-strategy-workshop/"


def join_waiting_list(event, user) -> Registration:
    return register_for_event(
        event, applicant(8, user=user, email=user.email), join_waiting_list_if_full=True
    )


def test_event_page_with_a_closed_waiting_list_is_accessible_by_keyboard_and_at_320px(
    page,
    site_url,
    full_workshop,
):
    full_workshop.waiting_list_closes = full_workshop.start - datetime.timedelta(days=40)
    full_workshop.save_revision().publish()
    page.goto(f"{site_url}{EVENT}")
    main = page.locator("main")
    assert "All places are taken and the waiting list closed on" in main.inner_text()
    assert page.get_by_role("link", name="Join the waiting list").count() == 0
    assert page.get_by_role("link", name="Add to calendar").is_visible()
    assert_usable_everywhere(page)


def test_event_page_shows_a_person_their_place_on_the_waiting_list_accessibly(
    page,
    site_url,
    full_workshop,
    wider_member,
):
    join_waiting_list(full_workshop, wider_member)
    sign_in(page, site_url, wider_member)
    page.goto(f"{site_url}{EVENT}")
    assert page.get_by_role("heading", name="Your booking").is_visible()
    assert page.get_by_text("On the waiting list: number 3.").is_visible()
    assert page.get_by_role("link", name="Leave the waiting list").is_visible()
    assert_usable_everywhere(page)


def test_your_bookings_on_the_dashboard_are_accessible_by_keyboard_and_at_320px(
    page,
    site_url,
    full_workshop,
    wider_member,
):
    join_waiting_list(full_workshop, wider_member)
    sign_in(page, site_url, wider_member)
    page.goto(f"{site_url}/members/")
    bookings = page.locator(".bookings")
    assert "Community Strategy workshop" in bookings.inner_text()
    assert "On the waiting list: number 3." in bookings.inner_text()
    assert_usable_everywhere(page)
    bookings.get_by_role("link", name="View or cancel your booking").click()
    assert page.get_by_text("You are number 3 on the waiting list.").is_visible()


def test_your_bookings_when_there_are_none_are_accessible(page, site_url, workshop, wider_member):
    sign_in(page, site_url, wider_member)
    page.goto(f"{site_url}/members/")
    assert page.get_by_text("You have not booked any event that is still to come.").is_visible()
    assert_usable_everywhere(page)


def test_leaving_the_waiting_list_asks_then_says_already_left_accessibly(
    page,
    site_url,
    full_workshop,
):
    waiting = Registration.objects.get(email="person6@example.org")
    page.goto(f"{site_url}{leave_path(waiting)}")
    assert page.get_by_text("You are number 1 on the waiting list").is_visible()
    assert_usable_everywhere(page)
    page.get_by_role("button", name="Yes, leave the waiting list").press("Enter")
    assert page.get_by_text("You have left the waiting list.").is_visible()
    page.goto(f"{site_url}{leave_path(waiting)}")
    assert page.get_by_text("You have already left the waiting list").is_visible()
    assert_usable_everywhere(page)


def test_register_someone_empty_and_with_errors_is_accessible(
    officer_page,
    site_url,
    workshop,
):
    page = officer_page
    page.goto(f"{site_url}/events/manage/{workshop.pk}/register-someone/")
    assert page.get_by_label("Their telephone number (optional)").is_visible()
    assert_usable_everywhere(page)
    page.get_by_label("Their name").fill("Doreen Price")
    page.get_by_role("button", name="Register them").click()
    assert page.get_by_role("alert").get_by_text("There is a problem").is_visible()
    assert page.get_by_text("Give an email address or a telephone number.").first.is_visible()
    assert_usable_everywhere(page)
    assert not Registration.objects.exists()
