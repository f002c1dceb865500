"""The meeting page's agenda pack, in a real browser: while it is being prepared and once it
is ready, accessible, usable by keyboard and readable at 320px."""

from tests.browser.accessibility import (
    assert_accessible,
    assert_keyboard_usable,
    assert_no_horizontal_scroll,
)


def check_page(page) -> None:
    assert_accessible(page)
    assert_keyboard_usable(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)  # and still so when reflowed


def test_the_meeting_page_says_the_pack_is_being_prepared_until_it_is_ready(
    page, site_url, agenda, run_worker
):
    meeting_url = site_url + agenda["meeting"].url
    page.goto(meeting_url)
    assert "The agenda pack is being prepared" in page.locator(".agenda-pack").inner_text()
    assert page.get_by_role("link", name="Download the agenda pack").count() == 0
    check_page(page)

    run_worker()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.reload()  # as the page asks: browsers may keep a public page for KCP_HTTP_MAX_AGE
    link = page.get_by_role("link", name="Download the agenda pack")
    assert link.count() == 1
    check_page(page)
    response = page.request.get(site_url + link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
