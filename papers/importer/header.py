"""The heading of a paper: partnership, meeting date, title, author, purpose and status."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .dates import as_group_name, find_printed_date, read_meeting_line
from .lines import PrintedLine, collapse_space, ends_sentence, join_wrapped
from .parsed import ImportWarning, PaperHeader

PARTNERSHIP_LINE = re.compile(
    r"^(?P<name>(?:the\s+)?kensington\s+(?:and|&)\s+chelsea\s+partnership)\b[\s:,–—-]*(?P<rest>.*)$",
    re.IGNORECASE,
)
_STATUS_WORDS = {
    "approval": "for_approval",
    "approve": "for_approval",
    "information": "for_information",
    "info": "for_information",
    "decision": "for_decision",
    "discussion": "for_discussion",
    "comment": "for_comment",
    "comments": "for_comment",
    "noting": "for_noting",
    "note": "for_noting",
}
_STATUS_LINE = re.compile(
    r"^(?:(?:status|recommendation|action(?:\s+required)?)\s*:\s*)?(?:(?:paper|report|item)\s+)?"
    r"for\s+(?P<word>approval|approve|information|info|decision|discussion|comments?|noting|note)\b"
    r"(?:\s*(?:,|and|&|/)\s*(?:approval|information|decision|discussion|comments?|noting))*"
    r"\s*\.?$",
    re.IGNORECASE,
)
_AUTHOR_LINE = re.compile(r"^(?:a\s+)?report\s+(?:of|by|from)\s+(?:the\s+)?(?P<author>.+)$", re.I)
_AGENDA_ITEM = re.compile(r"^(?:agenda\s+)?item\s+(?:no\.?\s*)?(?P<item>\d{1,2}[a-z]?)\.?$", re.I)
_PURPOSE_LABEL = re.compile(
    r"^(?:summary\s+and\s+)?purpose(?:\s+of\s+(?:the|this)\s+(?:report|paper))?\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_PURPOSE_SENTENCE = re.compile(
    r"^(?:this\s+(?:paper|report|note|item)\b|the\s+purpose\s+of\s+this\s+(?:paper|report)\b)",
    re.IGNORECASE,
)
_GROUP_NAME = re.compile(
    r"^(?P<group>(?:the\s+)?(?:kcp\s+|partnership\s+)?[A-Za-z][A-Za-z&'’ -]{0,60}?"
    r"\b(?:group|sub[- ]?group|board|forum|committee|executive|partnership|panel|network))"
    r"(?:\s+meeting)?(?:\s+(?:held\s+)?(?:on|of))?$",
    re.IGNORECASE,
)
_PARTNERSHIP_SHORT_NAME = re.compile(r"^(?:the\s+)?(?:kcp|k\s*&\s*c\s+partnership)$", re.I)
_MEETING_WORDS = re.compile(r"^(?:(?:meeting|held|on|of|date|dated)\s*)+:?$", re.IGNORECASE)
_FACT_SEPARATORS = re.compile(r"\s+[–—|-]+\s+|\s*[–—|]\s*|,\s+|:\s+")
MAX_TITLE_WORDS = 25
MAX_GROUP_WORDS = 7


@dataclass
class HeadingFacts:
    """The facts one heading line prints: "KCP – STEERING GROUP – 19TH JUNE 2002"."""

    partnership: str = ""
    group: str = ""
    meeting_date: date | None = None
    status: tuple[str, str] | None = None
    title: str = ""


def read_group_name(text: str) -> str:
    """'STEERING GROUP' or 'Steering Group meeting' -> 'Steering Group'; '' if not a group."""
    match = _GROUP_NAME.match(text.strip(" .:"))
    if not match or len(match.group("group").split()) > MAX_GROUP_WORDS:
        return ""
    return as_group_name(match.group("group").removeprefix("the ").removeprefix("The "))


def read_heading_facts(text: str) -> HeadingFacts | None:
    """Split a heading line into the partnership, group, meeting date, status and at most one
    other part (the title, when the line names the partnership or group). None if the line
    is not made of such facts."""
    facts = HeadingFacts()
    rest = text.strip()
    printed_date = find_printed_date(rest)
    if printed_date is not None:
        before = rest[: printed_date.start].rstrip()
        after = rest[printed_date.end :].lstrip()
        if not _ends_a_part(before) or not _starts_a_part(after):
            return None
        facts.meeting_date = printed_date.value
        rest = f"{before} – {after}" if after else before
    parts = [part.strip(" .,;:–—-|") for part in _FACT_SEPARATORS.split(rest)]
    unknown = []
    for part in filter(None, parts):
        partnership = PARTNERSHIP_LINE.match(part)
        if partnership and not facts.partnership:
            facts.partnership = collapse_space(partnership.group("name"))
            remainder = partnership.group("rest").strip()
            if remainder:
                group = read_group_name(remainder)
                if group and not facts.group:
                    facts.group = group
                else:
                    unknown.append(remainder)
            continue
        if _MEETING_WORDS.match(part):
            continue
        if _PARTNERSHIP_SHORT_NAME.match(part) and not facts.partnership:
            facts.partnership = part
            continue
        group = read_group_name(part)
        if group and not facts.group:
            facts.group = group
            continue
        status = read_status(part)
        if status and facts.status is None:
            facts.status = status
            continue
        unknown.append(part)
    named = facts.partnership or facts.group
    if not unknown:
        return facts if (named or facts.meeting_date or facts.status) else None
    if len(unknown) == 1 and named and (facts.meeting_date or len(parts) == 1 or facts.group):
        facts.title = unknown[0]
        return facts
    return None


def _ends_a_part(before: str) -> bool:
    return (
        not before
        or before[-1] in "–—-|,:("
        or bool(_MEETING_WORDS.search(before.split()[-1]))
        or bool(re.search(r"\b(?:meeting|held|on|of|date|dated)\s*:?$", before, re.I))
    )


def _starts_a_part(after: str) -> bool:
    return not after or after[0] in "–—-|,:)"


@dataclass
class HeaderReading:
    """The header as read, and the index of the first line of the paper's body."""

    header: PaperHeader
    end: int
    warnings: list[ImportWarning] = field(default_factory=list)


def read_status(text: str) -> tuple[str, str] | None:
    """("for_approval", "FOR APPROVAL") for a line that is only a status, else None."""
    match = _STATUS_LINE.match(text.strip())
    if not match:
        return None
    return _STATUS_WORDS[match.group("word").lower()], text.strip()


def record_status(header: PaperHeader, line: PrintedLine, warnings: list[ImportWarning]) -> bool:
    """Record a status line once; warn when a later one disagrees. False if not a status line."""
    status = read_status(line.text)
    if status is None:
        return False
    normalised, printed = status
    if not header.status:
        header.status, header.status_as_printed = normalised, printed
    elif header.status != normalised:
        warnings.append(
            ImportWarning(
                line.number,
                f'the status "{printed}" disagrees with "{header.status_as_printed}" printed '
                "earlier; the first is kept",
            )
        )
    return True


def is_in_capitals(text: str) -> bool:
    letters = [character for character in text if character.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def looks_like_title(text: str) -> bool:
    words = text.split()
    if not words or len(words) > MAX_TITLE_WORDS or not any(c.isalpha() for c in text):
        return False
    return is_in_capitals(text) or not (ends_sentence(text) and len(words) > 12)


def read_header(
    lines: list[PrintedLine],
    *,
    is_body_start: Callable[[int], bool],
    skip: frozenset[int] = frozenset(),
    is_body_start_after_title: Callable[[int], bool] | None = None,
) -> HeaderReading:
    """Read header lines until the body begins. Never refuses: a line that is no fact of the
    heading becomes the purpose (with a warning) or, once there is a purpose, starts the body.
    `is_body_start_after_title` names lines that start the body only once a title is found."""
    reading = HeaderReading(PaperHeader(), len(lines))
    header = reading.header
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.is_blank or index in skip:
            index += 1
            continue
        if _is_title_heading(line, header):
            index = _read_title(lines, index, header)
            continue
        if _record_heading_facts(header, line, reading.warnings):
            index += 1
            continue
        if is_body_start(index) or (
            header.title and is_body_start_after_title and is_body_start_after_title(index)
        ):
            reading.end = index
            return reading
        next_index = _read_header_line(lines, index, reading, is_body_start)
        if next_index is None:
            reading.end = index
            return reading
        index = next_index
    return reading


def _is_title_heading(line: PrintedLine, header: PaperHeader) -> bool:
    """A Markdown heading before any title is the title, unless it is numbered or a fact."""
    return (
        not header.title
        and line.heading_level > 0
        and not line.text[:1].isdigit()
        and looks_like_title(line.text)
        and read_heading_facts(line.text) is None
    )


def _record_heading_facts(
    header: PaperHeader, line: PrintedLine, warnings: list[ImportWarning]
) -> bool:
    """Record the partnership, group, date, status (and a title printed with them) of a line
    made of those facts; False if the line is something else."""
    if record_status(header, line, warnings):
        return True
    facts = read_heading_facts(line.text)
    if facts is None or _contradicts(header, facts):
        return False
    is_new = (
        (facts.partnership and not header.partnership)
        or (facts.group and not header.group)
        or (facts.meeting_date and header.meeting_date is None)
        or (facts.status and not header.status)
        or (facts.title and not header.title)
    )
    if not is_new:
        return _repeats(header, facts)
    header.partnership = header.partnership or facts.partnership
    if facts.meeting_date and header.meeting_date is None:
        header.meeting_date = facts.meeting_date
    header.group = header.group or facts.group
    if facts.status and not header.status:
        header.status, header.status_as_printed = facts.status
    if facts.title and not header.title:
        header.title = facts.title
    return True


def _contradicts(header: PaperHeader, facts: HeadingFacts) -> bool:
    """A second date, status or title on a heading line is not the paper's: kept as text."""
    return bool(
        (facts.meeting_date and header.meeting_date and facts.meeting_date != header.meeting_date)
        or (facts.status and header.status and facts.status[0] != header.status)
        or (facts.title and header.title and facts.title != header.title)
    )


def _repeats(header: PaperHeader, facts: HeadingFacts) -> bool:
    """Whether a heading line only prints again facts already read (the page shows them once);
    a line that says something else is kept as text."""
    return (
        (not facts.partnership or facts.partnership.lower() == header.partnership.lower())
        and (not facts.group or facts.group == header.group)
        and (not facts.meeting_date or facts.meeting_date == header.meeting_date)
        and (not facts.status or facts.status[0] == header.status)
        and (not facts.title or facts.title == header.title)
    )


def _read_header_line(
    lines: list[PrintedLine],
    index: int,
    reading: HeaderReading,
    is_body_start: Callable[[int], bool],
) -> int | None:
    """Place one header line (or paragraph); return the index of the next unread line, or
    None when the line belongs to the body."""
    header = reading.header
    line = lines[index]
    text = line.text
    author = _AUTHOR_LINE.match(text)
    if author and not header.author and not ends_sentence(text):
        header.author, header.author_as_printed = author.group("author").strip(), text
        return index + 1
    agenda_item = _AGENDA_ITEM.match(text)
    if agenda_item and not header.agenda_item:
        header.agenda_item = agenda_item.group("item")
        return index + 1
    purpose_label = _PURPOSE_LABEL.match(text)
    if purpose_label and not header.purpose:
        rest = purpose_label.group("rest").strip()
        if rest:
            header.purpose, end = _paragraph(lines, index, rest, is_body_start)
            return end
        following = _next_text_line(lines, index + 1)
        if following is None or is_body_start(following):
            reading.warnings.append(
                ImportWarning(line.number, "the Purpose label has no text after it")
            )
            return index + 1
        header.purpose, end = _paragraph(lines, following, lines[following].text, is_body_start)
        return end
    if _PURPOSE_SENTENCE.match(text) and not header.purpose:
        header.purpose, end = _paragraph(lines, index, text, is_body_start)
        return end
    if not header.title and (line.heading_level or looks_like_title(text)):
        return _read_title(lines, index, header)
    if not header.purpose and not line.heading_level:
        header.purpose, end = _paragraph(lines, index, text, is_body_start)
        header.guessed.add("purpose")
        reading.warnings.append(
            ImportWarning(line.number, "this paragraph in the heading was taken as the purpose")
        )
        return end
    return None


def _read_title(lines: list[PrintedLine], index: int, header: PaperHeader) -> int:
    """A title, joined with the next lines when a title in capitals wraps onto them."""
    title = lines[index].text
    end = index + 1
    while (
        end < len(lines)
        and not lines[end].is_blank
        and is_in_capitals(title)
        and is_in_capitals(lines[end].text)
        and read_status(lines[end].text) is None
        and read_meeting_line(lines[end].text) is None
        and not _AUTHOR_LINE.match(lines[end].text)
    ):
        title = join_wrapped(title, lines[end].text)
        end += 1
    header.title = title
    return end


def _paragraph(
    lines: list[PrintedLine], index: int, first: str, is_body_start: Callable[[int], bool]
) -> tuple[str, int]:
    """A paragraph starting at `index` and running on until a blank line."""
    text = first
    end = index + 1
    while (
        end < len(lines)
        and not lines[end].is_blank
        and not is_body_start(end)
        and read_status(lines[end].text) is None
    ):
        text = join_wrapped(text, lines[end].text)
        end += 1
    return collapse_space(text), end


def _next_text_line(lines: list[PrintedLine], start: int) -> int | None:
    for index in range(start, len(lines)):
        if not lines[index].is_blank:
            return index
    return None
