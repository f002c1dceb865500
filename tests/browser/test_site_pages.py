"""The foundation's pages in a real browser: accessible, usable by keyboard, reflowing at 320px."""

import pytest

from tests.browser.accessibility import (
    assert_accessible,
    assert_keyboard_usable,
    assert_no_horizontal_scroll,
    assert_skip_link_moves_focus_to_main,
)


@pytest.fixture
def demo_site(transactional_db):
    from django.core.management import call_command

    call_command("load_demo_content", stdout=open("/dev/null", "w"))


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "Kensington and Chelsea Partnership"),
        ("/accessibility/", "Accessibility statement"),
        ("/privacy/", "Privacy notice"),
        ("/accounts/login/", "Sign in"),
        ("/no-such-page/", "Page not found"),
        ("/search/?query=partnership", "Search"),
    ],
)
def test_site_page_is_accessible_by_keyboard_and_at_320px(page, site_url, demo_site, path, heading):
    page.goto(site_url + path)
    assert page.locator("h1").inner_text() == heading
    assert_accessible(page)
    assert_skip_link_moves_focus_to_main(page)
    assert_keyboard_usable(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)  # and still so when reflowed


def test_print_stylesheet_hides_navigation(page, site_url, demo_site):
    page.goto(site_url + "/accessibility/")
    page.emulate_media(media="print")
    assert not page.locator(".primary-nav").is_visible()
    assert page.locator("h1").is_visible()
