"""The officers' Outbox screen in a real browser: accessible, usable by keyboard and at
320px, from the failed messages to "retry now" and a message's own page."""

import pytest
from django.utils import timezone

from home.models import OutgoingEmail
from tests.browser.accessibility import (
    assert_accessible,
    assert_keyboard_usable,
    assert_no_horizontal_scroll,
)


@pytest.fixture
def refused_email():
    return OutgoingEmail.objects.create(
        idempotency_key="refused",
        kind="News and Views reminder",
        to=["lead.officer.with.a.long.address@health-and-well-being.kcp.example"],
        subject="News and Views for the Steering Group on Tuesday 10 March 2099: "
        "due Tuesday 3 March",
        body_text="Dear Dr Wilson,\n\nPlease send a short News and Views update "
        "at http://127.0.0.1:8000/admin/news-and-views/with/a/very/long/address/\n",
        state=OutgoingEmail.State.FAILED,
        attempts=1,
        last_error="SMTPRecipientsRefused: {'lead.officer@kcp.example': "
        "(550, b'5.1.1 No such mailbox here')}",
        next_attempt_at=timezone.now(),
    )


def test_outbox_and_message_pages_are_accessible_by_keyboard_and_at_320px(
    officer_page, site_url, refused_email
):
    page = officer_page
    page.goto(site_url + "/admin/outbox/?show=failed")
    assert page.get_by_role("heading", name="Failed").is_visible()
    assert_accessible(page)
    assert_keyboard_usable(page)
    assert_no_horizontal_scroll(page)

    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("link", name=refused_email.subject).focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Message", exact=True).wait_for()
    assert_accessible(page)
    assert_keyboard_usable(page)
    assert_no_horizontal_scroll(page)

    page.get_by_role("button", name="Retry now").focus()
    page.keyboard.press("Enter")
    page.get_by_text("will be sent now").wait_for()
    refused_email.refresh_from_db()
    assert refused_email.state == OutgoingEmail.State.PENDING
