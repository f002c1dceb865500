"""The foot of a paper: signatory, contact officer, background papers and annexes."""

import re
from dataclasses import dataclass, field

from .header import read_status, record_status
from .lines import PrintedLine, ends_sentence
from .parsed import ContactOfficer, ImportWarning, PaperHeader

CONTACT_LABEL = re.compile(
    r"^(?:contacts?(?:\s+officers?|\s+details|\s+for\s+enquiries)?"
    r"|for\s+further\s+information(?:,?\s+(?:please\s+)?contact)?|enquiries\s+to)"
    r"(?:\s*:\s*(?P<rest>.*)|(?<=officer)s?\s*(?P<alone>$))",
    re.IGNORECASE,
)
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

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = r"\+?\(?\d[\d ()-]{5,}\d(?:\s*(?:ext\.?|extension|x)\s*\d+)?"
_LABELLED_EMAIL = re.compile(
    rf"\b(?:e-?mail(?:\s+address)?|e)\s*[:.]?\s*(?P<value>{_EMAIL.pattern})", re.I
)
_LABELLED_PHONE = re.compile(
    rf"\b(?:tel(?:ephone)?|phone|direct\s+line|t)\s*(?:no\.?)?\s*[:.]?\s*(?P<value>{_PHONE})", re.I
)
_FAX = re.compile(rf"\bfax\s*(?:no\.?)?\s*[:.]?\s*{_PHONE}", re.IGNORECASE)
_PHONE_ONLY = re.compile(rf"^{_PHONE}$")
_UNLABELLED_PHONE = re.compile(r"\(?(?P<value>(?:\+44\s?|0)\d[\d ()-]{7,}\d)\)?")
_EXPLICIT = re.compile(
    r"^(?P<label>name|job\s+title|title|position|post|organi[sz]ation|unit|team|department"
    r"|directorate|address)\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_ADDRESS_WORDS = re.compile(
    r"\b(?:street|road|square|place|lane|avenue|gardens|town\s+hall|london|po\s+box)\b", re.I
)
JOB_WORDS = re.compile(
    r"\b(?:officer|manager|head|director|chief|executive|co-?ordinator|secretary|chair(?:man)?"
    r"|assistant|advis[eo]r|analyst|clerk|administrator|lead|consultant|leader|deputy|principal"
    r"|inspector|sergeant|superintendent|commander)\b",
    re.IGNORECASE,
)
ORGANISATION_WORDS = re.compile(
    r"\b(?:council|rbkc|nhs|pct|borough|partnership|police|forum|trust|unit|team|department"
    r"|directorate|association|service|services|kcsc|ltd|limited|society|authority)\b",
    re.IGNORECASE,
)
_RANK_AND_NAME = re.compile(
    r"^(?:inspector|sergeant|superintendent|chief\s+inspector|commander|cllr|councillor)"
    r"(?:\s+[A-Z][\w'’-]+){2,3}$",
    re.IGNORECASE,
)
_EXPLICIT_KINDS = {
    "name": "name",
    "job title": "job_title",
    "title": "job_title",
    "position": "job_title",
    "post": "job_title",
    "unit": "organisation",
    "team": "organisation",
    "department": "organisation",
    "directorate": "organisation",
    "organisation": "organisation",
    "organization": "organisation",
    "address": "address",
}
_NAME = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|cllr|councillor|sir)\.?\s+)?"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}$"
)


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


def annex_references(text: str) -> list[str]:
    """Every annex or appendix named in the text: "attached at Annexes A and B" -> both."""
    found = []
    for match in ANNEX_REFERENCE.finditer(text):
        word = "Appendix" if match.group("word").lower().startswith("append") else "Annex"
        found.extend(f"{word} {ref}" for ref in re.findall(r"[A-Z]|\d{1,2}", match.group("refs")))
    return found


def is_name(text: str) -> bool:
    return (
        bool(_NAME.match(text))
        and not JOB_WORDS.search(text)
        and not ORGANISATION_WORDS.search(text)
    )


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
        officers = _officers_on_one_line(contact.group("rest") or "") if contact else []
        if officers and closing.contact is None:
            closing.contact, closing.other_contacts = officers[0], officers[1:]
            index += 1
        elif contact and closing.contact is None:
            closing.contact, index = _read_contact(
                lines, index, contact.group("rest") or "", warnings
            )
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


def _read_contact(
    lines: list[PrintedLine], index: int, rest: str, warnings: list[ImportWarning]
) -> tuple[ContactOfficer | None, int]:
    officer = ContactOfficer(name="")
    label_index, label_line = index, lines[index]
    if rest.strip() and not _fill_contact(officer, rest):
        _fill_contact_keeping_extra(officer, rest)
        warnings.append(
            ImportWarning(
                label_line.number,
                "the contact line has parts that are not a name, job title, organisation, "
                "telephone or email: they were kept with the organisation",
            )
        )
    index += 1
    while index < len(lines):
        line = lines[index]
        if line.is_blank:
            index += 1
            continue
        text = line.text
        if is_closing_label(text) or ANNEX_LINE.match(text) or ANNEXES_LABEL.match(text):
            break
        if not _fill_contact(officer, text):
            break
        index += 1
    if not (officer.name or officer.email or officer.phone):
        warnings.append(
            ImportWarning(
                label_line.number,
                "the contact block has no name, telephone or email: fill in the contact officer",
            )
        )
        if not (officer.job_title or officer.organisation or officer.address):
            return None, label_index + 1
    return officer, index


def read_contact_line(text: str) -> ContactOfficer | None:
    """The officer on one labelled line ("Contact officer: name, role, telephone, email")."""
    label = CONTACT_LABEL.match(text)
    officer = ContactOfficer(name="")
    if label and label.group("rest") and _fill_contact(officer, label.group("rest")):
        return officer if officer.name or officer.email or officer.phone else None
    return None


def _officers_on_one_line(text: str) -> list[ContactOfficer]:
    """'Sam Okafor, Manager, 020…; Lena Novak, Coordinator, 020…': each officer, in order;
    [] unless the line names more than one and every part reads as an officer."""
    officers = []
    for part in text.split(";"):
        officer = ContactOfficer(name="")
        if not (_fill_contact(officer, part) and officer.name):
            return []
        officers.append(officer)
    return officers if len(officers) > 1 else []


def _fill_contact_keeping_extra(officer: ContactOfficer, text: str) -> None:
    """Fill what fits, part by part, and keep every part that does not as the address."""
    for part in re.split(r"[,;\t]", text):
        part = part.strip(" .;:/|")
        if part and not _fill_contact(officer, part):
            officer.address = f"{officer.address}, {part}" if officer.address else part


def _fill_contact(officer: ContactOfficer, text: str) -> bool:
    """Place the parts of one contact line; False (`officer` unchanged) if a part will not fit."""
    trial = ContactOfficer(**vars(officer))
    text = _FAX.sub(" ", text)
    for pattern, attribute in ((_LABELLED_EMAIL, "email"), (_LABELLED_PHONE, "phone")):
        for match in pattern.finditer(text):
            if getattr(trial, attribute):
                return False
            setattr(trial, attribute, match.group("value").strip())
        text = pattern.sub(" ", text)
    for match in _EMAIL.finditer(text):
        if trial.email:
            return False
        trial.email = match.group()
    text = _EMAIL.sub(" ", text)
    for match in _UNLABELLED_PHONE.finditer(text):
        if trial.phone:
            return False
        trial.phone = match.group("value")
    text = _UNLABELLED_PHONE.sub(" ", text)
    explicit = _EXPLICIT.match(text.strip())
    if explicit:
        label = " ".join(explicit.group("label").lower().split())
        parts = [(label, explicit.group("value").strip())]
    else:
        pieces = [piece.strip(" .,;:/|") for piece in re.split(r"[,;\t]", text)]
        parts = [(None, piece) for piece in pieces if re.search(r"\w", piece)]
    for label, part in parts:
        if not _place_contact_part(trial, label, part):
            return False
    for name, value in vars(trial).items():
        setattr(officer, name, value)
    return True


def _place_contact_part(officer: ContactOfficer, label: str | None, part: str) -> bool:
    kind = _EXPLICIT_KINDS.get(label or "") or _contact_part_kind(officer, part)
    if kind is None:
        return False
    current = getattr(officer, kind)
    if current and kind not in ("organisation", "address"):
        return False
    setattr(officer, kind, f"{current}, {part}" if current else part)
    return True


def _contact_part_kind(officer: ContactOfficer, part: str) -> str | None:
    if _PHONE_ONLY.match(part):
        return "phone"
    if len(part.split()) > 8:
        return None
    if _POSTCODE.search(part) or _ADDRESS_WORDS.search(part):
        return "address"
    if not officer.name and _RANK_AND_NAME.match(part):
        return "name"  # "Inspector Mark Dale": a rank before a name is part of the name
    has_job_words = JOB_WORDS.search(part) is not None
    has_organisation_words = ORGANISATION_WORDS.search(part) is not None
    if not officer.name and not has_job_words and not has_organisation_words:
        return "name" if _is_title_case(part) else None
    if has_job_words and not officer.job_title:
        return "job_title"
    if has_organisation_words:
        return "organisation"
    if not _is_title_case(part):
        return None
    if not officer.job_title:
        return "job_title"
    return None if officer.organisation else "organisation"


def _is_title_case(text: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return bool(words) and all(
        word[0].isupper() or word.lower() in ("of", "and", "the", "for", "in", "on")
        for word in words
    )


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
