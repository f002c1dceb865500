"""Cells of the CSV and spreadsheet files officers download. A cell a spreadsheet would run as
a formula, starting with one of OWASP's characters (= + - @, a tab or a carriage return), is
written with a leading apostrophe, so a name like `=HYPERLINK(...)` stays text. One rule for
every export on the site."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The value as a safe cell: None as an empty cell, formula-like text as text, anything
    else (numbers, dates) unchanged for the file format to write."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
