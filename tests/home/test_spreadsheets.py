"""One rule for every CSV and spreadsheet export: a cell a spreadsheet would run as a formula
is written as text."""

import datetime

import pytest

from home.spreadsheets import neutralise


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
