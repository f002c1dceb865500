"""Importing committee papers from text: the warnings an editor sees, text the importer cannot
place, and files that are refused with one clear line."""

import pytest

from papers.exceptions import PaperFormatError
from papers.importer import describe, parse_paper, read_paper_text
from tests.papers.paper_files import MID_TERM_REVIEW, PRIORITIES, seed_paper
from tests.papers.parsed_papers import import_file, numbered_items, paper_text

# Warnings the editor sees


def test_paragraph_out_of_sequence_is_kept_and_warned_about_with_its_line():
    report = parse_paper(
        paper_text(
            "A TITLE",
            "",
            "2. Proposals",
            "",
            "2.5 First.",
            "",
            "2.6 Second.",
            "",
            "2.4 Third.",
            "",
            "3.1 Fourth.",
        )
    )
    assert [n for n, _ in numbered_items(report)] == ["2.5", "2.6", "2.4", "3.1"]
    assert [(w.line, w.message) for w in report.warnings] == [
        (9, "paragraph 2.4 is out of sequence: it follows 2.6; kept as printed"),
        (
            11,
            "paragraph 3.1 is out of sequence: it is printed inside section 2; kept as printed",
        ),
    ]


def test_status_printed_twice_differently_is_recorded_once_with_a_warning():
    report = parse_paper(
        paper_text("A TITLE", "FOR APPROVAL", "1. Intro", "1.1 Text.", "", "For information")
    )
    assert report.header.status == "for_approval"
    assert len(report.warnings) == 1
    assert report.warnings[0].line == 6
    assert "disagrees" in report.warnings[0].message


def test_ambiguous_run_in_number_is_warned_about():
    report = parse_paper(paper_text("A TITLE", "1. Intro", "1.1A new approach is proposed."))
    assert numbered_items(report) == [("1.1", "A new approach is proposed.")]
    assert report.warnings[0].line == 3


def test_describe_outlines_numbers_contact_and_warnings():
    report = import_file(seed_paper(PRIORITIES))
    outline = describe(report)
    assert "Report: KCP Review – taking forward priorities for 2009/10" in outline
    assert "  2.2 Role of the KCP (subheading)" in outline
    assert "  2.6.4 Community Strategy sub group" in outline
    assert "Contact: Rachel Smith, KCP Manager" in outline
    assert "Warnings: none" in outline
    warned = parse_paper(paper_text("A TITLE", "1. Intro", "1.2 One.", "1.1 Two."))
    assert "line 4: paragraph 1.1 is out of sequence" in describe(warned)


# Layouts the importer cannot place become drafts with a warning naming the line


def unplaced(parsed) -> list[tuple[int | None, str]]:
    return [(w.line, w.message) for w in parsed.warnings if w.is_unplaced]


def test_text_after_the_contact_block_is_kept_at_the_end_with_a_warning_naming_its_line(
    tmp_path,
):
    path = tmp_path / "budget.txt"
    source = seed_paper(MID_TERM_REVIEW).read_text(encoding="utf-8")
    path.write_text(source + "\n\nThe budget will be reviewed again next year.\n", encoding="utf-8")
    report = import_file(path)
    line = len(source.splitlines()) + 2
    assert report.sections[-1].items[-1].text == "The budget will be reviewed again next year."
    assert report.contact.name == "Rachel Smith"
    assert unplaced(report) == [
        (
            line,
            "this text after the contact block is neither contact details, background papers "
            "nor an annex: it was kept as a paragraph at the end of the paper",
        )
    ]


def test_report_without_numbered_paragraphs_keeps_its_text_as_unnumbered_paragraphs():
    report = parse_paper(
        paper_text("A TITLE", "", "This paper sets out a plan.", "", "Some text.", "", "More."),
        source="x.txt",
    )
    assert report.header.purpose == "This paper sets out a plan."
    assert [item.text for item in report.sections[0].items] == ["Some text.", "More."]
    assert any("prints no numbered sections" in w.message for w in report.warnings)


def test_paper_without_a_title_is_named_after_its_file_with_a_warning():
    report = parse_paper(paper_text("13 May 2009", "1. Intro", "1.1 Text."), source="x-y.txt")
    assert report.header.title == "X y"
    assert "title" in report.header.guessed
    assert report.warnings[0].message.startswith("no title was found")
    assert numbered_items(report) == [("1.1", "Text.")]


def test_second_stray_heading_paragraph_starts_the_body_and_nothing_is_lost():
    text = paper_text(
        "A TITLE", "This paper sets out a plan.", "", "Another stray sentence.", "", "1. Intro"
    )
    report = parse_paper(text, source="x.txt")
    assert report.header.purpose == "This paper sets out a plan."
    assert report.sections[0].items[0].text == "Another stray sentence."
    assert report.sections[1].heading == "Intro"


def test_action_plan_row_with_wrong_number_of_cells_is_kept_with_a_warning_naming_the_line():
    header = "Action\tSituation\tLead\tDue date"
    text = paper_text(
        "ACTION PLAN 2005/06", "1. Strategic", header, "A.\tB.\tC\tD", "2. Next", header, "E.\tF."
    )
    plan = parse_paper(text, source="plan.txt")
    row = plan.sections[1].rows[0]
    assert (row.planned_action, row.current_situation, row.lead, row.due_date) == (
        "E.",
        "F.",
        "",
        "",
    )
    assert [(w.line, w.message[:22]) for w in plan.warnings] == [(7, "this row has 2 cells b")]


def test_table_inside_a_report_is_kept_as_a_line_of_text_with_a_warning():
    text = paper_text("A TITLE", "1. Costs", "1.1 The costs are:", "Item\tCost\tNote", "")
    report = parse_paper(text)
    assert report.sections[0].items[-1].text == "Item | Cost | Note"
    assert [line for line, _ in unplaced(report)] == [4]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\t\n", "empty"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not_text"),
        ("odd.txt", b"\x81\x8d\x8f\x90\x9d" * 20, "encoding"),
        ("paper.docx", b"KENSINGTON AND CHELSEA PARTNERSHIP\n1. Intro\n", "bad_docx"),
        ("paper.pdf", b"%PDF-1.4\n", "bad_pdf"),
        ("paper.doc", b"\xd0\xcf\x11\xe0", "unsupported_type"),
    ],
)
def test_files_that_are_not_papers_are_refused_with_one_clear_line(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(PaperFormatError) as raised:
        read_paper_text(path)
    message = str(raised.value)
    assert raised.value.code == code
    assert message.startswith(f"{name}: ")
    assert "\n" not in message


def test_file_over_ten_megabytes_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"1.1 Text.\n" * (1024 * 1024 + 1))
    with pytest.raises(PaperFormatError) as raised:
        read_paper_text(path)
    assert raised.value.code == "too_large"
    assert str(raised.value).startswith("huge.txt: the file is 10.0 MB")


def test_windows_1252_and_utf8_with_bom_papers_are_read(tmp_path):
    old = tmp_path / "old.txt"
    old.write_bytes("A TITLE\n1. Caf\u00e9 \u2013 \u2018quoted\u2019\n1.1 Text.\n".encode("cp1252"))
    assert "Café – ‘quoted’" in read_paper_text(old)
    bom = tmp_path / "bom.md"
    bom.write_bytes("A TITLE\n1. Intro\n1.1 Text.\n".encode("utf-8-sig"))
    assert parse_paper(read_paper_text(bom)).header.title == "A TITLE"


def test_error_message_parts_are_omitted_when_unknown():
    assert str(PaperFormatError("the paper is empty")) == "the paper is empty"
    assert str(PaperFormatError("bad", source="a.txt")) == "a.txt: bad"
    assert str(PaperFormatError("bad", line=3)) == "line 3: bad"
