"""Word (.docx) papers turned into the text form the parser reads, numbering as Word prints it.

Only the XML parts inside the file are read: macros are never run, and linked images or other
external relationships are never fetched.
"""

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from papers.exceptions import PaperFormatError

MAX_PARTS = 5000
BULLET_INDENT = "    "
_HEADING_STYLE = re.compile(r"^heading\s+(?P<level>[1-6])$", re.IGNORECASE)
_LIST_BULLET_STYLE = re.compile(r"^list\s+bullet(?:\s+(?P<level>\d))?$", re.IGNORECASE)
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


_UNREADABLE_PACKAGE_ERRORS = (
    PackageNotFoundError,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    NotImplementedError,
    EOFError,
    OSError,
    zlib.error,
    zipfile.BadZipFile,
    etree.LxmlError,
)
# Text-bearing elements inside a paragraph that python-docx's `paragraph.text` skips, or
# that need reading as Word shows them: tracked insertions (w:ins), fields (w:fldSimple),
# hyperlinks, smart tags and inline content controls (w:sdt) are walked into.
_DELETED = {qn("w:del"), qn("w:moveFrom")}
_SKIPPED = {qn("w:pPr"), qn("w:rPr"), qn("w:instrText"), qn("w:delText")}
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TEXT_OF = {
    qn("w:tab"): "\t",
    qn("w:br"): "\n",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "-",
    qn("w:softHyphen"): "",
}


def read_docx_text(path: Path) -> str:
    """The paper's paragraphs and tables in order, as text; PaperFormatError if not a Word file."""
    try:
        document = open_word_package(path)
        return _DocumentWriter(document).text()
    except _UNREADABLE_PACKAGE_ERRORS as error:
        raise PaperFormatError(
            f"the Word file is damaged or not a Word document ({type(error).__name__}): open "
            "it in Word and save it again as .docx",
            code="bad_docx",
        ) from None


def open_word_package(path: Path):
    """The Word document in `path`, refusing (PaperFormatError, one line, code "bad_docx" or
    "too_large") a file that is not a .docx package, is damaged, or unpacks too large. Every
    check on the package before its XML is parsed belongs here."""
    _check_package(path)
    return Document(str(path))


def paragraph_text(paragraph_element) -> str:
    """A paragraph's text as Word shows it: runs, including those inside tracked insertions,
    fields, hyperlinks, smart tags and content controls; deleted text and field codes left
    out; tabs, breaks and non-breaking hyphens as printed."""
    parts: list[str] = []
    _collect_text(paragraph_element, parts)
    return "".join(parts)


def _collect_text(element, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED or tag in _DELETED or tag == _MC_FALLBACK:
            continue
        if tag == qn("w:t"):
            parts.append(child.text or "")
        elif tag in _TEXT_OF:
            parts.append(_TEXT_OF[tag])
        elif tag != qn("w:p"):  # a paragraph nested in a text box is read on its own
            _collect_text(child, parts)


def _check_package(path: Path) -> None:
    if not zipfile.is_zipfile(path):
        raise PaperFormatError(
            "the file is not a Word document (.docx files are zip packages); it may be text or "
            "an old .doc renamed",
            code="bad_docx",
        )
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except zipfile.BadZipFile:
        raise PaperFormatError("the Word file is damaged", code="bad_docx") from None
    names = {part.filename for part in parts}
    if "word/document.xml" not in names:
        raise PaperFormatError(
            "the zip file has no word/document.xml, so it is not a Word document", code="bad_docx"
        )
    # zipfile reads no more of a part than its header declares (and fails the CRC check if
    # the data goes on), so the declared sizes bound the work before python-docx opens it.
    unpacked = sum(part.file_size for part in parts)
    limit = settings.KCP_DOCX_MAX_UNPACKED_BYTES
    if len(parts) > MAX_PARTS or unpacked > limit:
        raise PaperFormatError(
            f"the Word file unpacks to {unpacked / 1024 / 1024:.0f} MB, more than the "
            f"{limit / 1024 / 1024:.0f} MB a paper may hold (large pictures are the usual "
            "cause): save a copy without the pictures and import that",
            code="too_large",
        )


@dataclass
class NumberingLevel:
    start: int = 1
    number_format: str = "decimal"
    level_text: str = "%1."
    style_id: str = ""


@dataclass
class NumberingInstance:
    """A w:num: which abstract definition it uses and the levels it restarts or redefines."""

    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, NumberingLevel] = field(default_factory=dict)


class WordNumbering:
    """Counts list numbers as Word does, so "%1.%2" on the third level-2 item prints "1.3"."""

    def __init__(self, numbering_element, styles_element):
        self.abstracts: dict[str, dict[int, NumberingLevel]] = {}
        self.style_links: dict[str, str] = {}
        self.instances: dict[str, NumberingInstance] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self.style_numbering = _style_numbering(styles_element)
        if numbering_element is None:
            return
        for abstract in numbering_element.findall(qn("w:abstractNum")):
            levels = {
                int(lvl.get(qn("w:ilvl"), "0")): _level(lvl)
                for lvl in abstract.findall(qn("w:lvl"))
            }
            abstract_id = abstract.get(qn("w:abstractNumId"))
            link = abstract.find(qn("w:numStyleLink"))
            if link is not None and not levels:
                self.style_links[abstract_id] = link.get(qn("w:val"))
            self.abstracts[abstract_id] = levels
        for num in numbering_element.findall(qn("w:num")):
            abstract_id = num.find(qn("w:abstractNumId"))
            if abstract_id is None:
                continue
            instance = NumberingInstance(abstract_id.get(qn("w:val")))
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    instance.start_overrides[ilvl] = int(start.get(qn("w:val"), "1"))
                level = override.find(qn("w:lvl"))
                if level is not None:
                    instance.level_overrides[ilvl] = _level(level)
            self.instances[num.get(qn("w:numId"))] = instance

    def label(self, paragraph: Paragraph) -> tuple[str, int, bool] | None:
        """(printed number or bullet, level, is_bullet) for a numbered paragraph, else None."""
        found = self._num_pr(paragraph)
        if found is None:
            return None
        num_id, ilvl = found
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        levels = self._levels_for(instance.abstract_id)
        if ilvl not in levels:
            return None
        levels = {**levels, **instance.level_overrides}
        level = levels[ilvl]
        if level.number_format == "bullet":
            return "•", ilvl, True
        counters = self.counters.setdefault(instance.abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for restarted in instance.start_overrides:
                counters.pop(restarted, None)
        start = instance.start_overrides.get(ilvl, level.start)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [key for key in counters if key > ilvl]:
            del counters[deeper]

        def value(match: re.Match[str]) -> str:
            referenced = int(match.group(1)) - 1
            referenced_level = levels.get(referenced, NumberingLevel())
            count = counters.get(referenced, referenced_level.start)
            return format_number(count, referenced_level.number_format)

        return re.sub(r"%([1-9])", value, level.level_text), ilvl, False

    def _levels_for(self, abstract_id: str) -> dict[int, NumberingLevel]:
        if abstract_id in self.style_links:
            linked = self.style_numbering.get(self.style_links[abstract_id])
            instance = self.instances.get(linked[0]) if linked else None
            return self.abstracts.get(instance.abstract_id, {}) if instance else {}
        return self.abstracts.get(abstract_id, {})

    def _num_pr(self, paragraph: Paragraph) -> tuple[str, int] | None:
        p_pr = paragraph._p.pPr
        num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
        style_id = p_pr.find(qn("w:pStyle")).get(qn("w:val")) if _has_style(p_pr) else ""
        num_id = ilvl = None
        if num_pr is not None:
            num_id = _child_value(num_pr, "w:numId")
            ilvl = _child_value(num_pr, "w:ilvl")
        if num_id is None and style_id in self.style_numbering:
            num_id, style_ilvl = self.style_numbering[style_id]
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0":
            return None
        if ilvl is None:
            instance = self.instances.get(num_id)
            levels = self._levels_for(instance.abstract_id) if instance else {}
            ilvl = next((str(k) for k, v in levels.items() if v.style_id == style_id), "0")
        return num_id, int(ilvl)


def format_number(count: int, number_format: str) -> str:
    if number_format in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (count - 1) % 26) * ((count - 1) // 26 + 1)
        return letter.upper() if number_format == "upperLetter" else letter
    if number_format in ("lowerRoman", "upperRoman"):
        roman = ""
        for value, numeral in _ROMAN:
            while count >= value:
                roman, count = roman + numeral, count - value
        return roman.upper() if number_format == "upperRoman" else roman
    if number_format == "decimalZero":
        return f"{count:02d}"
    if number_format == "none":
        return ""
    return str(count)


class _DocumentWriter:
    """Writes paragraphs (blank line between) and tables (one tab-separated line per row)."""

    def __init__(self, document):
        self.document = document
        styles = document.styles.element
        self.numbering = WordNumbering(_numbering_element(document), styles)
        self.style_names, self.default_style = _paragraph_style_names(styles)

    def text(self) -> str:
        blocks = [block for block in self._blocks(self.document.element.body) if block]
        return "\n\n".join(blocks) + "\n"

    def _blocks(self, container):
        for child in container.iterchildren():
            if child.tag == qn("w:p"):
                yield self._paragraph(Paragraph(child, self.document))
            elif child.tag == qn("w:tbl"):
                yield self._table(child)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from self._blocks(content)

    def _paragraph(self, paragraph: Paragraph) -> str:
        text = paragraph_text(paragraph._p).strip(" ")
        label = self.numbering.label(paragraph)
        p_pr = paragraph._p.pPr
        style_id = _child_value(p_pr, "w:pStyle") if p_pr is not None else None
        style_name = self.style_names.get(style_id or self.default_style, "")
        bullet_style = _LIST_BULLET_STYLE.match(style_name)
        style_level = int(bullet_style.group("level") or 1) - 1 if bullet_style else 0
        if label is None and bullet_style:
            label = ("•", style_level, True)
        if not text.strip():
            return ""
        if label is not None:
            printed, level, is_bullet = label
            if is_bullet:
                return f"{BULLET_INDENT * max(level, style_level)}• {text.strip()}"
            if printed:
                text = f"{printed} {text.strip()}"
        heading = _HEADING_STYLE.match(style_name)
        if heading or style_name.lower() == "title":
            hashes = "#" * (int(heading.group("level")) if heading else 1)
            return f"{hashes} {' '.join(text.split())}"
        return text

    def _table(self, table) -> str:
        rows = []
        for row in table.findall(qn("w:tr")):
            cells = []
            for cell in row.findall(qn("w:tc")):
                cells.append(self._cell(cell))
                span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                if span is not None:
                    cells.extend([""] * (int(span.get(qn("w:val"), "1")) - 1))
            rows.append(cells)
        if rows and all(len(cells) == 1 for cells in rows):
            return "\n\n".join(cells[0] for cells in rows if cells[0])
        return "\n".join("\t".join(cells) for cells in rows)

    def _cell(self, cell) -> str:
        merge = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
        if merge is not None and merge.get(qn("w:val"), "continue") == "continue":
            return ""
        texts = []
        for child in cell.iterchildren():
            if child.tag == qn("w:p"):
                text = self._paragraph(Paragraph(child, self.document))
                if text.startswith(("- ", "* ")):
                    text = "• " + text[2:]
                texts.append(" ".join(text.split()))
            elif child.tag == qn("w:tbl"):  # a table in a cell: its cells' text, in order
                texts.extend(
                    self._cell(inner)
                    for row in child.findall(qn("w:tr"))
                    for inner in row.findall(qn("w:tc"))
                )
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    texts.extend(
                        " ".join(self._paragraph(Paragraph(p, self.document)).split())
                        for p in content.findall(qn("w:p"))
                    )
        return " ".join(text for text in texts if text)


def _numbering_element(document):
    """The numbering part's XML, or None; never creates a part."""
    for relationship in document.part.rels.values():
        if relationship.is_external:
            continue
        if relationship.reltype.endswith("/numbering"):
            return relationship.target_part.element
    return None


def _paragraph_style_names(styles_element) -> tuple[dict[str, str], str]:
    """Paragraph style id -> name as stored ("heading 1"), and the default style's id.

    Read once from styles.xml: python-docx's per-paragraph style lookup scans every style.
    """
    names, default = {}, ""
    for style in styles_element.findall(qn("w:style")):
        if style.get(qn("w:type")) != "paragraph":
            continue
        style_id = style.get(qn("w:styleId"))
        names[style_id] = _child_value(style, "w:name") or style_id
        if style.get(qn("w:default")) in ("1", "true", "on"):
            default = style_id
    return names, default


def _style_numbering(styles_element) -> dict[str, tuple[str, str | None]]:
    """style id -> (numId, ilvl) for paragraph styles that carry numbering, following basedOn."""
    direct: dict[str, tuple[str | None, str | None]] = {}
    based_on: dict[str, str] = {}
    for style in styles_element.findall(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            direct[style_id] = (_child_value(num_pr, "w:numId"), _child_value(num_pr, "w:ilvl"))
        parent = style.find(qn("w:basedOn"))
        if parent is not None:
            based_on[style_id] = parent.get(qn("w:val"))
    resolved: dict[str, tuple[str, str | None]] = {}
    for style_id in {*direct, *based_on}:
        current, seen = style_id, set()
        while current and current not in direct and current not in seen:
            seen.add(current)
            current = based_on.get(current)
        if current in direct and direct[current][0]:
            resolved[style_id] = direct[current]
    return resolved


def _level(element) -> NumberingLevel:
    def value(tag: str, default: str) -> str:
        child = element.find(qn(tag))
        return child.get(qn("w:val"), default) if child is not None else default

    return NumberingLevel(
        start=int(value("w:start", "1")),
        number_format=value("w:numFmt", "decimal"),
        level_text=value("w:lvlText", ""),
        style_id=value("w:pStyle", ""),
    )


def _child_value(element, tag: str) -> str | None:
    child = element.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def _has_style(p_pr) -> bool:
    return p_pr is not None and p_pr.find(qn("w:pStyle")) is not None
