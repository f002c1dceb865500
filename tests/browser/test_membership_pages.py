"""The wider partnership's pages in a browser, one test per page state: axe finds nothing,
every control is reached by keyboard with visible focus, and nothing scrolls sideways at
320px. Joining empty, with errors and confirmed; preferences; your data; deleting."""

import pytest

from members.models import Member
from tests.browser.accessibility import (
    assert_accessible,
    assert_keyboard_usable,
    assert_no_horizontal_scroll,
)
from tests.browser.signing_in import sign_in
from tests.fixtures.members import confirmation_link, sent_mail


def assert_page_is_usable(page) -> None:
    assert_accessible(page)
    assert_keyboard_usable(page)
    assert_no_horizontal_scroll(page)
    page.set_viewport_size({"width": 1280, "height": 800})


@pytest.fixture
def member_page(page, site_url, joined_member):
    """The browser, signed in as a member of the wider partnership."""
    sign_in(page, site_url, joined_member.user)
    return page


def test_the_empty_join_form(page, site_url, interests):
    page.goto(site_url + "/join/")
    assert page.locator("h1").inner_text() == "Join the wider partnership"
    assert page.get_by_label("Leave this empty").is_hidden()
    assert_page_is_usable(page)


def test_the_join_form_with_errors_links_each_error_to_its_field(page, site_url, interests):
    page.goto(site_url + "/join/")
    page.get_by_label("Your full name").fill("<b>Olwen</b>")
    page.get_by_role("button", name="Join").click()
    summary = page.locator(".error-summary")
    assert "There is a problem" in summary.inner_text()
    assert page.title().startswith("Error: ")
    assert page.get_by_label("Your full name", exact=False).input_value() == "<b>Olwen</b>"
    assert_page_is_usable(page)
    summary.get_by_role("link", name="Choose at least one subject").click()
    assert page.evaluate("document.activeElement.id") == "id_interests_0"
    assert not Member.objects.exists()


def test_joining_and_confirming_shows_the_confirmed_membership(page, site_url, interests):
    page.goto(site_url + "/join/")
    page.get_by_label("Your full name").fill("Olwen Prydderch")
    page.get_by_label("Email address").fill("olwen.prydderch@example.org")
    page.get_by_label("I live in the borough").check()
    page.get_by_label("Homes and housing").check()
    page.get_by_label("By email, in one weekly round-up").check()
    page.get_by_label("I agree to the statement above.").check()
    page.get_by_role("button", name="Join").click()
    assert page.locator("h1").inner_text() == "Check your email"
    page.goto(confirmation_link(sent_mail()[-1]))  # the live server's own address
    page.get_by_role("button", name="Confirm my email address").click()
    page.wait_for_url("**/join/confirmed/")
    assert "You are now a member" in page.locator("main").inner_text()
    assert Member.objects.get().status == Member.Status.ACTIVE
    assert_page_is_usable(page)


def test_the_preferences_page(member_page, site_url):
    member_page.goto(site_url + "/members/preferences/")
    assert member_page.locator("h1").inner_text() == "Your membership"
    assert member_page.get_by_label("Homes and housing").is_checked()
    assert_page_is_usable(member_page)


def test_a_postal_members_preferences_page_asks_what_their_letters_bring(
    member_page, site_url, joined_member
):
    Member.objects.filter(pk=joined_member.pk).update(route=Member.Route.POST)
    member_page.goto(site_url + "/members/preferences/")
    assert member_page.get_by_label("By post, as letters").is_checked()
    assert member_page.get_by_label("A summary of each paper").is_checked()
    assert_page_is_usable(member_page)
    member_page.get_by_label("The full papers of open consultations only").check()
    with member_page.expect_navigation():
        member_page.get_by_role("button", name="Save my choices").click()
    assert "Your choices are saved." in member_page.locator("body").inner_text()
    joined_member.refresh_from_db()
    assert joined_member.papers_by_post == Member.PapersByPost.CONSULTATIONS


def test_a_postal_members_preferences_with_errors(member_page, site_url, joined_member):
    Member.objects.filter(pk=joined_member.pk).update(route=Member.Route.POST)
    member_page.goto(site_url + "/members/preferences/")
    for box in member_page.get_by_role("checkbox").all():
        box.uncheck()
    member_page.get_by_role("button", name="Save my choices").click()
    assert "Choose at least one subject" in member_page.locator(".error-summary").inner_text()
    assert member_page.title().startswith("Error: ")
    assert_page_is_usable(member_page)
    joined_member.refresh_from_db()
    assert joined_member.interests.count() == 2


def test_the_data_download_page(member_page, site_url):
    member_page.goto(site_url + "/members/your-data/")
    assert member_page.locator("h1").inner_text() == "Everything we hold about you"
    assert "Olwen Prydderch" in member_page.locator("main").inner_text()
    assert_page_is_usable(member_page)
    with member_page.expect_download() as download:
        member_page.get_by_role("link", name="Download it as a file (JSON)").click()
    assert download.value.suggested_filename == "kcp-your-data.json"


def test_the_delete_confirmation(member_page, site_url):
    member_page.goto(site_url + "/members/your-data/delete/")
    assert member_page.locator("h1").inner_text() == "Delete your membership and account"
    assert_page_is_usable(member_page)
    member_page.get_by_role("button", name="Delete everything").click()
    assert "Tick the box to confirm" in member_page.locator(".error-summary").inner_text()
    assert_page_is_usable(member_page)
    member_page.get_by_label("I understand this cannot be undone").check()
    member_page.get_by_role("button", name="Delete everything").click()
    member_page.wait_for_url("**/members/your-data/deleted/")
    assert not Member.objects.exists()
