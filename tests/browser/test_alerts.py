"""Alerts in a browser: the HTML part of an alert and of a weekly digest, as the outbox holds
it, has no axe violation and reflows at 320px; the unsubscribe confirmation page is usable by
keyboard alone and at 320px, and its button stops the alerts."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Site

from home.models import OutgoingEmail
from members.alerts import matching as alerts_matching
from members.alerts import sending as alerts_sending
from members.models import DigestSettings, Member, Posting
from tests.browser.accessibility import (
    assert_accessible,
    assert_keyboard_usable,
    assert_no_horizontal_scroll,
)
from tests.fixtures.alerts import add_report


def assert_email_is_accessible(page, html: str) -> None:
    page.set_content(html)
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_the_html_part_of_an_alert_is_accessible(page, health_meeting, health_reader):
    add_report(health_meeting)
    add_report(health_meeting, title="The health and well-being board")
    alerts_sending.send_due_postings()
    email = OutgoingEmail.objects.get(kind=alerts_matching.ALERT_KIND)
    assert email.body_html.count("<h2") == 2
    assert_email_is_accessible(page, email.body_html)
    assert page.get_by_role("link", name="Stop these emails").count() == 1


def test_the_html_part_of_a_digest_is_accessible(page, health_meeting, weekly_health_reader):
    add_report(health_meeting)
    add_report(health_meeting, title="The health and well-being board")
    now = timezone.now()
    Posting.objects.update(posted_at=now - datetime.timedelta(days=1))
    digest = DigestSettings.for_site(Site.objects.get(is_default_site=True))
    moment = timezone.localtime(now - datetime.timedelta(minutes=1))
    digest.weekday, digest.time = moment.weekday(), moment.time()
    digest.save()
    assert alerts_sending.send_weekly_digests(now=now) == 1
    email = OutgoingEmail.objects.get(kind=alerts_matching.DIGEST_KIND)
    assert_email_is_accessible(page, email.body_html)
    assert "Your weekly round-up" in page.locator("h1").inner_text()


def test_the_unsubscribe_confirmation_page_works_by_keyboard_and_at_320px(
    page,
    site_url,
    health_reader,
):
    page.goto(
        site_url + alerts_matching.unsubscribe_url(health_reader).removeprefix("http://testserver")
    )
    assert page.locator("h1").inner_text() == "Stop your alerts"
    assert_accessible(page)
    assert_keyboard_usable(page)
    assert_no_horizontal_scroll(page)
    health_reader.refresh_from_db()
    assert health_reader.status == Member.Status.ACTIVE  # opening the page changes nothing

    button = page.get_by_role("button", name="Stop my alerts")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Your alerts are stopped")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    health_reader.refresh_from_db()
    assert health_reader.status == Member.Status.PAUSED
