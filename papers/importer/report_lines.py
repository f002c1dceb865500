"""How a report's lines are read: section lines ("1. Introduction"), numbered paragraphs
("2.2.1 …", run in or not), bullets, lettered items, labels, and what reads as a heading."""

import re
from dataclasses import dataclass

from .lines import ends_sentence

SECTION_LINE = re.compile(
    r"^(?:[-•*–]\s+)?(?P<number>\d{1,2})(?:(?P<dot>[.)])(?!\d)\s*|\s+)(?P<heading>[A-Za-z(‘'\"“].*)$"
)
NUMBERED_LINE = re.compile(
    r"^(?:[-•*–]\s+)?(?P<number>\d{1,2}(?:\.\d{1,3})+)(?:[.)](?!\d))?(?P<gap>\s*)(?P<text>.*)$"
)
BULLET_LINE = re.compile(r"^(?P<marker>[•◦▪●○■□➢‣·*–—-])\s+(?P<text>\S.*)$")
LETTERED_LINE = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4})\)\s+\S")
LABEL_LINE = re.compile(r"^(?P<label>[A-Z][^:]{0,48}?)\s*:$")
FUNCTION_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or"}
FUNCTION_WORDS |= {"the", "to", "with", "which", "that", "is", "are", "be", "will"}
MAX_HEADING_WORDS = 12


@dataclass(frozen=True)
class PrintedNumber:
    """A paragraph number as printed ("2.2.1") and the text after it."""

    number: str
    text: str
    is_run_in: bool

    @property
    def parts(self) -> tuple[int, ...]:
        return number_parts(self.number)


def number_parts(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def read_printed_number(text: str) -> PrintedNumber | None:
    """'2.2.1 RBKC officers…' or the run-in '2.7The…' -> its number and text; None otherwise."""
    match = NUMBERED_LINE.match(text)
    if not match:
        return None
    rest = match.group("text")
    is_run_in = bool(rest) and not match.group("gap")
    if is_run_in and not (rest[0].isalpha() or rest[0] in "‘'\"“("):
        return None
    return PrintedNumber(match.group("number"), rest.strip(), is_run_in)


def read_section_line(text: str) -> re.Match[str] | None:
    """'1. Introduction', '2.Inclusive', '1 INTRODUCTION' or a single-number paragraph '1. That…'.

    Without a full stop after the number the line must read as a heading, so that a sentence
    such as "10 people attended" is not taken for paragraph 10.
    """
    match = SECTION_LINE.match(text)
    if match and (match.group("dot") or is_heading_like(match.group("heading"))):
        return match
    return None


def is_heading_like(text: str) -> bool:
    """A short line with no final full stop that starts with a capital: a heading."""
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or len(text) > 90:
        return False
    first_letter = next((c for c in text if c.isalpha()), "")
    return (
        first_letter.isupper()
        and not ends_sentence(text)
        and not text.rstrip().endswith((",", "-", "–", "&"))
        and words[-1].lower() not in FUNCTION_WORDS
    )
