"""Importing Word papers: real Word numbering, headings, bullets and tables read like the text."""

import socket
import zipfile

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from papers.exceptions import PaperFormatError
from papers.importer import ParsedActionPlan, ParsedReport, parse_paper, read_paper_text, word
from tests.papers.paper_files import (
    PARTNERSHIP_PLAN,
    REPORT_SEEDS,
    action_plan_docx,
    add_multilevel_list,
    add_numbering_instance,
    number_paragraph,
    report_docx,
    seed_paper,
)


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


def paragraph_with(document, inner_xml: str):
    """A paragraph built from raw WordprocessingML, as Word writes it."""
    paragraph = document.add_paragraph()
    for child in parse_xml(f"<w:p {nsdecls('w')}>{inner_xml}</w:p>"):
        paragraph._p.append(child)
    return paragraph


def test_text_in_tracked_insertions_fields_links_smart_tags_and_controls_is_read(tmp_path):
    document = Document()
    document.add_paragraph("A TITLE")
    document.add_paragraph("1. Intro")
    paragraph_with(
        document,
        '<w:r><w:t xml:space="preserve">1.1 The </w:t></w:r>'
        '<w:ins w:id="1" w:author="RS"><w:r><w:t xml:space="preserve">revised </w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="RS"><w:r><w:delText>old </w:delText></w:r></w:del>'
        '<w:r><w:t xml:space="preserve">plan is at </w:t></w:r>'
        '<w:hyperlink w:anchor="x"><w:r><w:t>Annex A</w:t></w:r></w:hyperlink>'
        '<w:r><w:t xml:space="preserve">, agreed on </w:t></w:r>'
        '<w:fldSimple w:instr=" DATE "><w:r><w:t>13 May 2009</w:t></w:r></w:fldSimple>'
        '<w:r><w:t xml:space="preserve"> by </w:t></w:r>'
        '<w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>Kensington</w:t></w:r></w:smartTag>'
        '<w:r><w:t xml:space="preserve"> and </w:t></w:r>'
        "<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>Chelsea</w:t></w:r></w:sdtContent></w:sdt>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t xml:space="preserve"> (page 2)</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:r><w:t>.</w:t></w:r>",
    )
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    report = parse_paper(read_paper_text(path))
    assert report.sections[0].items[0].text == (
        "The revised plan is at Annex A, agreed on 13 May 2009 by Kensington and Chelsea (page 2)."
    )


def test_truncated_word_file_is_refused_in_one_line(tmp_path):
    good = tmp_path / "good.docx"
    document = Document()
    document.add_paragraph("A TITLE")
    document.save(str(good))
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(PaperFormatError) as raised:
        read_paper_text(truncated)
    assert raised.value.code == "bad_docx"
    assert str(raised.value).startswith("truncated.docx: the file is not a Word document")
    assert "\n" not in str(raised.value)


def test_word_file_that_unpacks_too_large_is_refused_before_its_xml_is_parsed(
    tmp_path, monkeypatch, settings
):
    path = tmp_path / "bomb.docx"
    document = Document()
    document.add_paragraph("A TITLE")
    document.save(str(path))
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/media/padding.bin", b"\0" * (2 * 1024 * 1024))
    settings.KCP_DOCX_MAX_UNPACKED_BYTES = 1024 * 1024
    monkeypatch.setattr(word, "Document", None)  # parsing it would fail the test
    with pytest.raises(PaperFormatError) as raised:
        read_paper_text(path)
    assert raised.value.code == "too_large"
    assert str(raised.value).startswith("bomb.docx: the Word file unpacks to ")
    assert str(raised.value).endswith(
        "MB, more than the 1 MB a paper may hold (large pictures are the usual cause): save a "
        "copy without the pictures and import that"
    )
