"""The foot of a paper: signatory, contact officer, background papers and annexes."""

import re
from dataclasses import dataclass, field

from .contacts import CONTACT_LABEL, JOB_WORDS, is_name, officers_on_one_line, read_contacts
from .header import read_status, record_status
from .lines import PrintedLine, ends_sentence
from .parsed import ContactOfficer, ImportWarning, PaperHeader

BACKGROUND_LABEL = re.compile(
    r"^(?:(?:local\s+government\s+act\s+1972\s*[–—:-]?\s*)?(?:list\s+of\s+)?background\s+papers?"
    r"\b[^:]{0,80}:|the\s+following\s+background\s+papers?\b[^:]{0,80}:"
    r"|(?:local\s+government\s+act\s+1972\s*[–—:-]?\s*)?(?:list\s+of\s+)?background\s+papers?\s*$"
    r"|no\s+background\s+papers\s+were\s+used\b[^:]{0,80}?\.?$)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
SIGNED_LABEL = re.compile(r"^signed\b(?:\s+by)?\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
ANNEX_LINE = re.compile(
    r"^(?:[-•*]\s*)?(?P<word>(?i:annex|appendix))\s+(?P<ref>[A-Z]|\d{1,2})\b\s*[:.,;–—-]?\s*"
    r"(?P<title>.*)$"
)
ANNEXES_LABEL = re.compile(r"^(?:annexes|appendices|attachments|annex|appendix)\s*:\s*$", re.I)
ANNEX_REFERENCE = re.compile(
    r"\b(?P<word>(?i:annex(?:es)?|appendix|appendices))\s+"
    r"(?P<refs>(?:[A-Z]|\d{1,2})\b(?:\s*(?:,|and|&)\s*(?:[A-Z]|\d{1,2})\b)*)"
)
_NONE = re.compile(
    r"^(?:none|nil|n/?a|no background papers(?:\s+were\s+used\b.*)?"
    r"|there\s+are\s+(?:none|no\s+background\s+papers)|none\s+were\s+used)\.?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[-•*–]|\d{1,2}[.)])\s+")


@dataclass
class Closing:
    """Everything found from the signatory or contact block to the end of the paper."""

    signatory: str = ""
    signatory_title: str = ""
    contact: ContactOfficer | None = None
    background_papers: list[str] = field(default_factory=list)
    annex_titles: dict[str, str] = field(default_factory=dict)
    unplaced: list[tuple[int, str]] = field(default_factory=list)
    other_contacts: list[ContactOfficer] = field(default_factory=list)


def is_closing_label(text: str) -> bool:
    return bool(CONTACT_LABEL.match(text) or BACKGROUND_LABEL.match(text))


def _ends_contact_block(text: str) -> bool:
    return is_closing_label(text) or bool(ANNEX_LINE.match(text) or ANNEXES_LABEL.match(text))


def annex_references(text: str) -> list[str]:
    """Every annex or appendix named in the text: "attached at Annexes A and B" -> both."""
    found = []
    for match in ANNEX_REFERENCE.finditer(text):
        word = "Appendix" if match.group("word").lower().startswith("append") else "Annex"
        found.extend(f"{word} {ref}" for ref in re.findall(r"[A-Z]|\d{1,2}", match.group("refs")))
    return found


def find_signatory(lines: list[PrintedLine], start: int, end: int) -> tuple[int, str, str] | None:
    """A name (and job title) printed just above the contact block: (first index, name, title)."""
    candidates: list[int] = []
    index = end - 1
    while index >= start and len(candidates) < 4:
        line = lines[index]
        index -= 1
        if line.is_blank:
            continue
        text = line.text
        if SIGNED_LABEL.match(text):
            candidates.insert(0, index + 1)
            break
        if (
            ends_sentence(text)
            or len(text.split()) > 10
            or _BULLET.match(text)
            or text[:1].isdigit()
            or read_status(text)
        ):
            break
        candidates.insert(0, index + 1)
    signed = SIGNED_LABEL.match(lines[candidates[0]].text) if candidates else None
    if signed:
        texts = [lines[i].text for i in candidates[1:]]
        if signed.group("rest").strip():
            texts.insert(0, signed.group("rest").strip())
        if not texts:
            return None
        return candidates[0], texts[0], ", ".join(texts[1:])
    while candidates and not is_name(lines[candidates[0]].text):
        candidates.pop(0)
    if not candidates:
        return None
    name = lines[candidates[0]].text
    titles = [lines[i].text for i in candidates[1:]]
    before = _previous_text(lines, candidates[0], start)
    after_status = before is not None and read_status(before.text) is not None
    has_job_title = any(JOB_WORDS.search(title) for title in titles)
    if not (after_status or has_job_title):
        return None
    return candidates[0], name, ", ".join(titles)


def read_closing(
    lines: list[PrintedLine],
    start: int,
    header: PaperHeader,
    warnings: list[ImportWarning],
) -> Closing:
    """Read the contact block, background papers and annex list from `start` to the end."""
    closing = Closing()
    index = start
    while index < len(lines):
        line = lines[index]
        text = line.text
        if line.is_blank or record_status(header, line, warnings):
            index += 1
            continue
        contact = CONTACT_LABEL.match(text)
        background = BACKGROUND_LABEL.match(text)
        officers = officers_on_one_line(contact.group("rest") or "") if contact else []
        if officers and closing.contact is None:
            closing.contact, closing.other_contacts = officers[0], officers[1:]
            index += 1
        elif contact and closing.contact is None:
            officers, index = read_contacts(
                lines, index, contact.group("rest") or "", warnings, _ends_contact_block
            )
            if officers:
                closing.contact, closing.other_contacts = officers[0], officers[1:]
        elif background:
            index = _read_background_papers(
                lines, index, background.group("rest"), closing, warnings
            )
        elif ANNEX_LINE.match(text) or ANNEXES_LABEL.match(text):
            index = _read_annex_list(lines, index, closing)
        else:
            where = "after the contact block" if closing.contact else "at the foot of the paper"
            closing.unplaced.append((line.number, text))
            warnings.append(
                ImportWarning(
                    line.number,
                    f"this text {where} is neither contact details, background papers nor an "
                    "annex: it was kept as a paragraph at the end of the paper",
                    is_unplaced=True,
                )
            )
            index += 1
    return closing


def _read_background_papers(
    lines: list[PrintedLine],
    index: int,
    rest: str,
    closing: Closing,
    warnings: list[ImportWarning],
) -> int:
    items = [rest.strip()] if rest.strip() else []
    index += 1
    while index < len(lines) and not (len(items) == 1 and _NONE.match(items[0])):
        line = lines[index]
        if line.is_blank:
            index += 1
            continue
        text = line.text
        if (
            is_closing_label(text)
            or ANNEX_LINE.match(text)
            or ANNEXES_LABEL.match(text)
            or read_status(text)
        ):
            break
        item = _BULLET.sub("", text).strip()
        if ends_sentence(item) and len(item.split()) > 12:
            warnings.append(
                ImportWarning(line.number, "this sentence was read as a background paper")
            )
        items.append(item)
        index += 1
    if len(items) == 1 and _NONE.match(items[0]):
        items = []
    closing.background_papers.extend(items)
    return index


def _read_annex_list(lines: list[PrintedLine], index: int, closing: Closing) -> int:
    if ANNEXES_LABEL.match(lines[index].text):
        index += 1
    while index < len(lines):
        line = lines[index]
        if line.is_blank:
            index += 1
            continue
        match = ANNEX_LINE.match(line.text)
        if not match:
            break
        word = "Appendix" if match.group("word").lower() == "appendix" else "Annex"
        closing.annex_titles[f"{word} {match.group('ref')}"] = match.group("title").strip()
        index += 1
    return index


def _previous_text(lines: list[PrintedLine], index: int, start: int) -> PrintedLine | None:
    for previous in range(index - 1, start - 1, -1):
        if not lines[previous].is_blank:
            return lines[previous]
    return None
