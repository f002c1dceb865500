"""Address labels of a batch: a 21-up A4 sheet and a CSV for a mail-merge, in the letters'
order, each with the envelope's pages and sheets once the PDF has counted them; every export
is audited."""

from collections.abc import Sequence
from dataclasses import dataclass

from home.audit import record_access
from home.spreadsheets import neutralise, spreadsheet
from members.audit.actions import Action
from members.models import PostalBatch
from members.postal.batches import check_officer

LABEL_COLUMNS = 3
LABEL_ROWS = 7
LABELS_PER_SHEET = LABEL_COLUMNS * LABEL_ROWS


@dataclass(frozen=True)
class Label:
    position: int
    lines: list[str]
    pages: int | None
    sheets: int | None


def label_sheets(officer, batch: PostalBatch) -> list[list[Label]]:
    """The addresses of the batch's letters, 21 to an A4 sheet, in the letters' order."""
    check_officer(officer)
    addresses = [
        Label(*row)
        for row in batch.letters.order_by("position").values_list(
            "position", "address_lines", "page_count", "sheet_count"
        )
    ]
    record_access(
        officer,
        Action.EXPORTED_LABELS,
        count=len(addresses),
        details={"batch": batch.pk, "format": "sheet"},
    )
    return [
        addresses[start : start + LABELS_PER_SHEET]
        for start in range(0, len(addresses), LABELS_PER_SHEET)
    ]


LABEL_CSV_ADDRESS_LINES = 4


def label_csv_row(position: int, lines: Sequence[str], postcode: str) -> list:
    """One address for a mail-merge: the name, up to four lines of the address (any more are
    joined onto the fourth), and the postcode, each cell safe to open in a spreadsheet."""
    name, *rest = lines or [""]
    if rest and postcode and rest[-1] == postcode:
        rest = rest[:-1]
    middle = rest[: LABEL_CSV_ADDRESS_LINES - 1] + [", ".join(rest[LABEL_CSV_ADDRESS_LINES - 1 :])]
    middle += [""] * (LABEL_CSV_ADDRESS_LINES - len(middle))
    return [position, *(neutralise(cell) for cell in [name, *middle, postcode])]


def labels_csv(officer, batch: PostalBatch) -> str:
    """The batch's addresses as CSV, in the letters' order."""
    check_officer(officer)
    headings = [
        "Letter",
        "Name",
        *(f"Address line {n}" for n in range(1, LABEL_CSV_ADDRESS_LINES + 1)),
        "Postcode",
        "Pages",
        "Sheets",
    ]
    rows = list(
        batch.letters.order_by("position").values_list(
            "position", "address_lines", "member__postcode", "page_count", "sheet_count"
        )
    )
    cells = [
        [
            *label_csv_row(position, lines, (postcode or "").strip().upper()),
            "" if pages is None else pages,
            "" if sheets is None else sheets,
        ]
        for position, lines, postcode, pages, sheets in rows
    ]
    record_access(
        officer,
        Action.EXPORTED_LABELS,
        count=len(rows),
        details={"batch": batch.pk, "format": "csv"},
    )
    return spreadsheet(headings, cells)
