"""Whether a printed line is a heading, and a section line in any numbering scheme."""

import re

from .closing import is_closing_label
from .lines import PrintedLine, ends_sentence
from .schemes import SECTION_LINE, read_printed_number

FUNCTION_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or"}
FUNCTION_WORDS |= {"the", "to", "with", "which", "that", "is", "are", "be", "will"}
MAX_HEADING_WORDS = 12


def read_section_line(text: str) -> re.Match[str] | None:
    """'1. Introduction', '2.Inclusive', '1 INTRODUCTION' or a single-number paragraph '1. That…'.

    Without a full stop after the number the line must read as a heading, so that a sentence
    such as "10 people attended" is not taken for paragraph 10.
    """
    match = SECTION_LINE.match(text)
    if not match or not (match.group("dot") or is_heading_like(match.group("heading"))):
        return None
    if not match.group("number").isdigit() and not is_heading_like(match.group("heading")):
        return None  # "A." or "IV." opens a section only as a heading
    return match


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


def is_report_body_start(lines: list[PrintedLine], index: int) -> bool:
    line = lines[index]
    text = line.text
    if read_printed_number(text) or is_closing_label(text) or line.is_table_row:
        return True
    if line.heading_level >= 2:
        return True
    section = read_section_line(text)
    return bool(section) and is_heading_like(section.group("heading"))
