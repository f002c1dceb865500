"""The admin's Import paper view in a real browser: accessible and usable by keyboard, from
the upload through the preview to the draft."""

from papers.models import ReportPage
from papers.seed_papers import SEED_PAPERS_DIR
from tests.browser.accessibility import (
    assert_accessible,
    assert_keyboard_usable,
    assert_no_horizontal_scroll,
)
from tests.papers.paper_files import PRIORITIES


def test_import_form_and_preview_are_accessible_and_usable_by_keyboard(
    officer_page,
    site_url,
    steering_group,
):
    page = officer_page
    page.goto(site_url + "/admin/import-paper/")
    assert page.get_by_role("heading", name="Import paper").is_visible()
    assert_accessible(page)
    assert_keyboard_usable(page)

    page.get_by_label("Paper").set_input_files(str(SEED_PAPERS_DIR / PRIORITIES))
    page.get_by_label("Group").select_option(label="Steering Group")
    page.get_by_role("button", name="Preview the paper").click()
    page.get_by_role("heading", name="Structure").wait_for()
    assert_accessible(page)
    assert_keyboard_usable(page)

    page.get_by_role("button", name="Create draft").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/pages/*/edit/")
    draft = ReportPage.objects.get()
    assert draft.title == "KCP Review – taking forward priorities for 2009/10"

    # The admin's preview of the draft and the documents screen, under their policies
    # (tests/browser/conftest.py fails the test on any Content-Security-Policy refusal).
    page.get_by_role("button", name="Toggle preview").click()
    page.frame_locator("#w-preview-iframe").get_by_role(
        "heading", level=1, name=draft.title
    ).wait_for()
    page.goto(f"{site_url}/admin/pages/{draft.pk}/view_draft/")
    assert page.get_by_role("heading", level=1, name=draft.title).is_visible()
    page.goto(site_url + "/admin/documents/")
    assert page.get_by_role("heading", name="Documents").first.is_visible()


def test_form_error_is_announced_next_to_the_file_field(officer_page, site_url, steering_group):
    page = officer_page
    page.goto(site_url + "/admin/import-paper/")
    page.get_by_role("button", name="Preview the paper").click()
    error = page.get_by_text("Choose the paper's file to upload.")
    error.wait_for()
    assert_accessible(page)


def test_undated_report_preview_asks_for_the_date_and_creates_the_draft_by_keyboard_alone(
    officer_page,
    site_url,
    steering_group,
    tmp_path,
):
    text = (SEED_PAPERS_DIR / PRIORITIES).read_text(encoding="utf-8")
    undated = tmp_path / "undated-review.txt"
    undated.write_text(text.replace("May 13th, 2009", ""), encoding="utf-8")
    page = officer_page
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(site_url + "/admin/import-paper/")
    page.get_by_label("Paper").set_input_files(str(undated))
    page.get_by_role("button", name="Preview the paper").click()
    page.get_by_role("heading", name="What the paper does not say").wait_for()
    assert page.get_by_text("(missing: give it below)").is_visible()
    assert page.get_by_text("(guessed: check it)").count() == 0
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert_keyboard_usable(page)

    date = page.get_by_label("Meeting date")
    page.get_by_role("button", name="Create draft").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Give the date of the meeting the paper went to.").wait_for()
    assert ReportPage.objects.count() == 0
    assert_accessible(page)

    date.focus()
    page.keyboard.type("05132009")  # the browser's own date field, month first in en-US
    while not page.evaluate("document.activeElement.textContent.trim() === 'Create draft'"):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/pages/*/edit/")
    report = ReportPage.objects.get()
    assert report.get_parent().slug == "2009-05-13"
    assert report.meeting_date.isoformat() == "2009-05-13"
