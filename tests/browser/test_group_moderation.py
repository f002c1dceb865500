"""A lead officer keeps their group's pages up to date in the admin and a Partnership officer
approves: in a real browser, with axe on the group pages and the admin screens a lead
officer uses."""

import re

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time as counters
from playwright.sync_api import expect

from tests.browser.accessibility import (
    assert_accessible,
    assert_keyboard_usable,
    assert_no_horizontal_scroll,
    wait_for_animations,
)
from tests.people import PASSWORD, SECRET

# Wagtail's rich text editor (Draftail) draws a contenteditable textbox without an accessible
# name (axe: aria-input-field-name). It is Wagtail's own widget, so the admin pages are checked
# without it; everything else on them is checked.
ADMIN_MAIN = {"exclude": [".Draftail-Editor .public-DraftEditor-content"]}


def sign_in(page, site_url, email, code_secret=None, password=PASSWORD):
    page.goto(site_url + "/accounts/login/?next=/admin/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if code_secret:
        page.wait_for_url("**/2fa/authenticate/**")
        page.get_by_label("Code").fill(format_hotp_value(hotp_value(code_secret, next(counters()))))
        page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/admin/")


def fill_title(page, title):
    """Type the title and wait for the admin to make the slug from it, as it does on blur."""
    page.locator("#id_title").fill(title)
    page.locator("#id_title").press("Tab")
    expect(page.locator("#id_slug")).not_to_have_value("")


def submit_for_approval(page):
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name=re.compile("Submit to Partnership officer approval")).click()
    page.wait_for_load_state()
    problems = page.locator(".w-field--error, .help-critical").evaluate_all(
        "(fields) => fields.map((field) => field.innerText.replace(/\\s+/g, ' ').trim())"
    )
    assert not problems, f"The admin refused the form: {problems}"
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))


def approve(page, site_url, page_id):
    page.goto(f"{site_url}/admin/pages/{page_id}/edit/")
    approve_button = page.locator(
        "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    ).first
    if not approve_button.is_visible():
        page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    approve_button.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))


def test_lead_officer_edits_adds_a_meeting_and_paper_and_an_officer_approves(
    page,
    browser,
    site_url,
    health_group,
    lead_officer,
    officer_with_two_factor,
):
    from papers.models import MeetingPage, ReportPage

    sign_in(page, site_url, lead_officer.email)
    wait_for_animations(page)  # the admin's "signed in" message fades in
    assert_accessible(page, context=ADMIN_MAIN)

    # Edit the group's page and submit it.
    page.goto(f"{site_url}/admin/pages/{health_group.pk}/edit/")
    assert_accessible(page, context=ADMIN_MAIN)
    page.locator("#id_purpose").fill("Improves health and wellbeing in every ward.")
    submit_for_approval(page)

    # Add a meeting, then a paper under it, and submit both.
    page.goto(f"{site_url}/admin/pages/add/papers/meetingpage/{health_group.pk}/")
    assert_accessible(page, context=ADMIN_MAIN)
    fill_title(page, "Health and Well-Being Partnership, 7 July 2099")
    # Set the value without opening the date picker, which under load can open late and
    # rewrite the field.
    page.locator("#id_start").evaluate("(field) => { field.value = '2099-07-07 14:00'; }")
    page.locator("#id_venue_name").fill("The Town Hall")
    submit_for_approval(page)
    meeting = MeetingPage.objects.get(title__startswith="Health and Well-Being Partnership, 7")

    page.goto(f"{site_url}/admin/pages/add/papers/reportpage/{meeting.pk}/")
    fill_title(page, "Smoking cessation report")
    submit_for_approval(page)
    report = ReportPage.objects.get(title="Smoking cessation report")
    assert not report.live and not meeting.live

    # A Partnership officer signs in with a two-factor code and approves all three.
    officer_page = browser.new_context().new_page()
    sign_in(officer_page, site_url, officer_with_two_factor.email, code_secret=SECRET)
    for page_id in (health_group.pk, meeting.pk, report.pk):
        approve(officer_page, site_url, page_id)

    # The public sees it.
    visitor = browser.new_context().new_page()
    visitor.goto(site_url + "/theme-groups/health/")
    main = visitor.locator("main").inner_text()
    assert "Improves health and wellbeing in every ward." in main
    assert "Health and Well-Being Partnership, 7 July 2099" in main
    assert "Smoking cessation report" in main
    assert_accessible(visitor)
    assert_keyboard_usable(visitor)
    assert_no_horizontal_scroll(visitor)


def test_theme_groups_index_and_network_page_are_accessible(page, site_url):
    from django.core.management import call_command

    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    for path in ("/theme-groups/", "/steering-group/", "/theme-groups/community-safety/"):
        page.goto(site_url + path)
        assert_accessible(page)
        assert_keyboard_usable(page)
        assert_no_horizontal_scroll(page)
        page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, site_url, "lead.health@kcp.example", password="kcp-demo-password")
    response = page.goto(site_url + "/theme-groups/lead-officers-network/")
    assert response.status == 200
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "/admin/news-and-views/")
    assert_accessible(page, context=ADMIN_MAIN)
