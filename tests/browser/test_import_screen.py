"""The import screen's slips new officers met, in a real browser: the date picker left the
"Preview the paper" button covered; nothing warned of a paper already on the site; titles
printed in capitals stayed in capitals."""

from pathlib import Path

import pytest

from papers.models import ReportPage
from papers.seed_papers import SEED_PAPERS_DIR
from tests.browser.accessibility import assert_accessible, assert_keyboard_usable
from tests.papers.paper_files import PRIORITIES

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
