"""Raising a membership issue in a real browser: the dashboard panel, the form empty and with
errors, and the dashboard after: axe finds nothing, keyboard reaches every control, nothing
scrolls sideways at 320px."""

from tests.browser.accessibility import (
    assert_usable_everywhere,
)
from tests.browser.signing_in import sign_in


def test_raising_a_membership_issue_is_accessible_in_every_state(
    page, site_url, steering_group_member
):
    sign_in(page, site_url, steering_group_member)
    page.goto(site_url + "/members/")
    page.get_by_role("link", name="Raise a membership issue").click()
    page.get_by_role("heading", level=1, name="Raise a membership issue").wait_for()
    assert_usable_everywhere(page)
    page.get_by_role("button", name="Send to the Partnership team").click()
    page.get_by_text("Give the issue a subject in a few words.").first.wait_for()
    assert_usable_everywhere(page)
    page.get_by_label("Subject").fill("A seat for the youth forum")
    page.get_by_label("Details").fill("Young people have no seat on the Steering Group.")
    page.get_by_role("button", name="Send to the Partnership team").click()
    page.get_by_text("Your membership issue is with the Partnership team.").wait_for()
    assert page.get_by_text("A seat for the youth forum").is_visible()
    assert page.get_by_role("heading", name="Risk register").is_visible()
    assert_usable_everywhere(page)
