"""The indicators data bank in a real browser: the index and an indicator's page, empty and
full, and the officers' CSV import, empty, with errors and done: axe finds nothing, every
control is reached by keyboard, and nothing scrolls sideways at 320px."""

import pytest

from tests.browser.accessibility import (
    assert_accessible,
    assert_keyboard_usable,
    assert_usable_everywhere,
)
from tests.fixtures.indicators import add_results, make_indicator


def test_an_empty_data_bank_is_accessible(page, site_url, indicator_index):
    page.goto(f"{site_url}/indicators/")
    assert page.get_by_text("No indicators have been published yet.").is_visible()
    assert_usable_everywhere(page)


def test_a_full_data_bank_is_accessible(page, site_url, indicator, indicator_index):
    make_indicator(indicator_index, title="Adults who smoke", theme="Health", targets={})
    page.goto(f"{site_url}/indicators/")
    assert page.get_by_role("link", name="Out-of-work benefit claimants").is_visible()
    assert_usable_everywhere(page)


def test_an_indicator_with_no_results_is_accessible(page, site_url, indicator_index):
    empty = make_indicator(indicator_index, title="Household waste recycled", targets={})
    page.goto(site_url + empty.url)
    assert page.get_by_role("img", name="Household waste recycled: results against targets")
    assert_usable_everywhere(page)


def test_an_indicator_with_results_and_wards_is_accessible_and_its_chart_is_named(
    page, site_url, indicator
):
    add_results(indicator, (2008, "23.9"), area="Golborne")
    page.goto(site_url + indicator.url)
    chart = page.get_by_role("img", name="Out-of-work benefit claimants: results against targets")
    assert chart.is_visible()
    assert page.get_by_role("table").first.is_visible()
    assert_usable_everywhere(page)


@pytest.mark.parametrize("state", ["empty", "with-errors", "done"])
def test_the_results_import_is_accessible_in_each_state(
    officer_page, site_url, indicator, state, tmp_path
):
    page = officer_page
    page.goto(site_url + "/admin/indicators/import-results/")
    if state != "empty":
        rows = "2009-03-31,lots\n" if state == "with-errors" else "2009-03-31,17.0\n"
        upload = tmp_path / "results.csv"
        upload.write_text("date,value\n" + rows)
        page.get_by_label("Indicator").select_option(label=indicator.title)
        page.get_by_label("CSV file").set_input_files(str(upload))
        page.get_by_role("button", name="Import the results").click()
        expected = "Row 2: the value" if state == "with-errors" else "1 results added"
        page.get_by_text(expected).first.wait_for()
        # Wagtail's messages fade in: judge their contrast once they are fully shown.
        page.wait_for_function(
            "() => [...document.querySelectorAll('.messages li')]"
            ".every(el => getComputedStyle(el).opacity === '1')"
        )
        page.wait_for_timeout(500)
    assert_accessible(page)
    assert_keyboard_usable(page)
