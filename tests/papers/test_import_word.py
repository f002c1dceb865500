"""Importing Word papers: real Word numbering, headings, bullets and tables read like the text."""

import re
import socket
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from papers.exceptions import PaperFormatError
from papers.importer import ParsedActionPlan, ParsedReport, parse_paper, read_paper_text
from papers.seed_papers import SEED_PAPERS_DIR

REPORT_SEEDS = (
    "2007-11-14-community-strategy-mid-term-review.txt",
    "2009-05-13-kcp-review-priorities-2009-10.txt",
)
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


def structure(report: ParsedReport) -> list[tuple]:
    return [
        (section.number, section.heading, item.kind, item.number, " ".join(item.text.split()))
        for section in report.sections
        for item in section.items
    ]


@pytest.mark.parametrize("name", REPORT_SEEDS)
def test_word_report_imports_like_its_text(tmp_path, name):
    text_path = seed_paper(name)
    source = text_path.read_text(encoding="utf-8")
    word_path = report_docx(source, tmp_path / f"{text_path.stem}.docx", title_style="2009" in name)
    from_text = parse_paper(source)
    from_word = parse_paper(read_paper_text(word_path), source=word_path.name)
    assert structure(from_word) == structure(from_text)
    assert from_word.header == from_text.header
    assert from_word.contact == from_text.contact
    assert from_word.annexes == from_text.annexes
    assert from_word.warnings == []


def test_word_numbering_prints_sections_and_paragraphs_as_word_counts_them(tmp_path):
    source = seed_paper(REPORT_SEEDS[1]).read_text(encoding="utf-8")
    text = read_paper_text(report_docx(source, tmp_path / "priorities.docx"))
    assert "# 1. Introduction" in text
    assert "\n1.1 At the Community Strategy sub group meeting" in text
    assert "## 2.2 Role of the KCP" in text
    assert "\n2.6.4 Community Strategy sub group" in text
    assert "# 3. Conclusion" in text


def test_word_action_plan_imports_like_its_text(tmp_path):
    text_path = seed_paper(PARTNERSHIP_PLAN)
    source = text_path.read_text(encoding="utf-8")
    from_text = parse_paper(source)
    from_word = parse_paper(read_paper_text(action_plan_docx(source, tmp_path / "plan.docx")))
    assert isinstance(from_word, ParsedActionPlan)
    assert from_word.header == from_text.header
    assert from_word.glossary == from_text.glossary
    assert [(s.number, s.heading, s.columns) for s in from_word.sections] == [
        (s.number, s.heading, s.columns) for s in from_text.sections
    ]
    assert [s.rows for s in from_word.sections] == [s.rows for s in from_text.sections]
    assert from_word.sections[0].rows[0].planned_action.count("\n• ") == 5


def test_word_list_start_values_restarts_and_other_formats_are_printed(tmp_path):
    document = Document()
    add_multilevel_list(document, 91, ["%1.", "%1.%2"], starts=[4, 1])
    add_numbering_instance(document, 92, 91, restart=7)
    roman = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="93">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>'
        '<w:lvlText w:val="(%1)"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/>'
        '<w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>'
    )
    add_numbering_instance(document, 93, 93, roman)
    for text, num_id, level in [
        ("Fourth", 91, 0),
        ("Sub", 91, 1),
        ("Sub two", 91, 1),
        ("Fifth", 91, 0),
        ("Sub again", 91, 1),
        ("Restarted", 92, 0),
        ("Roman one", 93, 0),
        ("Roman two", 93, 0),
        ("Letter", 93, 1),
    ]:
        number_paragraph(document.add_paragraph(text), num_id, level)
    document.add_paragraph("Top bullet", style="List Bullet")
    document.add_paragraph("Nested bullet", style="List Bullet 2")
    path = tmp_path / "numbers.docx"
    document.save(str(path))
    lines = [line for line in read_paper_text(path).splitlines() if line]
    assert lines == [
        "4. Fourth",
        "4.1 Sub",
        "4.2 Sub two",
        "5. Fifth",
        "5.1 Sub again",
        "7. Restarted",
        "(i) Roman one",
        "(ii) Roman two",
        "A) Letter",
        "• Top bullet",
        "    • Nested bullet",
    ]


def test_word_paper_with_typed_numbers_and_soft_line_breaks_reads_like_text(tmp_path):
    document = Document()
    document.add_paragraph("KENSINGTON AND CHELSEA PARTNERSHIP")
    document.add_paragraph("13 May 2009")
    document.add_paragraph("A SHORT PAPER")
    document.add_paragraph("1.\tIntroduction")
    document.add_paragraph("1.1\tThe Steering Group is asked to note this paper.")
    contact = document.add_paragraph("Contact Officer:")
    contact.add_run().add_break()
    contact.add_run("Rachel Smith")
    contact.add_run().add_break()
    contact.add_run("KCP Manager")
    path = tmp_path / "typed.docx"
    document.save(str(path))
    report = parse_paper(read_paper_text(path))
    assert [(s.number, s.heading) for s in report.sections] == [("1", "Introduction")]
    assert report.sections[0].items[0].text == "The Steering Group is asked to note this paper."
    assert (report.contact.name, report.contact.job_title) == ("Rachel Smith", "KCP Manager")


def test_word_paper_with_a_linked_image_is_read_without_fetching_it(tmp_path, monkeypatch):
    document = Document()
    document.add_paragraph("A TITLE")
    document.add_paragraph("1. Intro")
    document.add_paragraph("1.1 Text.")
    document.part.relate_to("http://example.invalid/logo.png", RELATIONSHIP_TYPE.IMAGE, True)
    path = tmp_path / "linked.docx"
    document.save(str(path))

    def no_network(*args, **kwargs):
        raise AssertionError("the importer tried to open a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    assert parse_paper(read_paper_text(path)).sections[0].items[0].text == "Text."


def test_zip_without_a_word_document_is_refused_as_bad_docx(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("notes.txt", "not a Word document")
    with pytest.raises(PaperFormatError) as raised:
        read_paper_text(path)
    assert raised.value.code == "bad_docx"
    assert str(raised.value).startswith("archive.docx: the zip file has no word/document.xml")


def test_word_file_with_corrupt_xml_is_refused_as_bad_docx(tmp_path):
    good = tmp_path / "good.docx"
    document = Document()
    document.add_paragraph("A TITLE")
    document.save(str(good))
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    with pytest.raises(PaperFormatError) as raised:
        read_paper_text(broken)
    assert raised.value.code == "bad_docx"
    assert str(raised.value).startswith("broken.docx: the Word file is damaged")
    assert "\n" not in str(raised.value)


def test_empty_word_document_is_refused_as_empty(tmp_path):
    path = tmp_path / "blank.docx"
    Document().save(str(path))
    with pytest.raises(PaperFormatError) as raised:
        read_paper_text(path)
    assert raised.value.code == "empty"
    assert str(raised.value) == "blank.docx: the paper is empty"
