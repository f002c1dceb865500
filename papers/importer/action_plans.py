"""Action plans: numbered sections, each a four-column table printed as tab-separated lines."""

import re

from .contacts import read_contact_line
from .header import read_header, record_status
from .headings import is_heading_like
from .lines import PrintedLine, collapse_space, ends_sentence, join_wrapped
from .parsed import ActionPlanRow, ActionPlanSection, ImportWarning, ParsedActionPlan
from .printed_plans import column_fields, is_printed_layout, read_status_key
from .schemes import SECTION_LINE

GLOSSARY_LABEL = re.compile(r"^(?:acronyms|abbreviations|glossary)\s*:\s*(?P<rest>.*)$", re.I)
_GLOSSARY_TERM = re.compile(r"(?P<term>[^\s=]+)\s*=\s*")
PERIOD = re.compile(r"\b(?:19|20)\d{2}\s*[/–-]\s*\d{2,4}\b")
FOOTNOTE_LINE = re.compile(r"^(?:\*+|†|‡|¹|²|³|notes?\s*:)\s*\S", re.IGNORECASE)
_HEADER_WORDS = re.compile(
    r"\b(?:action|lead|due|date|progress|situation|responsib|target|owner|status|timescale)",
    re.IGNORECASE,
)
_BULLET_GLYPHS = re.compile(r"\s*[•●▪◦■]\s*")
ACTION_PLAN_COLUMNS = 4


def looks_like_action_plan(lines: list[PrintedLine]) -> bool:
    """Tab-separated rows under a header row that is repeated, or that names action-plan columns."""
    rows = [line for line in lines if line.is_table_row]
    if len(rows) < 2:
        return False
    header = _row_key(rows[0].cells)
    is_repeated = any(_row_key(row.cells) == header for row in rows[1:])
    names_columns = len(_HEADER_WORDS.findall(rows[0].text))
    return (is_repeated and names_columns >= 1) or (len(rows) >= 3 and names_columns >= 2)


def format_cell(text: str) -> str:
    """A cell as written, with each bullet item on its own line starting "• "."""
    text = collapse_space(text)
    if _BULLET_GLYPHS.search(text):
        lead, *items = _BULLET_GLYPHS.split(text)
        return "\n".join([*([lead] if lead else []), *(f"• {item}" for item in items if item)])
    if text.startswith("- "):
        items = [item for item in re.split(r"(?:^|\s)-\s+", text) if item]
        return "\n".join(f"• {item}" for item in items)
    return text


def split_glossary(text: str) -> list[tuple[str, str]] | None:
    """'SG = Steering group CS = Community Strategy' -> [("SG", "Steering group"), ("CS", …)];
    None if the text is not written as "ABBREVIATION = meaning"."""
    matches = list(_GLOSSARY_TERM.finditer(text))
    if not matches or text[: matches[0].start()].strip():
        return None
    pairs = []
    for position, match in enumerate(matches):
        end = matches[position + 1].start() if position + 1 < len(matches) else len(text)
        meaning = text[match.end() : end].strip(" ,;")
        if not meaning:
            return None
        pairs.append((match.group("term"), collapse_space(meaning)))
    return pairs


def parse_action_plan(lines: list[PrintedLine]) -> ParsedActionPlan:
    glossary, glossary_lines = _read_glossary(lines)
    keys = {index: read_status_key(line.text) for index, line in enumerate(lines)}
    keys = {index: key for index, key in keys.items() if key}
    reading = read_header(
        lines,
        is_body_start=lambda index: _is_body_start(lines[index]),
        skip=glossary_lines | frozenset(keys),
    )
    header, warnings = reading.header, reading.warnings
    period = PERIOD.search(header.title)
    plan = ParsedActionPlan(
        header=header,
        period=period.group() if period else "",
        glossary=glossary,
        warnings=warnings,
        status_key={code: meaning for key in keys.values() for code, meaning in key.items()},
    )
    _TableReader(plan, lines, skip=frozenset(keys)).read(reading.end)
    plan.warnings.sort(key=lambda warning: warning.line or 0)
    return plan


def _is_body_start(line: PrintedLine) -> bool:
    if "\t" in line.text:
        return True
    section = SECTION_LINE.match(line.text)
    return bool(section) and is_heading_like(section.group("heading"))


def _read_glossary(lines: list[PrintedLine]) -> tuple[list[tuple[str, str]], frozenset[int]]:
    start = next(
        (i for i, line in enumerate(lines) if GLOSSARY_LABEL.match(line.text)),
        None,
    )
    if start is None:
        return [], frozenset()
    pairs = split_glossary(GLOSSARY_LABEL.match(lines[start].text).group("rest"))
    if pairs is None:  # not written as a glossary: read as any other heading line
        return [], frozenset()
    used = {start}
    index = start + 1
    while index < len(lines):
        line = lines[index]
        if not line.is_blank:
            more = split_glossary(line.text) if "=" in line.text else None
            if more is None or _is_body_start(line):
                break
            pairs.extend(more)
            used.add(index)
        index += 1
    return pairs, frozenset(used)


def _row_key(cells: list[str]) -> tuple[str, ...]:
    return tuple(cell.lower() for cell in cells if cell)


class _TableReader:
    """Reads sections and their rows, merging lines that continue the row above cell by cell."""

    def __init__(self, plan: ParsedActionPlan, lines: list[PrintedLine], skip=frozenset()):
        self.plan = plan
        self.lines = lines
        self.skip = skip  # lines read already, such as the status key
        self.columns: list[str] | None = None
        self.pending: list[tuple[ActionPlanRow, list[str]]] = []
        self.last_section: int | None = None
        self.in_footnotes = False

    def read(self, start: int) -> None:
        for index, line in enumerate(self.lines[start:], start=start):
            if index in self.skip:
                continue
            if line.is_blank or record_status(self.plan.header, line, self.plan.warnings):
                continue
            if "\t" in line.text:
                self._read_row(line)
            else:
                self._read_text(line)
        self._finish_section()

    def _read_text(self, line: PrintedLine) -> None:
        text = line.text
        section = SECTION_LINE.match(text)
        if not self.in_footnotes and (
            (section and is_heading_like(section.group("heading"))) or line.heading_level
        ):
            self._start_section(line, section)
        elif self.plan.contact is None and (contact := read_contact_line(text)):
            self.plan.contact = contact
        elif self.in_footnotes or FOOTNOTE_LINE.match(text):
            self.in_footnotes = True
            self.plan.footnotes.append(collapse_space(text))
        elif not (self.pending and self._continue_row([collapse_space(text)])):
            self.plan.footnotes.append(collapse_space(text))
            self.plan.warnings.append(
                ImportWarning(
                    line.number,
                    "this text is neither a section heading, a table row nor a footnote: it was "
                    "kept with the notes under the plan",
                    is_unplaced=True,
                )
            )

    def _start_section(self, line: PrintedLine, section: re.Match[str] | None) -> None:
        self._finish_section()
        if section is None:
            self.plan.sections.append(ActionPlanSection("", line.text, line=line.number))
            return
        number = int(section.group("number"))
        if self.last_section is not None and number <= self.last_section:
            self.plan.warnings.append(
                ImportWarning(
                    line.number,
                    f"section {number} is out of sequence: it follows section "
                    f"{self.last_section}; kept as printed",
                )
            )
        self.last_section = number
        self.plan.sections.append(
            ActionPlanSection(str(number), section.group("heading").strip(), line=line.number)
        )

    def _read_row(self, line: PrintedLine) -> None:
        if self.in_footnotes:
            self.in_footnotes = False
            self.plan.warnings.append(
                ImportWarning(line.number, "a table row after the footnotes; read as a row")
            )
        cells = line.cells
        if not self.plan.sections:
            self.plan.sections.append(ActionPlanSection("", "", line=line.number))
        section = self.plan.sections[-1]
        if self.columns is None or _row_key(cells) == _row_key(self.columns):
            self._read_header_row(section, cells, line)
            return
        if not section.columns:
            section.columns = list(self.columns)
            self.plan.warnings.append(
                ImportWarning(
                    line.number,
                    f"section {section.number or '(unnumbered)'} has no header row of its own; "
                    "the columns of the first table were used",
                )
            )
        while len(cells) > len(section.columns) and not cells[-1]:
            cells.pop()
        if self.pending and self._continue_row(cells):
            return
        if len(cells) != len(section.columns):
            self.plan.warnings.append(
                ImportWarning(
                    line.number,
                    f"this row has {len(cells)} cells but the table has {len(section.columns)} "
                    "columns: check which column each cell belongs in",
                )
            )
            cells = _fitted(cells, len(section.columns))
        row = ActionPlanRow("", "", "", "", line=line.number)
        section.rows.append(row)
        self.pending.append((row, cells))

    def _read_header_row(
        self, section: ActionPlanSection, cells: list[str], line: PrintedLine
    ) -> None:
        columns = [cell for cell in cells if cell]
        if is_printed_layout(columns):  # kept column by column, each as printed
            if section.rows:
                self.plan.warnings.append(
                    ImportWarning(
                        line.number, "the header row is repeated inside a section; ignored"
                    )
                )
            self.columns = self.columns or columns
            section.columns = section.columns or columns
            section.fields = section.fields or column_fields(section.columns)
            return
        if len(columns) != ACTION_PLAN_COLUMNS:
            self.plan.warnings.append(
                ImportWarning(
                    line.number,
                    f"the table has {len(columns)} columns; the page holds four (planned "
                    "action, current situation, lead, due date): check where each cell went",
                )
            )
            columns = _fitted(columns, ACTION_PLAN_COLUMNS, filler="(not printed)")
        if section.rows:
            self.plan.warnings.append(
                ImportWarning(line.number, "the header row is repeated inside a section; ignored")
            )
        self.columns = self.columns or columns
        section.columns = section.columns or columns

    def _continue_row(self, cells: list[str]) -> bool:
        """Merge `cells` into the row above if every filled cell carries on that row's cell."""
        previous = self.pending[-1][1]
        filled = [(position, cell) for position, cell in enumerate(cells) if cell]
        for position, cell in filled:
            if position >= len(previous) or not previous[position]:
                return False
            above = previous[position]
            if ends_sentence(above) or not (cell[0].islower() or above.endswith(("-", ","))):
                return False
        for position, cell in filled:
            previous[position] = join_wrapped(previous[position], cell)
        return bool(filled)

    def _finish_section(self) -> None:
        """Write the cells gathered for the last section into its rows."""
        section = self.plan.sections[-1] if self.plan.sections else None
        for row, cells in self.pending:
            if section is not None and section.fields:
                section.printed_rows.append([format_cell(cell) for cell in cells])
                for name, cell in zip(section.fields, cells, strict=True):
                    if name and name != "status":
                        setattr(row, name, format_cell(cell))
                continue
            row.planned_action, row.current_situation, row.lead, row.due_date = (
                format_cell(cell) for cell in cells
            )
        self.pending = []


def _fitted(cells: list[str], width: int, filler: str = "") -> list[str]:
    """`cells` made `width` long: extra cells joined into the last, missing ones left empty."""
    if len(cells) > width:
        return [*cells[: width - 1], " ".join(cell for cell in cells[width - 1 :] if cell)]
    return [*cells, *[filler] * (width - len(cells))]
