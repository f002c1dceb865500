"""Paragraph numbering for papers: pure functions over StreamField raw data, no database.

Editors never type "2.2.1". One pass over a paper's structure fills every blank number:
sections 1, 2, 3; paragraphs and numbered subheadings N.1, N.2; paragraphs under a numbered
subheading N.M.1, N.M.2. Labels ("Actions:"), unnumbered text and bullet lists are skipped.

A number that is already there (printed in an imported paper, typed by an editor, or frozen
when the paper was first published) is never changed, and gaps are kept. A blank paragraph
takes the number after the one before it unless that number is already used; then it takes a
letter suffix ("2.1a", then "2.1b"), so a paragraph inserted into a published paper never
renumbers the paragraphs after it and every anchor (``#para-2-2-1``) keeps pointing at the
same text.

Until a paper is first published, the numbers the pass filled in itself (``auto_numbers``:
block id -> number) are recomputed on each save, so drafting stays free; an automatic number
the editor has since changed by hand counts as typed.
"""

import copy
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

_COMPONENT = re.compile(r"^(?P<digits>\d+)(?P<letters>[a-z]*)$")

# Block types inside a report section that carry a number at paragraph level.
PARAGRAPH = "paragraph"
SUBHEADING = "subheading"


@dataclass
class Numbered:
    """The result of a numbering pass: the new raw data and the numbers it filled in."""

    blocks: list
    auto_numbers: dict[str, str] = field(default_factory=dict)


def anchor_for(number: str, prefix: str = "para") -> str:
    """The fragment id of a numbered paragraph: "2.2.1" -> "para-2-2-1"."""
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", number.strip()).strip("-")  # "A1" and "a1" differ
    return f"{prefix}-{cleaned}" if cleaned else ""


def next_number(previous: str | None, scope: str, taken: set[str]) -> str:
    """The number for a blank block after `previous` within `scope` ("" for top level, "2"
    for paragraphs of section 2), never one in `taken`."""
    if previous is None:
        candidate = f"{scope}.1" if scope else "1"
        if candidate not in taken:
            return candidate
        previous = f"{scope}.0" if scope else "0"
        if previous not in taken:
            return previous
        return _first_free_suffix(previous, taken)
    candidate = _increment(previous)
    if candidate is not None and candidate not in taken:
        return candidate
    return _first_free_suffix(previous, taken)


def _increment(number: str) -> str | None:
    head, _, last = number.rpartition(".")
    match = _COMPONENT.match(last)
    if not match:
        return None
    bumped = str(int(match["digits"]) + 1)
    return f"{head}.{bumped}" if head else bumped


def _first_free_suffix(number: str, taken: set[str]) -> str:
    candidate = _bump_suffix(number)
    while candidate in taken:
        candidate = _bump_suffix(candidate)
    return candidate


def _bump_suffix(number: str) -> str:
    """ "2.1" -> "2.1a", "2.1a" -> "2.1b", "2.1z" -> "2.1za"."""
    head, _, last = number.rpartition(".")
    match = _COMPONENT.match(last)
    if not match or not match["letters"]:
        return number + "a"
    letters = match["letters"]
    bumped = letters + "a" if letters[-1] == "z" else letters[:-1] + chr(ord(letters[-1]) + 1)
    last = match["digits"] + bumped
    return f"{head}.{last}" if head else last


def _depth(number: str) -> int:
    return number.count(".")


def _clear_unchanged_auto_numbers(values: Iterable[tuple[str, dict]], auto: Mapping) -> None:
    for block_id, value in values:
        if block_id in auto and value.get("number", "") == auto[block_id]:
            value["number"] = ""


def _report_numbered_values(sections: list) -> Iterable[tuple[str, dict]]:
    for section in sections:
        yield section.get("id", ""), section["value"]
        for item in section["value"].get("content") or []:
            if item["type"] in (PARAGRAPH, SUBHEADING):
                yield item.get("id", ""), item["value"]


def number_report(sections: list, *, frozen: bool, auto_numbers: Mapping | None = None) -> Numbered:
    """Fill the blank numbers of a report body (raw data of sections with `content`)."""
    sections = copy.deepcopy(list(sections))
    if not frozen:
        _clear_unchanged_auto_numbers(_report_numbered_values(sections), auto_numbers or {})
    taken_sections = {
        s["value"].get("number", "") for s in sections if s["value"].get("number", "")
    }
    taken = {
        item["value"].get("number", "")
        for section in sections
        for item in section["value"].get("content") or []
        if item["type"] in (PARAGRAPH, SUBHEADING) and item["value"].get("number", "")
    }
    filled: dict[str, str] = {}

    def fill(block: dict, previous: str | None, scope: str, pool: set[str]) -> str:
        value = block["value"]
        number = (value.get("number") or "").strip()
        if not number and value.get("is_unnumbered"):
            return previous or ""  # a heading the paper printed without a number stays so
        if not number:
            number = next_number(previous, scope, pool)
            value["number"] = number
            filled[block.get("id", "")] = number
            pool.add(number)
        return number

    previous_section = None
    for section in sections:
        section_number = fill(section, previous_section, "", taken_sections)
        previous_section = section_number
        previous_paragraph = None
        subheading = None
        previous_sub = None
        for item in section["value"].get("content") or []:
            value = item["value"]
            printed = (value.get("number") or "").strip()
            if item["type"] == SUBHEADING and value.get("unnumbered") and not printed:
                continue  # printed without a number: it stays so, and numbers nothing under it
            if item["type"] == SUBHEADING:
                previous_paragraph = fill(item, previous_paragraph, section_number, taken)
                subheading, previous_sub = previous_paragraph, None
            elif item["type"] == PARAGRAPH:
                if subheading and printed and _depth(printed) <= _depth(subheading):
                    subheading = None  # a printed paragraph at the upper level ends the run
                if subheading:
                    previous_sub = fill(item, previous_sub, subheading, taken)
                else:
                    previous_paragraph = fill(item, previous_paragraph, section_number, taken)
    filled.pop("", None)
    return Numbered(sections, {} if frozen else filled)


def number_sequence(
    blocks: list, *, frozen: bool, auto_numbers: Mapping | None = None, scope: str = ""
) -> Numbered:
    """Fill the blank numbers of a flat list of numbered blocks (action plan sections,
    objectives, minute items): 1, 2, 3, keeping printed numbers and gaps."""
    blocks = copy.deepcopy(list(blocks))
    if not frozen:
        _clear_unchanged_auto_numbers(
            ((b.get("id", ""), b["value"]) for b in blocks), auto_numbers or {}
        )
    taken = {b["value"].get("number", "") for b in blocks if b["value"].get("number", "")}
    filled: dict[str, str] = {}
    previous = None
    for block in blocks:
        number = (block["value"].get("number") or "").strip()
        if not number:
            number = next_number(previous, scope, taken)
            block["value"]["number"] = number
            filled[block.get("id", "")] = number
            taken.add(number)
        previous = number
    filled.pop("", None)
    return Numbered(blocks, {} if frozen else filled)


def report_duplicate_numbers(sections: list) -> list[str]:
    """Numbers used twice in a report: section numbers among sections, paragraph numbers among
    paragraphs and subheadings (their anchors would collide)."""
    section_numbers = Counter(
        s["value"].get("number", "") for s in sections if s["value"].get("number", "")
    )
    paragraph_numbers = Counter(
        item["value"].get("number", "")
        for s in sections
        for item in s["value"].get("content") or []
        if item["type"] in (PARAGRAPH, SUBHEADING) and item["value"].get("number", "")
    )
    return sorted(
        {n for n, c in section_numbers.items() if c > 1}
        | {n for n, c in paragraph_numbers.items() if c > 1}
    )


def sequence_duplicate_numbers(blocks: list) -> list[str]:
    counts = Counter(b["value"].get("number", "") for b in blocks if b["value"].get("number", ""))
    return sorted(n for n, c in counts.items() if c > 1)
