"""Numbering schemes as papers print them: arabic (1, 1.1, 1.1.1), lettered (A, A1, A.1,
A.1.1), roman (I, II, III) and the list markers (a), (i). Each printed number is kept as
printed; these functions only say where it sits in its scheme, so the reader can tell a new
section from a paragraph and notice a number out of sequence.

The pass never fills in a scheme it cannot continue: "(i)" after "(h)" is the next letter,
not a roman numeral, and "I" after "H" is section I, not section 1.
"""

import re
from dataclasses import dataclass

SECTION_LINE = re.compile(
    r"^(?:[-•*–]\s+)?(?P<number>\d{1,2}|[IVX]{1,6}(?=\.)|[A-Z](?=\.))"
    r"(?:(?P<dot>[.)])(?!\d)\s*|\s+)(?P<heading>[A-Za-z(‘'\"“].*)$"
)
NUMBERED_LINE = re.compile(
    r"^(?:[-•*–]\s+)?(?P<number>\d{1,2}(?:\.\d{1,3})+|[A-Z]\.?\d{1,2}(?:\.\d{1,3})*(?=[.)]?\s))"
    r"(?:[.)](?!\d))?(?P<gap>\s*)(?P<text>.*)$"
)
LIST_MARKER = re.compile(r"^\(?(?P<label>[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)\s+(?P<text>\S.*)$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN = re.compile(r"^(?=[IVXLC])X{0,3}(?:IX|IV|V?I{0,3})$|^XL$|^L$", re.IGNORECASE)


@dataclass(frozen=True)
class PrintedNumber:
    """A paragraph number as printed ("2.2.1", "A1", "C.1.1") and the text after it."""

    number: str
    text: str
    is_run_in: bool

    @property
    def parts(self) -> tuple[int, ...]:
        return number_parts(self.number)


def roman_value(text: str) -> int | None:
    """'iv' -> 4; None when the text is not a roman numeral."""
    if not text or not _ROMAN.match(text):
        return None
    values = [_ROMAN_VALUES[c] for c in text.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def letter_value(text: str) -> int:
    """'A' -> 1, 'b' -> 2; 'aa' -> 27 (the letter after z in long lists)."""
    value = 0
    for character in text.upper():
        value = value * 26 + ord(character) - 64
    return value


def part_key(part: str, scheme: str = "") -> int:
    """Where one part of a printed number sits in its scheme ('3' -> 3, 'C' -> 3, 'III' -> 3)."""
    if part.isdigit():
        return int(part)
    if scheme == "roman" or (scheme != "letter" and len(part) > 1 and roman_value(part)):
        return roman_value(part) or 0
    return letter_value(part)


def number_parts(number: str) -> tuple[int, ...]:
    """'2.2.1' -> (2, 2, 1); 'A1' and 'A.1' -> (1, 1); 'C.1.1' -> (3, 1, 1)."""
    parts = re.findall(r"\d+|[A-Za-z]+", number)
    return tuple(part_key(part, "letter") for part in parts)


def section_scheme(number: str, previous_scheme: str) -> str:
    """The scheme of a section number: 'arabic', 'letter' or 'roman'. "I" opens a roman scheme
    unless letters came before it; "II" is roman; "B" is a letter."""
    if number.isdigit():
        return "arabic"
    if previous_scheme == "letter" and len(number) == 1:
        return "letter"
    if roman_value(number) and (len(number) > 1 or number == "I"):
        return "roman"
    return "letter"


def section_key(number: str, scheme: str) -> int:
    return part_key(number, scheme)


def read_printed_number(text: str) -> PrintedNumber | None:
    """'2.2.1 RBKC officers…', 'A1 This…' or the run-in '2.7The…' -> its number and text."""
    match = NUMBERED_LINE.match(text)
    if not match:
        return None
    rest = match.group("text")
    is_run_in = bool(rest) and not match.group("gap")
    if is_run_in and not (rest[0].isalpha() or rest[0] in "‘'\"“("):
        return None
    return PrintedNumber(match.group("number"), rest.strip(), is_run_in)


def list_item_scheme(label: str, previous: tuple[str, str] | None) -> str:
    """'letter', 'roman' or 'arabic' for a list marker, given the (label, scheme) before it in
    the same list: "(i)" after "(h)" continues the letters; "(ii)" after "(i)" is roman."""
    if label.isdigit():
        return "arabic"
    if previous is not None:
        last_label, last_scheme = previous
        if last_scheme == "letter" and letter_value(label) == letter_value(last_label) + 1:
            return "letter"
        if last_scheme == "roman" and roman_value(label) == (roman_value(last_label) or 0) + 1:
            return "roman"
        if last_scheme == "letter" and roman_value(label) == 1 and label == "i":
            return "letter" if last_label == "h" else "roman"
    return (
        "roman"
        if roman_value(label)
        and label in ("i", "ii", "iii", "iv", "v")
        and (previous is None or previous[1] != "letter")
        else "letter"
    )


def qualified_anchor_number(parent: str, label: str) -> str:
    """The number a list item's anchor is made from: its paragraph's number, then its own
    label, so two paragraphs can each have an "(a)": ("B1", "(a)") -> "B1-a"."""
    own = label.strip("()")
    return f"{parent}-{own}" if parent else own
