"""Seed paper names and the Word files tests build from them, with real Word numbering,
headings and tables: shared by the parsing, Word and import tests."""

import re
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from papers.seed_papers import SEED_PAPERS_DIR

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MID_TERM_REVIEW = "2007-11-14-community-strategy-mid-term-review.txt"
PRIORITIES = "2009-05-13-kcp-review-priorities-2009-10.txt"
REPORT_SEEDS = (MID_TERM_REVIEW, PRIORITIES)
PARTNERSHIP_PLAN = "2004-partnership-plan-2004-05.txt"
SECTION_LIST = 90
SECTION = re.compile(r"^(\d+)\.\s*([A-Za-z].*)$")
PARAGRAPH = re.compile(r"^(?:- )?(\d+(?:\.\d+)+)\s+(.*)$")


def seed_paper(name: str) -> Path:
    path = SEED_PAPERS_DIR / name
    assert path.exists(), f"seed paper {path} is missing"
    return path


def add_multilevel_list(document, num_id: int, level_texts: list[str], starts=None) -> None:
    """Write a decimal multilevel list ("%1.", "%1.%2", ...) into the numbering part."""
    starts = starts or [1] * len(level_texts)
    levels = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for ilvl, (text, start) in enumerate(zip(level_texts, starts, strict=True))
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )
    add_numbering_instance(document, num_id, num_id, abstract)


def add_numbering_instance(document, num_id: int, abstract_id: int, abstract=None, restart=None):
    numbering = document.part.numbering_part.element
    if abstract is not None:
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart}"/></w:lvlOverride>'
        if restart
        else ""
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
        )
    )


def number_paragraph(paragraph, num_id: int, level: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def report_docx(source: str, path: Path, *, title_style: bool = False) -> Path:
    """The seed report as Word would hold it: numbers from a real list, not typed in the text."""
    document = Document()
    add_multilevel_list(document, SECTION_LIST, ["%1.", "%1.%2", "%1.%2.%3"])
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    for position, line in enumerate(lines):
        section = SECTION.match(line)
        paragraph = PARAGRAPH.match(line)
        if section:
            added = document.add_paragraph(section.group(2), style="Heading 1")
            number_paragraph(added, SECTION_LIST, 0)
        elif paragraph:
            level = paragraph.group(1).count(".")
            is_subheading = position + 1 < len(lines) and not PARAGRAPH.match(lines[position + 1])
            style = "Heading 2" if is_subheading and len(paragraph.group(2)) < 40 else None
            added = document.add_paragraph(paragraph.group(2), style=style)
            number_paragraph(added, SECTION_LIST, level)
        elif title_style and line.startswith("KCP Review"):
            document.add_paragraph(line, style="Title")
        else:
            document.add_paragraph(line)
    document.save(str(path))
    return path


def action_plan_rows(source: str) -> list[list[str] | str]:
    """Paragraph lines and table rows of the seed plan, with continued rows merged by hand."""
    blocks: list[list[str] | str] = []
    for line in source.splitlines():
        if "\t" not in line:
            if line.strip():
                blocks.append(line.strip())
            continue
        cells = [" ".join(cell.split()) for cell in line.split("\t")]
        previous = blocks[-1] if blocks else None
        if isinstance(previous, list) and cells[0][:1].islower():
            previous[0] = f"{previous[0]} {cells[0]}"
            continue
        blocks.append(cells)
    return blocks


def action_plan_docx(source: str, path: Path) -> Path:
    document = Document()
    add_multilevel_list(document, SECTION_LIST, ["%1."])
    table = None
    for block in action_plan_rows(source):
        if isinstance(block, str):
            table = None
            section = SECTION.match(block)
            if section:
                number_paragraph(
                    document.add_paragraph(section.group(2), style="Heading 1"), SECTION_LIST, 0
                )
            else:
                document.add_paragraph(block)
            continue
        if table is None:
            table = document.add_table(rows=0, cols=len(block))
        cells = table.add_row().cells
        for cell, text in zip(cells, block, strict=True):
            lead, *bullets = text.split("•")
            cell.paragraphs[0].text = lead.strip()
            for bullet in bullets:
                cell.add_paragraph(bullet.strip(), style="List Bullet")
    document.save(str(path))
    return path
