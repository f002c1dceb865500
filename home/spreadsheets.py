"""The one way to write the CSV and spreadsheet files officers download. Every cell goes
through `neutralise`: a cell a spreadsheet would run as a formula, starting with one of
OWASP's characters (= + - @, a tab or a carriage return), is written with a leading
apostrophe, so a name like `=HYPERLINK(...)` stays text.

Files are written by tablib (its CSV and, through openpyxl, XLSX formats): one well-kept
library for both, where our own code would repeat the csv module's boilerplate in every
export. The officers' list screens built on Wagtail's ModelViewSet use its own
SpreadsheetExportMixin instead, neutralising each value through the same function."""

from collections.abc import Iterable, Sequence

import tablib
from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def neutralise(value):
    """The value as a safe cell: None as an empty cell, formula-like text as text, anything
    else (numbers, dates) unchanged for the file format to write."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def table(headings: Sequence[str], rows: Iterable[Sequence]) -> tablib.Dataset:
    """The headings and rows as a dataset, every cell neutralised."""
    return tablib.Dataset(
        *([neutralise(cell) for cell in row] for row in rows),
        headers=[neutralise(heading) for heading in headings],
    )


def file_format_from(value) -> str:
    """The format a request asked for (?format=xlsx), CSV for anything else."""
    return value if value in CONTENT_TYPES else "csv"


def spreadsheet(headings: Sequence[str], rows: Iterable[Sequence], file_format="csv"):
    """The file's content: text for CSV, bytes for XLSX."""
    return table(headings, rows).export(file_format_from(file_format))


def download(
    filename_stem: str, headings: Sequence[str], rows: Iterable[Sequence], file_format="csv"
) -> HttpResponse:
    """An attachment named `filename_stem`.csv (or .xlsx), never cached."""
    file_format = file_format_from(file_format)
    response = HttpResponse(
        spreadsheet(headings, rows, file_format), content_type=CONTENT_TYPES[file_format]
    )
    response["Content-Disposition"] = f'attachment; filename="{filename_stem}.{file_format}"'
    response["Cache-Control"] = "private, no-store"
    return response
