"""Progress reports: objectives, each with labelled action, progress, lead and due date blocks."""

import re

from .closing import annex_references, is_closing_label, read_closing
from .header import read_header, record_status
from .lines import PrintedLine, collapse_space, join_paragraphs, join_wrapped
from .parsed import ImportWarning, Objective, ParsedProgressReport, ProgressAction
from .reports import BULLET_LINE

OBJECTIVE_LINE = re.compile(
    r"^objective\s+(?P<number>\d{1,2}(?:\.\d{1,2})*)\s*[:.)–—-]?\s*(?P<title>.*)$", re.IGNORECASE
)
FIELD_LINE = re.compile(
    r"^(?P<label>action(?:\s+(?P<number>\d{1,2}(?:\.\d{1,2})*))?|progress(?:\s+to\s+date)?"
    r"|lead(?:\s+(?:officer|contact|organisation|partner)s?)?(?:\s*/\s*organisation)?"
    r"|due(?:\s+date)?|deadline|target\s+date|timescale)\s*:\s*(?P<text>.*)$",
    re.IGNORECASE,
)
_FIELD_NAMES = {
    "action": "action",
    "progress": "progress",
    "lead": "lead",
    "due": "due_date",
    "deadline": "due_date",
    "target": "due_date",
    "timescale": "due_date",
}


def looks_like_progress_report(lines: list[PrintedLine]) -> bool:
    """An objective line, and Action: and Progress: labels (emphasis already removed)."""
    labels = {_field_name(m) for line in lines if (m := FIELD_LINE.match(line.text))}
    has_objective = any(OBJECTIVE_LINE.match(line.text) for line in lines)
    return has_objective and {"action", "progress"} <= labels


def parse_progress_report(lines: list[PrintedLine]) -> ParsedProgressReport:
    reading = read_header(lines, is_body_start=lambda index: _is_body_start(lines[index].text))
    report = ParsedProgressReport(header=reading.header, warnings=reading.warnings)
    closing_start = _ProgressReader(report, lines).read(reading.end)
    closing = read_closing(lines, closing_start, report.header, report.warnings)
    actions = [action for objective in report.objectives for action in objective.actions]
    for _line_number, text in closing.unplaced:  # kept at the end, under the last action
        if actions:
            actions[-1].progress = f"{actions[-1].progress}\n{collapse_space(text)}".strip()
        else:
            report.header.purpose = join_paragraphs(report.header.purpose, collapse_space(text))
    report.contact = closing.contact
    report.background_papers = closing.background_papers
    annexes = [ref for line in lines for ref in annex_references(line.text)]
    report.annexes = list(dict.fromkeys([*annexes, *closing.annex_titles]))
    report.warnings.sort(key=lambda warning: warning.line or 0)
    return report


def _is_body_start(text: str) -> bool:
    return bool(OBJECTIVE_LINE.match(text) or FIELD_LINE.match(text) or is_closing_label(text))


def _field_name(match: re.Match[str]) -> str:
    return _FIELD_NAMES[match.group("label").split()[0].split("/")[0].lower()]


class _ProgressReader:
    """Reads objectives and their actions until the contact block; returns where that starts."""

    def __init__(self, report: ParsedProgressReport, lines: list[PrintedLine]):
        self.report = report
        self.lines = lines
        self.action: ProgressAction | None = None
        self.field = ""
        self.after_blank = False
        self.awaiting_title: Objective | None = None

    def read(self, start: int) -> int:
        index = start
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            if line.is_blank:
                self.after_blank = True
                continue
            if is_closing_label(line.text):
                self._finish_action()
                return index
            self._read_line(line)
            self.after_blank = False
        self._finish_action()
        return len(self.lines)

    def _read_line(self, line: PrintedLine) -> None:
        text = line.text
        objective = OBJECTIVE_LINE.match(text)
        field = FIELD_LINE.match(text)
        if record_status(self.report.header, line, self.report.warnings):
            return
        if objective:
            self._start_objective(line, objective)
        elif field:
            self._read_field(line, field)
        elif self.awaiting_title is not None:
            self.awaiting_title.title = collapse_space(text)
            self.awaiting_title = None
        elif self.action is not None and self.field:
            self._add_text(text)
        elif self.report.objectives:
            self._start_action(line, "")
            self.field = "action"
            self._add_text(text)
            self._warn_unplaced(line, "it was taken as an action of the objective above")
        else:
            header = self.report.header
            header.purpose = join_paragraphs(header.purpose, collapse_space(text))
            self._warn_unplaced(line, "it was kept with the purpose")

    def _start_objective(self, line: PrintedLine, match: re.Match[str]) -> None:
        self._finish_action()
        objectives = self.report.objectives
        number = match.group("number")
        if objectives and _parts(number) <= _parts(objectives[-1].number):
            self.report.warnings.append(
                ImportWarning(
                    line.number,
                    f"objective {number} is out of sequence: it follows objective "
                    f"{objectives[-1].number}; kept as printed",
                )
            )
        objective = Objective(number, collapse_space(match.group("title")), [], line=line.number)
        objectives.append(objective)
        self.awaiting_title = None if objective.title else objective

    def _read_field(self, line: PrintedLine, match: re.Match[str]) -> None:
        name = _field_name(match)
        label = match.group("label")
        if not self.report.objectives:
            self.report.objectives.append(Objective("", "", [], line=line.number))
            self.report.warnings.append(
                ImportWarning(
                    line.number,
                    f"“{label}” comes before any objective: it was put in an objective "
                    "without a title; give it one",
                )
            )
        if self.awaiting_title is not None:
            self.report.warnings.append(
                ImportWarning(
                    line.number,
                    f"objective {self.awaiting_title.number} has no title: give it one",
                )
            )
            self.awaiting_title = None
        if name == "action":
            self._start_action(line, match.group("number") or "")
        elif self.action is None:
            self._start_action(line, "")
            self.report.warnings.append(
                ImportWarning(
                    line.number,
                    f"“{label}” comes before any action: it was put in an action with no text; "
                    "fill in the action",
                )
            )
        elif getattr(self.action, name):
            self.report.warnings.append(
                ImportWarning(
                    line.number,
                    f"a second “{label}” for the same action: it was added to the first",
                )
            )
        self.field = name
        self._add_text(match.group("text"), is_new_block=True)

    def _start_action(self, line: PrintedLine, number: str) -> None:
        self._finish_action()
        self.action = ProgressAction("", "", number=number, line=line.number)
        self.report.objectives[-1].actions.append(self.action)

    def _warn_unplaced(self, line: PrintedLine, where: str) -> None:
        self.report.warnings.append(
            ImportWarning(
                line.number,
                f"this text is not an objective, action, progress, lead or due date: {where}",
                is_unplaced=True,
            )
        )

    def _add_text(self, text: str, *, is_new_block: bool = False) -> None:
        text = collapse_space(text)
        if not text:
            return
        current = getattr(self.action, self.field)
        bullet = BULLET_LINE.match(text)
        if bullet:
            value = (
                f"{current}\n• {bullet.group('text')}" if current else f"• {bullet.group('text')}"
            )
        elif not current or is_new_block:
            value = f"{current}\n{text}" if current else text
        elif self.after_blank:
            value = f"{current}\n{text}"
        else:
            lead, _, last = current.rpartition("\n")
            value = f"{lead}\n{join_wrapped(last, text)}" if lead else join_wrapped(last, text)
        setattr(self.action, self.field, value)

    def _finish_action(self) -> None:
        if self.action is not None and not self.action.progress:
            self.report.warnings.append(
                ImportWarning(self.action.line, "this action has no progress recorded")
            )
        if self.action is not None and not self.action.action:
            self.report.warnings.append(
                ImportWarning(self.action.line, "this action has no text: fill it in")
            )
        self.action = None
        self.field = ""


def _parts(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))
