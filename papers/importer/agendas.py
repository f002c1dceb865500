"""Agendas: the meeting's date, time and place, and each item's number, title, time and
presenter, as printed in a table (Word, tab-separated or pipes) or one item a line."""

import re
from dataclasses import dataclass, field
from typing import ClassVar

from .dates import find_printed_date
from .lines import PrintedLine, collapse_space
from .parsed import ImportWarning, PaperHeader

AGENDA_HEADING = re.compile(r"^agenda\b(?!\s+item)", re.IGNORECASE)
TIME = re.compile(r"^\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?$", re.IGNORECASE)
_NUMBER = re.compile(r"^(?P<number>\d{1,2}[a-z]?)[.)]?$")
_ITEM_LINE = re.compile(
    r"^(?P<number>\d{1,2}[a-z]?)[.)]?\s+(?P<title>.+?)"
    r"(?:\s{2,}|\s+[-–]\s+)(?P<time>\d{1,2}[.:]\d{2}\s*(?:am|pm)?)(?:\s+(?P<presenter>.+))?$",
    re.IGNORECASE,
)
_TIME_IN_TEXT = re.compile(r"\b\d{1,2}[.:]\d{2}\s*(?:am|pm)\b", re.IGNORECASE)


@dataclass
class AgendaEntry:
    number: str
    title: str
    time: str = ""
    presenter: str = ""
    line: int | None = field(default=None, compare=False)


@dataclass
class ParsedAgenda:
    kind: ClassVar[str] = "agenda"

    header: PaperHeader
    time: str = ""
    venue: str = ""
    items: list[AgendaEntry] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    contact: None = None


def looks_like_agenda(lines: list[PrintedLine]) -> bool:
    """A line "Agenda" on its own (or starting the heading) near the top, and numbered items."""
    top = [line.text for line in lines[:12] if not line.is_blank]
    return any(AGENDA_HEADING.match(text) and len(text.split()) <= 4 for text in top)


def parse_agenda(lines: list[PrintedLine]) -> ParsedAgenda:
    agenda = ParsedAgenda(header=PaperHeader(title="Agenda"))
    header = agenda.header
    for line in lines:
        if line.is_blank:
            continue
        entry = _entry(line)
        if entry is not None:
            agenda.items.append(entry)
            continue
        text = line.text
        found = find_printed_date(text)
        if header.meeting_date is None and found is not None:
            header.meeting_date = found.value
            time = _TIME_IN_TEXT.search(text)
            agenda.time = time.group() if time else ""
            agenda.venue = text[time.end() if time else found.end :].strip(" ,.–-")
        elif not agenda.items and text.isupper() and "GROUP" in text:
            header.group = text.strip()
        elif agenda.items and entry is None and not AGENDA_HEADING.match(text):
            agenda.items[-1].title = f"{agenda.items[-1].title} {collapse_space(text)}"
    if not agenda.items:
        agenda.warnings.append(ImportWarning(None, "no numbered agenda items were found"))
    return agenda


def _entry(line: PrintedLine) -> AgendaEntry | None:
    if line.is_table_row:
        cells = [cell for cell in line.cells if cell]
        number = _NUMBER.match(cells[0]) if cells else None
        if number is None or len(cells) < 2:
            return None
        rest = cells[1:]
        title = rest.pop(0)
        time = rest.pop(0) if rest and TIME.match(rest[0]) else ""
        presenter = " ".join(rest)
        return AgendaEntry(number.group("number"), title, time, presenter, line.number)
    match = _ITEM_LINE.match(line.text)
    if match:
        return AgendaEntry(
            match.group("number"),
            collapse_space(match.group("title")),
            match.group("time"),
            collapse_space(match.group("presenter") or ""),
            line.number,
        )
    return None
