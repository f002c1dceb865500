"""The heading of a paper: partnership, meeting date, title, author, purpose and status."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from papers.exceptions import PaperFormatError

from .dates import read_meeting_line
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
MAX_TITLE_WORDS = 25


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
) -> HeaderReading:
    """Read header lines until `is_body_start` says the body begins; refuse unplaceable text."""
    reading = HeaderReading(PaperHeader(), len(lines))
    header = reading.header
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.is_blank or index in skip:
            index += 1
            continue
        text = line.text
        partnership = PARTNERSHIP_LINE.match(text)
        meeting = None if partnership else read_meeting_line(text)
        if partnership and not header.partnership:
            header.partnership = collapse_space(partnership.group("name"))
            rest = partnership.group("rest").strip()
            if rest and not header.title:
                header.title = rest
            index += 1
            continue
        if meeting and header.meeting_date is None:
            header.meeting_date, header.group = meeting.meeting_date, meeting.group
            index += 1
            continue
        if record_status(header, line, reading.warnings):
            index += 1
            continue
        if is_body_start(index):
            reading.end = index
            break
        index = _read_header_line(lines, index, reading, is_body_start)
    if not header.title:
        raise PaperFormatError(
            "no title was found in the heading of the paper (expected a line in capitals or the "
            "first line after the partnership name and date)",
            code="no_title",
        )
    return reading


def _read_header_line(
    lines: list[PrintedLine],
    index: int,
    reading: HeaderReading,
    is_body_start: Callable[[int], bool],
) -> int:
    """Place one header line (or paragraph); return the index of the next unread line."""
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
            raise PaperFormatError("the Purpose label has no text after it", line=line.number)
        header.purpose, end = _paragraph(lines, following, lines[following].text, is_body_start)
        return end
    if _PURPOSE_SENTENCE.match(text) and not header.purpose:
        header.purpose, end = _paragraph(lines, index, text, is_body_start)
        return end
    if not header.title and (line.heading_level or looks_like_title(text)):
        return _read_title(lines, index, header)
    if header.title and not header.purpose and not line.heading_level:
        header.purpose, end = _paragraph(lines, index, text, is_body_start)
        reading.warnings.append(
            ImportWarning(line.number, "this paragraph in the heading was taken as the purpose")
        )
        return end
    raise PaperFormatError(
        f'"{_shorten(text)}" in the heading of the paper is not the partnership, meeting date, '
        "title, author, purpose or status",
        line=line.number,
    )


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


def _shorten(text: str, length: int = 60) -> str:
    text = collapse_space(text)
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
