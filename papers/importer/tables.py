"""Data tables in a report: tab-separated, Markdown or pipe rows (which the line reader turns
into tabs), and columns lined up with spaces. Each becomes a Table with a header row and a
caption where the paper prints one; a header row repeated (as on a new page) is dropped, and a
line that carries on a cell of the row above is joined to it."""

import re

from .lines import PrintedLine, collapse_space
from .parsed import Table

CAPTION = re.compile(r"^(?:table|figure|chart)\s+[\dA-Z]{1,3}\b", re.IGNORECASE)
_ALIGNED_CELL = re.compile(r"\S(?: ?\S)*")
_NUMBER_START = re.compile(r"^(?:\d{1,2}(?:\.\d{1,3})*[.)]?|[A-Z]\.?\d)\s")
_SPACING_MARKER = re.compile(
    r"^(?:[-•*–◦▪●]|\d{1,2}(?:\.\d{1,3})*[.)]?|[A-Z]\.?\d{1,2}(?:\.\d{1,3})*|\(?[a-z]{1,4}\))$"
)
MIN_ALIGNED_ROWS = 3
MAX_CONTINUATION_WORDS = 4


def aligned_cells(text: str) -> list[tuple[int, str]]:
    """(start column, text) of each cell of a line set out in columns with two spaces or more."""
    if "  " not in text:
        return []
    return [(match.start(), match.group()) for match in _ALIGNED_CELL.finditer(text)]


class TableFinder:
    """Finds the tables among a report's lines once, so the body reader can take each whole."""

    def __init__(self, lines: list[PrintedLine]):
        self.lines = lines
        self.found: dict[int, tuple[Table, int]] = {}
        index = 0
        while index < len(lines):
            table, end = self._table_at(index)
            if table is None:
                index += 1
                continue
            start = index
            caption_index = self._caption_before(index)
            if caption_index is not None:
                table.caption, start = lines[caption_index].text, caption_index
                self.found.pop(caption_index, None)
            self.found[start] = (table, end)
            index = end

    def at(self, index: int) -> tuple[Table, int] | None:
        """The table starting at this line (its caption or header row) and the line after it."""
        return self.found.get(index)

    def _caption_before(self, index: int) -> int | None:
        """The caption printed just above the table, or above it after one blank line."""
        for before in (index - 1, index - 2):
            if before < 0:
                return None
            if CAPTION.match(self.lines[before].text):
                return before
            if not self.lines[before].is_blank:
                return None
        return None

    def _table_at(self, index: int) -> tuple[Table | None, int]:
        line = self.lines[index]
        if line.is_table_row and not _is_spacing_tab(line):
            return self._tabbed(index)
        if aligned_cells(line.text) and len(aligned_cells(line.text)) >= 2:
            return self._aligned(index)
        return None, index

    def _tabbed(self, index: int) -> tuple[Table | None, int]:
        rows: list[list[str]] = []
        first = index
        while index < len(self.lines):
            line = self.lines[index]
            if line.is_table_row:
                cells = line.cells
                if rows and cells[0] == "" and any(cells[1:]):
                    _join_cells(rows[-1], cells)
                else:
                    rows.append(cells)
            elif len(rows) == 1 and line.is_blank and self._is_row(index + 1):
                pass  # the rule under a Markdown header row
            elif rows and _continues_first_cell(line, before_a_row=self._is_row(index + 1)):
                rows[-1][0] = f"{rows[-1][0]} {line.text.strip()}"
            else:
                break
            index += 1
        if len(rows) < 2:
            return None, first
        return _table(rows, self.lines[first].number), index

    def _is_row(self, index: int) -> bool:
        return index < len(self.lines) and self.lines[index].is_table_row

    def _aligned(self, index: int) -> tuple[Table | None, int]:
        header = aligned_cells(self.lines[index].text)
        starts = [start for start, _ in header]
        rows, end = [[cell for _, cell in header]], index + 1
        while end < len(self.lines):
            cells = aligned_cells(self.lines[end].text)
            if len(cells) != len(header) or any(
                abs(start - column) > 1 for (start, _), column in zip(cells, starts, strict=True)
            ):
                break
            rows.append([cell for _, cell in cells])
            end += 1
        if len(rows) < MIN_ALIGNED_ROWS:
            return None, index
        return _table(rows, self.lines[index].number), end


def _table(rows: list[list[str]], line: int) -> Table:
    width = max(len(row) for row in rows)
    rows = [[collapse_space(cell) for cell in row] + [""] * (width - len(row)) for row in rows]
    header, body = rows[0], [row for row in rows[1:] if row != rows[0]]
    while header and not header[-1] and all(not row[len(header) - 1] for row in body):
        header, body = header[:-1], [row[:-1] for row in body]
    return Table(caption="", header=header, rows=body, line=line)


def _join_cells(row: list[str], more: list[str]) -> None:
    for position, cell in enumerate(more):
        if cell and position < len(row):
            row[position] = f"{row[position]} {cell}".strip()


def _continues_first_cell(line: PrintedLine, *, before_a_row: bool = False) -> bool:
    """A short line carrying on the first cell of the row above: one starting in lower case,
    or, between two rows of the table, with a capital too ("Royal" / "Hospital")."""
    text = line.text.strip()
    return (
        bool(text)
        and len(text.split()) <= MAX_CONTINUATION_WORDS
        and not _NUMBER_START.match(text)
        and not CAPTION.match(text)
        and (text[:1].islower() or before_a_row)
    )


def _is_spacing_tab(line: PrintedLine) -> bool:
    """'1.1<TAB>The text…', '<TAB>•<TAB>a point': a tab after a printed number, bullet or
    label is spacing, not a table."""
    cells = [cell for cell in line.cells if cell]
    return len(cells) == 2 and bool(_SPACING_MARKER.match(cells[0]) or cells[0].endswith(":"))
