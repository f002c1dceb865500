"""Contact and author blocks in any layout: one officer or several, on one line or over
several, with labels ("Name:", "Tel:") or none, one officer after another (a blank line
between them or not) or side by side in columns."""

import re
from collections.abc import Callable

from .lines import PrintedLine
from .parsed import ContactOfficer, ImportWarning

CONTACT_LABEL = re.compile(
    r"^(?:contacts?(?:\s+officers?|\s+details|\s+for\s+enquiries)?"
    r"|for\s+further\s+information(?:,?\s+(?:please\s+)?contact)?|enquiries\s+to)"
    r"(?:\s*:\s*(?P<rest>.*)|(?<=officer)s?\s*(?P<alone>$))",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = r"\+?\(?\d[\d ()-]{5,}\d(?:\s*(?:ext\.?|extension|x)\s*\d+)?"
# "E:" must be a label on its own, not the "e" that ends "amara.e" in "amara.eze@…".
_LABELLED_EMAIL = re.compile(
    rf"(?<![\w.'+-])(?:e-?mail(?:\s+address)?\s*[:.]?|e\s*[:.])\s*(?P<value>{_EMAIL.pattern})",
    re.I,
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


def is_name(text: str) -> bool:
    return (
        bool(_NAME.match(text))
        and not JOB_WORDS.search(text)
        and not ORGANISATION_WORDS.search(text)
    )


def read_contacts(
    lines: list[PrintedLine],
    index: int,
    rest: str,
    warnings: list[ImportWarning],
    ends_block: Callable[[str], bool],
) -> tuple[list[ContactOfficer], int]:
    """Every officer of the contact block whose label is at `index` (`rest` is what follows
    the label on its line), and the index after the block. A new officer starts where a line
    names someone and the officer before already has a name and a telephone or email (or the
    line will not fit them: a second "Name:"); columns side by side are one officer each."""
    officers = [ContactOfficer(name="")]
    label_index, label_line = index, lines[index]
    if rest.strip() and not _fill_contact(officers[0], rest):
        _fill_contact_keeping_extra(officers[0], rest)
        warnings.append(
            ImportWarning(
                label_line.number,
                "the contact line has parts that are not a name, job title, organisation, "
                "telephone or email: they were kept with the organisation",
            )
        )
    columns: list[ContactOfficer] = []
    index += 1
    while index < len(lines):
        line = lines[index]
        if line.is_blank:
            index += 1
            continue
        text = line.text
        if ends_block(text):
            break
        cells = _column_cells(line)
        if cells:
            if not columns:
                columns = [officers[-1] if _is_empty(officers[-1]) else ContactOfficer("")]
                columns += [ContactOfficer(name="") for _ in cells[1:]]
                officers += [officer for officer in columns if officer is not officers[-1]]
            if len(cells) > len(columns) or not all(
                _fill_contact(officer, cell) for officer, cell in zip(columns, cells, strict=False)
            ):
                break
        elif not _fill_officer_or_next(officers, text):
            break
        index += 1
    officers = [officer for officer in officers if not _is_empty(officer)]
    if not any(officer.name or officer.email or officer.phone for officer in officers):
        warnings.append(
            ImportWarning(
                label_line.number,
                "the contact block has no name, telephone or email: fill in the contact officer",
            )
        )
        if not officers:
            return [], label_index + 1
    return officers, index


def _fill_officer_or_next(officers: list[ContactOfficer], text: str) -> bool:
    """Place one line of an officer-after-officer block; False if it is not contact details."""
    current = officers[-1]
    opening = ContactOfficer(name="")
    opens = _fill_contact(opening, text) and bool(opening.name)
    if opens and current.name and (current.phone or current.email):
        officers.append(opening)
        return True
    if _fill_contact(current, text):
        return True
    if opens and current.name:
        officers.append(opening)
        return True
    return False


def _column_cells(line: PrintedLine) -> list[str]:
    """The cells of a line set out in columns (tabs, or three spaces or more), if it has two."""
    text = line.text.strip()
    cells = line.cells if line.is_table_row else re.split(r"\s{3,}", text)
    cells = [cell for cell in cells if cell]
    return cells if len(cells) >= 2 else []


def _is_empty(officer: ContactOfficer) -> bool:
    return not any(vars(officer).values())


def read_contact_line(text: str) -> ContactOfficer | None:
    """The officer on one labelled line ("Contact officer: name, role, telephone, email")."""
    label = CONTACT_LABEL.match(text)
    officer = ContactOfficer(name="")
    if label and label.group("rest") and _fill_contact(officer, label.group("rest")):
        return officer if officer.name or officer.email or officer.phone else None
    return None


def officers_on_one_line(text: str) -> list[ContactOfficer]:
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
