"""Reports to a KCP meeting: numbered sections, paragraphs, subheadings, labels and bullet lists."""

import re

from .closing import annex_references, find_signatory, is_closing_label, read_closing
from .header import is_in_capitals, read_header, read_status, record_status
from .headings import FUNCTION_WORDS, is_heading_like, is_report_body_start, read_section_line
from .lines import PrintedLine, collapse_space, ends_sentence, join_wrapped
from .marked_lists import list_parent, marked_item
from .parsed import BodyItem, Bullet, ImportWarning, PaperHeader, ParsedReport, Section
from .schemes import (
    LIST_MARKER,
    PrintedNumber,
    read_printed_number,
    section_key,
    section_scheme,
)
from .tables import TableFinder

BULLET_LINE = re.compile(r"^(?P<marker>[•◦▪●○■□➢‣·*–—-])\s+(?P<text>\S.*)$")
LABEL_LINE = re.compile(r"^(?P<label>[A-Z][^:]{0,48}?)\s*:$")
MAX_UNNUMBERED_HEADING_WORDS = 8
_CELL_MARKER = re.compile(r"^(?:[-•*–]|\d{1,2}(?:\.\d{1,3})*[.)]?|\(?[a-z]\)|[ivx]{1,4}\))$")


def parse_report(lines: list[PrintedLine]) -> ParsedReport:
    reading = read_header(
        lines,
        is_body_start=lambda index: is_report_body_start(lines, index),
        is_body_start_after_title=lambda index: bool(read_section_line(lines[index].text)),
    )
    header, warnings = reading.header, reading.warnings
    closing_start = next(
        (i for i in range(reading.end, len(lines)) if is_closing_label(lines[i].text)), len(lines)
    )
    signatory = find_signatory(lines, reading.end, closing_start)
    body_end = signatory[0] if signatory else closing_start
    reader = _BodyReader(lines, header, warnings)
    sections = reader.read(reading.end, body_end)
    if not any(s.number or any(item.number for item in s.items) for s in sections):
        warnings.append(
            ImportWarning(
                lines[reading.end].number if reading.end < len(lines) else None,
                "the paper prints no numbered sections or paragraphs: its text is kept as "
                "unnumbered paragraphs",
            )
        )
    closing = read_closing(lines, closing_start, header, warnings)
    for line_number, text in closing.unplaced:
        reader.keep_as_text(line_number, text)
    annexes: list[str] = []
    for line in lines:
        annexes.extend(annex_references(line.text))
    annexes.extend(closing.annex_titles)
    return ParsedReport(
        header=header,
        sections=sections,
        signatory=signatory[1] if signatory else "",
        signatory_title=signatory[2] if signatory else "",
        contact=closing.contact,
        other_contacts=closing.other_contacts,
        background_papers=closing.background_papers,
        annexes=list(dict.fromkeys(annexes)),
        annex_titles=closing.annex_titles,
        warnings=sorted(warnings, key=lambda warning: warning.line or 0),
    )


class _BodyReader:
    """Reads the body line by line, keeping the printed numbers and noting any out of sequence."""

    def __init__(
        self, lines: list[PrintedLine], header: PaperHeader, warnings: list[ImportWarning]
    ):
        self.lines = lines
        self.header = header
        self.warnings = warnings
        self.sections: list[Section] = []
        self.open_paragraph: BodyItem | None = None
        self.open_list: BodyItem | None = None
        self.bullet_indents: list[int] = []
        self.last_section: int | None = None
        self.section_scheme = ""
        self.tables = TableFinder(lines)
        self.last_number: tuple[int, ...] | None = None
        self.last_single: int | None = None
        self.after_blank = True
        self.previous_text = ""
        self.wrap_width = max([60, *(len(line.text) for line in lines)])
        self.flattened_rows: set[int] = set()

    def read(self, start: int, end: int) -> list[Section]:
        self.end = end
        index = start
        while index < end:
            line = self.lines[index]
            if line.is_blank:
                self.after_blank = True
                index += 1
                continue
            table = self.tables.at(index)
            if table is not None and index + 1 < end:
                self._add(BodyItem("table", table=table[0], line=line.number))
                index, self.after_blank = table[1], True
                continue
            next_index = self._read_line(index, self._flatten(line))
            self.after_blank = False
            self.previous_text = self.lines[next_index - 1].text
            index = next_index
        return self.sections

    def _read_line(self, index: int, text: str) -> int:
        line = self.lines[index]
        if record_status(self.header, line, self.warnings):
            self._close()
            return index + 1
        if line.heading_level:
            return self._read_markdown_heading(index, text)
        printed = read_printed_number(text)
        if printed:
            return self._read_numbered(index, printed)
        section = read_section_line(text)
        if section:
            return self._read_section_line(index, section.group("number"), section)
        label = LABEL_LINE.match(text)
        if label and len(text.split()) <= 6:
            self._add(BodyItem("label", text=label.group("label").strip(), line=line.number))
            return index + 1
        bullet = BULLET_LINE.match(text)
        if bullet:
            self._add_bullet(line, bullet.group("text"))
            return index + 1
        marked = LIST_MARKER.match(text)
        if marked:
            self._add_list_item(line, marked.group("label"), marked.group("text"))
            return index + 1
        return self._read_plain(index, text)

    def _flatten(self, line: PrintedLine) -> str:
        """Tabs after a printed number or label are spacing; any other tabbed line is a table."""
        if "\t" not in line.text:
            return line.text
        cells = [cell for cell in line.cells if cell]
        if len(cells) <= 1 or (
            len(cells) == 2 and (_CELL_MARKER.match(cells[0]) or cells[0].endswith(":"))
        ):
            return " ".join(cells)
        if line.number not in self.flattened_rows:
            self.flattened_rows.add(line.number)
            self.warnings.append(
                ImportWarning(
                    line.number,
                    "a table row in a report was kept as a line of text, its cells separated "
                    "by “|”: set it out as a list or table in the editor",
                    is_unplaced=True,
                )
            )
        return " | ".join(cells)

    def _read_markdown_heading(self, index: int, text: str) -> int:
        line = self.lines[index]
        printed = read_printed_number(text)
        section = read_section_line(text)
        if printed:
            self._check_number(printed, line.number)
            self._add(BodyItem("subheading", printed.number, printed.text, line=line.number))
        elif section:
            self._start_section(section.group("number"), section.group("heading"), line)
        elif line.heading_level <= 2:
            self._close()
            self.sections.append(Section("", text, [], line=line.number))
        else:
            self._add(BodyItem("subheading", "", text, line=line.number))
        return index + 1

    def _read_numbered(self, index: int, printed: PrintedNumber) -> int:
        line = self.lines[index]
        if (
            self.open_paragraph is not None
            and not self.after_blank
            and not ends_sentence(self.previous_text)
            and not self._is_in_sequence(printed.parts)
        ):
            self.open_paragraph.text = join_wrapped(self.open_paragraph.text, line.text)
            self.warnings.append(
                ImportWarning(
                    line.number,
                    f'this line starts with "{printed.number}" but was read as part of the '
                    "paragraph above, as that number would be out of sequence",
                )
            )
            return index + 1
        first, next_index = printed.text, index + 1
        if not first:
            following = self._next_text_index(index + 1)
            if following is None or not self._is_plain(self.lines[following].text):
                self.warnings.append(
                    ImportWarning(
                        line.number,
                        f"paragraph {printed.number} has no text; its number was kept as a label",
                        is_unplaced=True,
                    )
                )
                self._add(BodyItem("label", text=printed.number, line=line.number))
                return index + 1
            first, next_index = self.lines[following].text, following + 1
        if printed.is_run_in and re.match(r"^[A-Za-z](?:\s|[.)])", first):
            self.warnings.append(
                ImportWarning(
                    line.number,
                    f'the number and text run together ("{line.text[:20]}…"); read as paragraph '
                    f'{printed.number} starting "{first[:20]}…"',
                )
            )
        text, next_index = self._wrapped(first, self.lines[next_index - 1].text, next_index)
        is_subheading = text == collapse_space(first) and self._is_subheading(
            text, printed.number, next_index
        )
        self._check_number(printed, line.number)
        kind = "subheading" if is_subheading else "paragraph"
        item = BodyItem(kind, printed.number, text, line=line.number)
        self._add(item)
        self.open_paragraph = item if kind == "paragraph" else None
        return next_index

    def _read_section_line(self, index: int, printed: str, match: re.Match[str]) -> int:
        line = self.lines[index]
        heading = match.group("heading").strip()
        if not printed.isdigit():  # "A. PURPOSE", "IV. Numbers": read_section_line saw a heading
            self._start_section(printed, heading, line)
            return index + 1
        number = int(printed)
        following = index + 1
        is_wrapped = (
            following < self.end
            and not self.lines[following].is_blank
            and self._is_plain(self.lines[following].text)
            and self._continues(line.text, self.lines[following].text)
        )
        current = self.sections[-1] if self.sections else None
        comes_back = (
            self.last_section is not None and number <= self.last_section and current is not None
        )
        if is_heading_like(heading) and not is_wrapped and not (comes_back and current.items):
            self._start_section(printed, heading, line)
            return index + 1
        if is_heading_like(heading) and not is_wrapped:
            self.warnings.append(
                ImportWarning(
                    line.number,
                    f'"{line.text}" would be section {number} out of sequence, so it was kept as '
                    f"a numbered paragraph of section {current.number or '(unnumbered)'}",
                )
            )
        text, next_index = self._wrapped(heading, line.text, index + 1)
        if self.last_single is not None and number <= self.last_single:
            self._warn_sequence(str(number), str(self.last_single), line.number)
        self.last_single = number
        item = BodyItem("paragraph", str(number), text, line=line.number)
        self._add(item)
        self.open_paragraph = item
        return next_index

    def _read_plain(self, index: int, text: str) -> int:
        line = self.lines[index]
        if self.open_list is not None and not self.after_blank:
            bullet = self.open_list.bullets[-1]
            bullet.text = join_wrapped(bullet.text, text)
            return index + 1
        if self.open_paragraph is not None and not self.after_blank:
            if self._continues(self.previous_text, text):
                self.open_paragraph.text = join_wrapped(self.open_paragraph.text, text)
                return index + 1
        elif (
            self.open_paragraph is not None
            and text[:1].islower()
            and not ends_sentence(self.open_paragraph.text)
        ):
            self.open_paragraph.text = join_wrapped(self.open_paragraph.text, text)
            self.warnings.append(
                ImportWarning(line.number, "joined to the paragraph above across a blank line")
            )
            return index + 1
        if self.after_blank and is_in_capitals(text) and is_heading_like(text):
            self._close()
            self.sections.append(Section("", text, [], line=line.number))
            return index + 1
        if self.after_blank and self._stands_alone(index) and is_heading_like(text):
            self._add(BodyItem("heading", "", text, line=line.number))
            return index + 1
        item = BodyItem("paragraph", "", text, line=line.number)
        self._add(item)
        self.open_paragraph = item
        return index + 1

    def _add_bullet(self, line: PrintedLine, text: str) -> None:
        if self.open_list is not None and self.open_list.kind == "list":
            self._close()
        if self.open_list is None:
            self._add(BodyItem("bullets", line=line.number))
            self.open_list = self.sections[-1].items[-1]
            self.bullet_indents = []
        while self.bullet_indents and line.indent < self.bullet_indents[-1]:
            self.bullet_indents.pop()
        if not self.bullet_indents or line.indent > self.bullet_indents[-1]:
            self.bullet_indents.append(line.indent)
        self.open_list.bullets.append(Bullet(collapse_space(text), len(self.bullet_indents) - 1))

    def _start_section(self, number: str, heading: str, line: PrintedLine) -> None:
        self._close()
        scheme = section_scheme(number, self.section_scheme)
        key = section_key(number, scheme)
        if (
            self.last_section is not None
            and scheme == self.section_scheme
            and key <= self.last_section
        ):
            self._warn_sequence(f"section {number}", f"section {self.last_printed}", line.number)
        self.last_section, self.section_scheme, self.last_printed = key, scheme, number
        self.last_number = None
        self.last_single = None
        self.sections.append(Section(number, heading.strip(), [], line=line.number))

    def _section_key(self, section: Section) -> int:
        return section_key(section.number, section_scheme(section.number, self.section_scheme))

    def _add_list_item(self, line: PrintedLine, label: str, text: str) -> None:
        """'(a) later opening…': an item keeps its printed marker; its anchor is qualified by the
        numbered paragraph above it, so two paragraphs can each have an "(a)"."""
        if self.open_list is None or self.open_list.kind != "list":
            parent = list_parent(self.sections[-1] if self.sections else None)
            self._add(BodyItem("list", parent=parent, line=line.number))
            self.open_list = self.sections[-1].items[-1]
        self.open_list.bullets.append(marked_item(label, text, self.open_list.bullets))

    def _add(self, item: BodyItem) -> None:
        self._close()
        if not self.sections:
            self.sections.append(Section("", "", [], line=item.line))
        self.sections[-1].items.append(item)

    def keep_as_text(self, line_number: int, text: str) -> None:
        """Keep a line the importer could not place as an unnumbered paragraph at the end."""
        self._add(BodyItem("paragraph", "", collapse_space(text), line=line_number))

    def _close(self) -> None:
        self.open_paragraph = None
        self.open_list = None

    def _check_number(self, printed: PrintedNumber, line_number: int) -> None:
        section = self.sections[-1] if self.sections else None
        if section and section.number and printed.parts[0] != self._section_key(section):
            self.warnings.append(
                ImportWarning(
                    line_number,
                    f"paragraph {printed.number} is out of sequence: it is printed inside "
                    f"section {section.number}; kept as printed",
                )
            )
        elif self.last_number is not None and printed.parts <= self.last_number:
            last = ".".join(str(part) for part in self.last_number)
            self._warn_sequence(f"paragraph {printed.number}", last, line_number)
        self.last_number = printed.parts

    def _warn_sequence(self, what: str, last: str, line_number: int) -> None:
        self.warnings.append(
            ImportWarning(
                line_number, f"{what} is out of sequence: it follows {last}; kept as printed"
            )
        )

    def _is_in_sequence(self, parts: tuple[int, ...]) -> bool:
        section = self.sections[-1] if self.sections else None
        if section and section.number and parts[0] != self._section_key(section):
            return False
        return self.last_number is None or parts > self.last_number

    def _is_subheading(self, text: str, number: str, after: int) -> bool:
        if not is_heading_like(text):
            return False
        following = self._next_text_index(after)
        if following is None:
            return False
        line = self.lines[following]
        printed = read_printed_number(line.text)
        if printed:
            return printed.number.startswith(number + ".")
        if line.heading_level or read_section_line(line.text) or read_status(line.text):
            return False
        return not is_closing_label(line.text)

    def _wrapped(self, first: str, first_line: str, index: int) -> tuple[str, int]:
        """Join the lines that directly follow (no blank line) and continue the same paragraph."""
        text, previous = first, first_line
        while (
            index < self.end
            and not self.lines[index].is_blank
            and not self.lines[index].heading_level
            and self._is_plain(self.lines[index].text)
            and self._continues(previous, self.lines[index].text)
        ):
            previous = self._flatten(self.lines[index])
            text = join_wrapped(text, previous)
            index += 1
        return collapse_space(text), index

    def _continues(self, previous: str, following: str) -> bool:
        """Whether `following` is the next line of the paragraph ending with `previous`."""
        if following[:1].islower() or len(previous) >= 0.75 * self.wrap_width:
            return True
        words = previous.split()
        if previous.rstrip().endswith((",", "-", "–", "&")) or (
            words and words[-1].lower() in FUNCTION_WORDS
        ):
            return True
        printed = read_printed_number(previous)
        section = read_section_line(previous)
        heading = printed.text if printed else section.group("heading") if section else previous
        return not ends_sentence(previous) and not is_heading_like(heading)

    def _is_plain(self, text: str) -> bool:
        return not (
            read_printed_number(text)
            or read_section_line(text)
            or BULLET_LINE.match(text)
            or LIST_MARKER.match(text)
            or (LABEL_LINE.match(text) and len(text.split()) <= 6)
            or read_status(text)
            or is_closing_label(text)
        )

    def _stands_alone(self, index: int) -> bool:
        """A short line between blank lines, followed by a paragraph: a heading."""
        following = self._next_text_index(index + 1)
        return (
            len(self.lines[index].text.split()) <= MAX_UNNUMBERED_HEADING_WORDS
            and index + 1 < self.end
            and self.lines[index + 1].is_blank
            and following is not None
            and self._is_plain(self.lines[following].text)
            and ends_sentence(self.lines[following].text)
        )

    def _next_text_index(self, start: int) -> int | None:
        for index in range(start, self.end):
            if not self.lines[index].is_blank:
                return index
        return None
