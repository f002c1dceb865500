"""The import screen's slips new officers met, in a real browser: the date picker left the
"Preview the paper" button covered; nothing warned of a paper already on the site; titles
printed in capitals stayed in capitals."""

from pathlib import Path

import pytest

from papers.printed_titles import sentence_case
from papers.seed_papers import SEED_PAPERS_DIR
from papers.services import import_paper
from tests.browser.accessibility import (
    assert_accessible,
    assert_keyboard_usable,
    assert_no_horizontal_scroll,
)
from tests.papers.paper_files import PRIORITIES

PRINTED_TITLE = "KCP Review – taking forward priorities for 2009/10"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def is_uncovered(page, name: str) -> bool:
    """The button's centre is the button itself, not something drawn over it."""
    return page.get_by_role("button", name=name).evaluate(
        """(button) => {
            const box = button.getBoundingClientRect();
            const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
            return top === button || button.contains(top);
        }"""
    )


@pytest.mark.parametrize("width", [1280, 320])
def test_the_date_picker_never_covers_the_preview_button(
    officer_page, site_url, steering_group, width
):
    page = officer_page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "/admin/import-paper/")
    page.get_by_label("Meeting date").click()  # where the old pop-up calendar opened
    page.get_by_role("button", name="Preview the paper").scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"import-date-picker-{width}.png", full_page=True)
    assert is_uncovered(page, "Preview the paper")
    page.get_by_label("Meeting date").fill("2009-05-13")
    page.get_by_label("Paper").set_input_files(str(SEED_PAPERS_DIR / PRIORITIES))
    page.get_by_role("button", name="Preview the paper").click()
    page.get_by_role("heading", name="Structure").wait_for()


def test_the_preview_warns_of_the_same_paper_and_offers_sentence_case_by_keyboard(
    officer_page, site_url, steering_group, tmp_path
):
    text = (SEED_PAPERS_DIR / PRIORITIES).read_text(encoding="utf-8")
    import_paper(text, source_name=PRIORITIES, group=steering_group, publish=True)
    capitals = tmp_path / "capitals.txt"
    capitals.write_text(text.replace(PRINTED_TITLE, PRINTED_TITLE.upper()), encoding="utf-8")
    page = officer_page
    page.goto(site_url + "/admin/import-paper/")
    page.get_by_label("Paper").set_input_files(str(capitals))
    page.get_by_role("button", name="Preview the paper").click()
    page.get_by_role("heading", name="Structure").wait_for()
    warning = page.locator("#import-same-paper")
    assert "the same title and meeting date" in warning.inner_text()
    assert warning.get_by_role("link", name=PRINTED_TITLE).is_visible()
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        assert_accessible(page)
        assert_no_horizontal_scroll(page, width)
    assert_keyboard_usable(page)
    choice = page.get_by_label("Write the title in sentence case", exact=False)
    choice.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Create draft").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/pages/*/edit/")
    # The same title at the same meeting: the draft is a new revision of that page.
    assert page.locator("#id_title").input_value() == sentence_case(PRINTED_TITLE.upper())
