"""Importing committee papers from text: layouts other officers used (heading lines, Markdown
and Word leftovers, contact lines, background papers)."""

from datetime import date

import pytest

from papers.importer import parse_paper
from tests.papers.parsed_papers import numbered_items, paper_text

# Layouts other officers used


@pytest.mark.parametrize(
    ("line", "group", "day"),
    [
        (
            "KENSINGTON AND CHELSEA PARTNERSHIP – STEERING GROUP – 20TH MARCH 2002",
            "Steering Group",
            date(2002, 3, 20),
        ),
        (
            "Kensington and Chelsea Partnership, Steering Group, Wednesday 20 March 2002",
            "Steering Group",
            date(2002, 3, 20),
        ),
        ("KCP Steering Group meeting - March 20, 2002", "KCP Steering Group", date(2002, 3, 20)),
        (
            "Health and Well-Being Partnership | 2002-03-20",
            "Health and Well-Being Partnership",
            date(2002, 3, 20),
        ),
        ("STEERING GROUP MEETING HELD ON 03/20/2002", "Steering Group", date(2002, 3, 20)),
    ],
)
def test_heading_line_joining_partnership_group_and_date_is_split_into_its_facts(line, group, day):
    report = parse_paper(paper_text(line, "A TITLE", "1. Intro", "1.1 Text."))
    assert (report.header.group, report.header.meeting_date) == (group, day)
    assert report.header.title == "A TITLE"
    assert report.warnings == []


def test_title_printed_on_the_heading_line_with_the_group_is_the_title():
    report = parse_paper(
        paper_text("KCP – Steering Group – 13 May 2009 – Budget 2009/10", "1. Intro", "1.1 Text.")
    )
    assert (report.header.title, report.header.group) == ("Budget 2009/10", "Steering Group")


def test_a_title_that_mentions_a_date_is_not_split_as_a_heading_line():
    report = parse_paper(
        paper_text("13 May 2009", "Progress since 1 April 2008", "1. Intro", "1.1 Text.")
    )
    assert report.header.title == "Progress since 1 April 2008"
    assert report.header.meeting_date == date(2009, 5, 13)


def test_markdown_links_escapes_and_unpaired_bold_markers_are_shown_as_clean_text():
    report = parse_paper(
        paper_text(
            "A TITLE",
            "1. Intro",
            "1.1 See [the plan](https://example.org/plan) and [Annex A](#annex-a); 5\\* rating.",
            "",
            "1.2 A **stray marker and a lone * footnote mark.",
        )
    )
    assert numbered_items(report) == [
        ("1.1", "See the plan (https://example.org/plan) and Annex A; 5* rating."),
        ("1.2", "A stray marker and a lone * footnote mark."),
    ]


def test_soft_hyphens_and_non_breaking_spaces_from_word_are_not_shown():
    report = parse_paper(paper_text("A TITLE", "1. Intro", "1.1 The Partner\u00adship\u00a0met."))
    assert numbered_items(report) == [("1.1", "The Partnership met.")]


def test_markdown_list_item_with_a_bold_paragraph_number_keeps_the_printed_number():
    report = parse_paper(
        paper_text("A TITLE", "## 1. Intro", "", "1. **1.1** Text one.", "2. **1.2** Text two.")
    )
    assert numbered_items(report) == [("1.1", "Text one."), ("1.2", "Text two.")]


def test_contact_line_with_parts_that_fit_nowhere_keeps_them_with_the_organisation():
    report = parse_paper(
        paper_text(
            "A TITLE",
            "1. Intro",
            "1.1 Text.",
            "",
            "Contact officer: Jo Brown, Head of Libraries, 020 7361 3010, jo@rbkc.gov.uk, "
            "Room 203, Mondays only, by appointment",
        )
    )
    assert (report.contact.name, report.contact.phone) == ("Jo Brown", "020 7361 3010")
    assert "Mondays only" in report.contact.address
    assert "kept with the organisation" in report.warnings[0].message


@pytest.mark.parametrize(
    "wording",
    [
        "Background papers: None",
        "Background papers used in the preparation of this report: none.",
        "LOCAL GOVERNMENT ACT 1972 – BACKGROUND PAPERS: None",
        "No background papers were used in the preparation of this report.",
    ],
)
def test_background_papers_in_their_statutory_wordings_saying_none_give_none(wording):
    report = parse_paper(paper_text("A TITLE", "1. Intro", "1.1 Text.", "", wording))
    assert report.background_papers == []
    assert report.warnings == []


def test_progress_report_text_outside_any_field_is_kept_with_a_warning():
    report = parse_paper(
        paper_text(
            "PROGRESS REPORT",
            "Objective 1: Safer streets",
            "A note about this objective.",
            "Action: Wardens.",
            "Progress: Started.",
            "Progress: Second progress.",
        )
    )
    actions = report.objectives[0].actions
    assert [a.action for a in actions] == ["A note about this objective.", "Wardens."]
    assert actions[1].progress == "Started.\nSecond progress."
    assert [(w.line, w.message) for w in report.warnings] == [
        (
            3,
            "this text is not an objective, action, progress, lead or due date: it was taken "
            "as an action of the objective above",
        ),
        (3, "this action has no progress recorded"),
        (6, "a second “Progress” for the same action: it was added to the first"),
    ]
    assert [w.line for w in report.warnings if w.is_unplaced] == [3]


def test_heading_facts_printed_twice_are_read_once_and_a_different_date_is_kept_as_text():
    report = parse_paper(
        paper_text(
            "KENSINGTON AND CHELSEA PARTNERSHIP",
            "13 May 2009",
            "A TITLE",
            "Kensington and Chelsea Partnership – 13 May 2009",
            "This paper sets out a plan.",
            "",
            "Steering Group – 20 May 2009",
            "",
            "1. Intro",
            "1.1 Text.",
        )
    )
    assert (report.header.title, report.header.meeting_date) == ("A TITLE", date(2009, 5, 13))
    assert report.header.purpose == "This paper sets out a plan."
    assert report.sections[0].items[0].text == "Steering Group – 20 May 2009"
