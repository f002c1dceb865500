"""Minutes of a meeting: who was present, sent apologies or was in attendance; the numbered
items with their paragraphs; and, in each item, the decisions ("RESOLVED", "AGREED", "NOTED")
and the "Action: …" lines with their owners.

Decisions and actions stay structured blocks here. `decisions_and_actions` is the one place
that hands them over, for the meeting-cycle models (issue 26) to store once they land."""

import re
from dataclasses import dataclass, field
from typing import ClassVar

from .dates import find_printed_date
from .lines import PrintedLine, collapse_space, join_wrapped
from .parsed import ImportWarning, PaperHeader
from .schemes import SECTION_LINE

MINUTES_HEADING = re.compile(r"^(?:draft\s+|unconfirmed\s+)?minutes\b", re.IGNORECASE)
ATTENDANCE_LABEL = re.compile(
    r"^(?P<label>present|members\s+present|apologies(?:\s+for\s+absence)?|in\s+attendance"
    r"|also\s+present|officers\s+present)\s*[:\-–]\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
DECISION_LINE = re.compile(r"^(?P<kind>RESOLVED|AGREED|NOTED)\b\s*[:\-–]?\s*(?P<text>.*)$")
ACTION_LINE = re.compile(r"^actions?\s*[:\-–]\s*(?P<text>\S.*)$", re.IGNORECASE)
_OWNER = re.compile(r"^(?P<owner>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*)\s+(?:to|will)\s+\S")
_DUE = re.compile(
    r"\bby\s+(?P<due>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+(?:\s+\d{4})?|(?:the\s+)?end\s+of\s+"
    r"[A-Z][a-z]+(?:\s+\d{4})?|[A-Z][a-z]+\s+\d{4})",
)
# A paragraph number as minutes print it: "13.1", "5.2.1", "12(a)", "12 (iv)", a bare "(b)" or
# "A1"; the item heading "12. DECLARATIONS" is not one.
MINUTE_PARAGRAPH = re.compile(
    r"^(?:[-•*–]\s+)?(?P<number>\d{1,3}(?:\.\d{1,3})+[a-z]?"
    r"|\d{1,3}\s?\((?:[a-z]{1,2}|[ivx]{1,5})\)|\((?:[a-z]{1,2}|[ivx]{1,5})\)"
    r"|[A-Z]\.?\d{1,2}(?:\.\d{1,3})*(?=[.)]?\s))[.)]?\s+(?P<text>\S.*)$"
)
_SPLIT_NAMES = re.compile(r",\s*(?![^()]*\))|;\s*|\s+and\s+(?![^()]*\))")


@dataclass
class Decision:
    kind: str  # "RESOLVED", "AGREED" or "NOTED", as printed
    text: str
    item: str = ""
    paragraph: str = ""  # the printed number of the paragraph it follows, or its item's
    line: int | None = field(default=None, compare=False)


@dataclass
class MinuteAction:
    text: str
    owner: str = ""
    due: str = ""
    item: str = ""
    paragraph: str = ""  # as for a decision
    line: int | None = field(default=None, compare=False)


@dataclass
class MinuteParagraph:
    number: str
    text: str
    line: int | None = field(default=None, compare=False)


@dataclass
class MinuteItem:
    number: str
    heading: str
    paragraphs: list[MinuteParagraph] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    actions: list[MinuteAction] = field(default_factory=list)
    line: int | None = field(default=None, compare=False)

    @property
    def last_number(self) -> str:
        """The printed number of the last numbered paragraph so far, as cited ("12(a)" for a
        bare "(a)"), or the item's own number."""
        numbered = [p.number for p in self.paragraphs if p.number]
        if not numbered:
            return self.number
        last = numbered[-1]
        return f"{self.number}{last}" if last.startswith("(") else last


@dataclass
class ParsedMinutes:
    kind: ClassVar[str] = "minutes"

    header: PaperHeader
    present: list[str] = field(default_factory=list)
    apologies: list[str] = field(default_factory=list)
    in_attendance: list[str] = field(default_factory=list)
    items: list[MinuteItem] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    contact: None = None


def looks_like_minutes(lines: list[PrintedLine]) -> bool:
    """A heading line starting "Minutes" near the top, and a "Present:" list."""
    top = [line.text for line in lines[:15] if not line.is_blank]
    return any(MINUTES_HEADING.match(text) for text in top) and any(
        ATTENDANCE_LABEL.match(line.text) for line in lines
    )


def names(text: str) -> list[str]:
    """'A (Chair), B and C' -> ['A (Chair)', 'B', 'C']."""
    return [
        collapse_space(name).strip(" .") for name in _SPLIT_NAMES.split(text) if name.strip(" .")
    ]


def parse_minutes(lines: list[PrintedLine]) -> ParsedMinutes:
    minutes = ParsedMinutes(header=PaperHeader())
    header = minutes.header
    open_text: MinuteParagraph | MinuteAction | Decision | None = None
    open_names: list[str] | None = None  # an attendance list that runs onto the next line
    for line in lines:
        text = line.text
        if line.is_blank:
            open_text = open_names = None
            continue
        attendance = ATTENDANCE_LABEL.match(text)
        decision = DECISION_LINE.match(text)
        action = ACTION_LINE.match(text)
        numbered = MINUTE_PARAGRAPH.match(text)
        item = SECTION_LINE.match(text)
        current = minutes.items[-1] if minutes.items else None
        if not minutes.items and not header.title and MINUTES_HEADING.match(text):
            header.title = collapse_space(text)
        elif header.title and not minutes.present and text.isupper() and _runs_on(header):
            header.title = f"{header.title} {collapse_space(text)}"  # the heading runs on
        elif open_names is not None and not (attendance or item):
            open_names.extend(names(text))
        elif not minutes.items and not header.group and text.isupper() and "GROUP" in text:
            header.group = text.strip()
        elif attendance:
            label = attendance.group("label").lower()
            target = (
                minutes.apologies
                if label.startswith("apolog")
                else minutes.in_attendance
                if label in ("in attendance",) or label.startswith(("also", "officers"))
                else minutes.present
            )
            target.extend(names(attendance.group("rest")))
            open_text, open_names = None, target
        elif item and not numbered and item.group("heading").strip():
            minutes.items.append(
                MinuteItem(item.group("number"), item.group("heading").strip(), line=line.number)
            )
            open_text = open_names = None
        elif current is not None and decision:
            open_text = Decision(
                decision.group("kind"),
                decision.group("text"),
                current.number,
                current.last_number,
                line.number,
            )
            current.decisions.append(open_text)
        elif current is not None and action:
            open_text = _action(action.group("text"), current, line.number)
            current.actions.append(open_text)
        elif current is not None and numbered:
            number = re.sub(r"\s+", "", numbered.group("number"))
            open_text = MinuteParagraph(number, numbered.group("text").strip(), line.number)
            current.paragraphs.append(open_text)
        elif open_text is not None:
            open_text.text = join_wrapped(open_text.text, text)
            if isinstance(open_text, MinuteAction):
                _read_owner_and_due(open_text)
        elif current is not None:
            open_text = MinuteParagraph("", text, line.number)
            current.paragraphs.append(open_text)
        elif not header.title or not header.group:
            continue  # the partnership's name above the heading
        else:
            minutes.warnings.append(
                ImportWarning(line.number, "this line before the first item was not placed", True)
            )
    found = find_printed_date(header.title)
    header.meeting_date = found.value if found else None
    if header.meeting_date is None:
        minutes.warnings.append(
            ImportWarning(None, "no meeting date was found in the heading of the minutes")
        )
    return minutes


def _runs_on(header: PaperHeader) -> bool:
    """Whether the heading so far stops short of its date, so the next line carries it on."""
    return find_printed_date(header.title) is None


def _action(text: str, item: MinuteItem, line: int) -> MinuteAction:
    action = MinuteAction(
        collapse_space(text), item=item.number, paragraph=item.last_number, line=line
    )
    _read_owner_and_due(action)
    return action


def _read_owner_and_due(action: MinuteAction) -> None:
    owner = _OWNER.match(action.text)
    action.owner = owner.group("owner") if owner else ""
    due = _DUE.search(action.text)
    action.due = due.group("due") if due else ""


def decisions_and_actions(minutes: ParsedMinutes) -> tuple[list[Decision], list[MinuteAction]]:
    """Every decision and action of the minutes, in order, each naming its item: the seam the
    meeting-cycle models (issue 26) take them from."""
    decisions = [decision for item in minutes.items for decision in item.decisions]
    actions = [action for item in minutes.items for action in item.actions]
    return decisions, actions
