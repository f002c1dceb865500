"""Papers and meetings in a real browser: accessible, usable by keyboard, readable at 320px
and printable as a paper."""

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import (
    assert_accessible,
    assert_keyboard_usable,
    assert_no_horizontal_scroll,
)

PAPER_FIXTURES = ["report", "action_plan", "progress_report", "minutes", "meeting"]


@pytest.mark.parametrize("fixture_name", PAPER_FIXTURES)
def test_paper_page_is_accessible_by_keyboard_and_at_320px(page, site_url, request, fixture_name):
    paper = request.getfixturevalue(fixture_name)
    page.goto(site_url + paper.url)
    assert page.locator("h1").inner_text() == paper.title
    assert_accessible(page)
    assert_keyboard_usable(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)  # and still so when reflowed


def test_action_plan_rows_stack_with_their_column_headings_on_a_phone(page, site_url, request):
    plan = request.getfixturevalue("action_plan")
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(site_url + plan.url)
    cell = page.locator("td[data-label='Lead contact/organisation']").first
    label = cell.evaluate("el => getComputedStyle(el, '::before').content")
    assert "Lead contact/organisation" in label
    assert_no_horizontal_scroll(page)


def test_paragraph_link_goes_to_the_paragraph_and_says_the_link_was_copied(page, site_url, request):
    paper = request.getfixturevalue("report")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + paper.url)
    page.get_by_role("link", name="Link to paragraph 2.2.1").click()
    assert page.url.endswith("#para-2-2-1")
    # expect() polls from outside the page: a string wait_for_function would be an eval, which
    # the site's Content-Security-Policy rightly refuses.
    expect(page.locator("[data-copy-link-status]")).to_have_text("Link copied")


def test_print_layout_keeps_the_paper_and_drops_the_site_furniture(page, site_url, request):
    paper = request.getfixturevalue("report")
    page.goto(site_url + paper.url)
    page.emulate_media(media="print")
    assert page.locator("h1").is_visible()
    assert page.locator(".paper-status").first.is_visible()
    assert page.locator("#para-2-2-1").is_visible()
    assert page.locator(".paper-contact").is_visible()
    assert not page.locator(".primary-nav").is_visible()
    assert not page.locator(".breadcrumbs").is_visible()
    assert not page.get_by_role("link", name="Link to paragraph 2.2.1").is_visible()
