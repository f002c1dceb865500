"""Representation in a real browser, one test per page state: the "express an interest" form
(empty, with errors, link sent, the link's confirmation, sent), the officers' composition
report and their list of interests: axe finds nothing, keyboard reaches every control,
nothing scrolls sideways at 320px."""

import pytest

from home.models import Organisation, OutgoingEmail
from tests.browser.accessibility import (
    assert_accessible,
    assert_keyboard_usable,
    assert_usable_everywhere,
)
from tests.browser.signing_in import sign_in
from tests.fixtures.papers import publish
from themegroups.models import GroupMember, GroupPage
from themegroups.representation.models import InterestRequest


@pytest.fixture
def group(home_page):
    group = publish(
        home_page,
        GroupPage(
            title="Health and Well-Being Partnership", slug="health-group", purpose="Health."
        ),
    )
    voluntary = Organisation.objects.create(name="Golborne Forum", sector="voluntary")
    council = Organisation.objects.create(name="The Council", sector="council")
    GroupMember.objects.create(page=group, organisation=voluntary, representative="Ann")
    GroupMember.objects.create(page=group, organisation=council, representative="Bob")
    GroupMember.objects.create(page=group, organisation=council, representative="Cy")
    GroupMember.objects.create(page=group, organisation=council, representative="Di")
    return group


def test_the_interest_form_by_email_link_is_accessible_in_every_state(page, site_url, group):
    page.goto(site_url + group.url)
    page.get_by_role("link", name="Express an interest in joining").click()
    page.get_by_role("heading", level=1, name="Express an interest in joining").wait_for()
    assert_usable_everywhere(page)
    page.get_by_role("button", name="Send my interest").click()
    page.get_by_text("Enter your name.").first.wait_for()
    assert_usable_everywhere(page)
    page.get_by_label("Your name").fill("Pat Jones")
    page.get_by_label("Your email address").fill("pat@example.org")
    page.get_by_role("button", name="Send my interest").click()
    page.get_by_role("heading", name="Check your email").wait_for()
    assert_usable_everywhere(page)
    body = OutgoingEmail.objects.get(kind="Confirm your interest in joining a group").body_text
    path = "/groups/join/confirm/" + body.split("/groups/join/confirm/")[1].split()[0]
    page.goto(site_url + path)
    assert_usable_everywhere(page)
    page.get_by_role("button", name="Send my interest").click()
    page.get_by_role("heading", name="Your interest has been sent").wait_for()
    assert_usable_everywhere(page)
    assert InterestRequest.objects.get().name == "Pat Jones"


def test_a_signed_in_member_asks_in_one_step(page, site_url, group, wider_partnership_member):
    sign_in(page, site_url, wider_partnership_member)
    page.goto(f"{site_url}/groups/{group.pk}/join/")
    assert page.get_by_text("You are asking as").is_visible()
    assert_usable_everywhere(page)
    page.get_by_role("button", name="Send my interest").click()
    page.get_by_role("heading", name="Your interest has been sent").wait_for()


def test_the_composition_report_and_interests_list_are_accessible(officer_page, site_url, group):
    page = officer_page
    page.goto(site_url + "/admin/representation/composition/")
    assert page.get_by_text("Below 33.33%: flagged").is_visible()
    assert_accessible(page)
    assert_keyboard_usable(page)
    page.goto(site_url + "/admin/interest_requests/")
    assert_accessible(page)
    InterestRequest.objects.create(group=group, name="Pat Jones", email="pat@example.org")
    page.goto(site_url + "/admin/interest_requests/")
    assert page.get_by_text("Pat Jones").first.is_visible()
    assert_accessible(page)
