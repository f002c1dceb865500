"""The members' area in a real browser, one test per page state: axe finds nothing, every
control is reached by keyboard, and nothing scrolls sideways at 320px."""

import pytest

from tests.browser.accessibility import (
    assert_usable_everywhere,
)
from tests.people import PASSWORD, account


def sign_in_from(page, url, email) -> None:
    """Go to a members' page signed out, sign in when asked, and come back to it."""
    page.goto(url)
    page.wait_for_url("**/accounts/login/**")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(url)


@pytest.fixture
def wider_member(django_user_model):
    from django.contrib.auth.models import Group

    from home.roles import WIDER_PARTNERSHIP_MEMBERS

    user = account(django_user_model, "sam.wider@kcp.example", "Sam", "Okafor")
    user.groups.add(Group.objects.get(name=WIDER_PARTNERSHIP_MEMBERS))
    return user


@pytest.mark.parametrize(
    ("person", "shows"),
    [
        ("new_member", "0 of 4 modules done"),
        ("half_way_member", "2 of 4 modules done"),
        ("wider_member", "Your account"),
    ],
    ids=["new-member", "half-way", "wider-partnership"],
)
def test_dashboard_is_accessible_by_keyboard_and_at_320px(
    page, site_url, request, modules, upcoming_meeting, person, shows
):
    user = request.getfixturevalue(person)
    sign_in_from(page, f"{site_url}/members/", user.email)
    assert page.locator("h1").inner_text() == "Your members’ area"
    assert shows in page.locator("main").inner_text()
    if person == "wider_member":
        assert "Your induction" not in page.locator("main").inner_text()
    else:
        assert "Steering Group meeting, 15 March 2099" in page.locator("main").inner_text()
    assert_usable_everywhere(page)


def test_induction_module_is_accessible_by_keyboard_and_at_320px(
    page, site_url, new_member, modules, induction_document
):
    sign_in_from(page, f"{site_url}{modules[0].url}", new_member.email)
    assert page.locator("h1").inner_text() == "What the Partnership is and does"
    assert page.get_by_role("link", name="Terms of reference and the Compact").is_visible()
    assert_usable_everywhere(page)


def test_marking_a_module_done_by_keyboard_shows_progress(page, site_url, new_member, modules):
    sign_in_from(page, f"{site_url}{modules[1].url}", new_member.email)
    button = page.get_by_role("button", name="Mark “How Steering Group meetings work” as done")
    button.focus()
    # The form posts and comes back to the same address: wait for that navigation itself.
    with page.expect_navigation(url=f"{site_url}{modules[1].url}"):
        page.keyboard.press("Enter")
    main = page.locator("main").inner_text()
    assert "You marked this module as done" in main
    assert "1 of 4 modules done" in main
    assert "is marked as done" in page.locator(".messages").inner_text()
    assert_usable_everywhere(page)


def test_skills_audit_form_and_its_error_state_are_accessible(page, site_url, new_member):
    sign_in_from(page, f"{site_url}/members/skills-audit/", new_member.email)
    assert_usable_everywhere(page)
    page.get_by_role("button", name="Save your answers").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")
    assert "Tell us at least one area you know well" in page.locator(".error-summary").inner_text()
    assert page.title().startswith("Error:")
    assert_usable_everywhere(page)
    page.get_by_role("link", name="Choose at least one Community Strategy theme").click()
    page.keyboard.press("Space")
    assert page.get_by_label("Health and well-being").is_checked()
    page.get_by_label("Your areas of expertise").fill("Running a charity")
    page.get_by_role("button", name="Save your answers").click()
    page.wait_for_url(f"{site_url}/members/**")  # the browser keeps the error link's #fragment
    assert page.locator("h1").inner_text() == "Your members’ area"
    assert "your skills and interests are saved" in page.locator(".messages").inner_text()
