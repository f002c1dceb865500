"""One rule for every CSV and spreadsheet export: a cell a spreadsheet would run as a formula
is written as text."""

import datetime
import io

import openpyxl
import pytest

from home.spreadsheets import download, neutralise, spreadsheet


@pytest.mark.parametrize(
    "dangerous", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]
)
def test_every_cell_that_a_spreadsheet_would_run_gets_a_leading_apostrophe(dangerous):
    assert neutralise(dangerous) == "'" + dangerous


def test_the_same_characters_inside_a_cell_are_left_alone():
    assert neutralise("Bronwen =SUM(A1)") == "Bronwen =SUM(A1)"
    assert neutralise("Plain words") == "Plain words"


def test_an_empty_value_is_an_empty_cell_and_numbers_and_dates_stay_as_they_are():
    assert neutralise(None) == ""
    assert neutralise(-2) == -2
    assert neutralise(datetime.date(2009, 5, 13)) == datetime.date(2009, 5, 13)


def test_a_csv_keeps_formula_like_cells_as_text_and_numbers_as_numbers():
    text = spreadsheet(["Name", "Count"], [['=HYPERLINK("http://evil.example")', 3]])
    assert text.splitlines() == ["Name,Count", '"\'=HYPERLINK(""http://evil.example"")",3']


def test_an_xlsx_holds_formula_like_cells_as_text_not_formulas():
    response = download("people", ["Name"], [["=1+2"], ["@SUM(A1)"]], "xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="people.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet["A"]] == ["Name", "'=1+2", "'@SUM(A1)"]
    assert all(cell.data_type == "s" for cell in sheet["A"])


def test_an_unknown_format_is_written_as_csv_never_refused():
    response = download("people", ["Name"], [["Amira"]], "pdf")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    assert response.content.decode().splitlines() == ["Name", "Amira"]
