"""The import preview of a PDF, a set of minutes and an agenda in a real browser: the
recognised structure is shown with what was guessed marked, accessible and usable by
keyboard, and the draft is made from it."""

from papers.models import MeetingPage, MinutesPage, ReportPage
from tests.browser.accessibility import (
    assert_accessible,
    assert_keyboard_usable,
    assert_no_horizontal_scroll,
)
from tests.papers.test_import_structure import STRUCTURED


def preview(page, site_url, path) -> None:
    page.goto(site_url + "/admin/import-paper/")
    page.get_by_label("Paper").set_input_files(str(path))
    page.get_by_label("Group").select_option(label="Steering Group")
    page.get_by_role("button", name="Preview the paper").click()
    page.get_by_role("heading", name="Structure").wait_for()


def create_draft_by_keyboard(page) -> None:
    page.get_by_role("button", name="Create draft").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/pages/*/edit/")


def test_a_pdf_previews_its_sections_numbers_and_tables_with_the_guesses_marked(
    officer_page,
    site_url,
    steering_group,
):
    page = officer_page
    preview(page, site_url, STRUCTURED / "2018-11-07-crime-figures-tables.pdf")
    assert page.get_by_role("heading", name="2. Recorded crime").is_visible()
    table = page.get_by_text("“Table 1: Recorded crime, year to September”: 4 rows")
    assert table.is_visible()
    assert page.get_by_text("(guessed: the first row is taken as the header)").count() == 2
    assert_accessible(page)
    assert_keyboard_usable(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_no_horizontal_scroll(page)

    create_draft_by_keyboard(page)
    assert ReportPage.objects.get().title == "CRIME FIGURES FOR THE YEAR TO SEPTEMBER 2018"


def test_minutes_preview_their_attendance_decisions_and_actions_with_owners_marked_guessed(
    officer_page,
    site_url,
    steering_group,
):
    page = officer_page
    preview(page, site_url, STRUCTURED / "2022-01-19-steering-group-minutes.pdf")
    assert page.get_by_text("as a set of minutes of").is_visible()
    assert page.get_by_text("Jo Brown; Priya Shah").is_visible()
    decision = page.get_by_role("listitem").filter(has_text="That option two be approved.")
    assert decision.inner_text().startswith("Decision, RESOLVED")
    assert decision.inner_text().endswith("(becomes a register entry: approved)")
    assert page.get_by_text("(guessed from the wording: check it)").count() == 2
    assert_accessible(page)
    assert_keyboard_usable(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_no_horizontal_scroll(page)

    create_draft_by_keyboard(page)
    minutes = MinutesPage.objects.get()
    assert minutes.apologies.splitlines() == ["Jo Brown", "Priya Shah"]


def test_an_agenda_previews_its_items_and_replaces_the_meetings_agenda_by_keyboard(
    officer_page,
    site_url,
    steering_group,
):
    page = officer_page
    preview(page, site_url, STRUCTURED / "2022-03-16-steering-group-agenda.docx")
    items = page.get_by_role("table", name="Agenda items")
    assert items.get_by_role("row").count() == 6
    assert items.get_by_role("cell", name="Inspector Mark Dale").is_visible()
    assert_accessible(page)
    assert_keyboard_usable(page)

    create_draft_by_keyboard(page)
    meeting = MeetingPage.objects.get()
    assert meeting.get_latest_revision_as_object().agenda_items.count() == 5
