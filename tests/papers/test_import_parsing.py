"""Importing committee papers from text: each paragraph where it was printed, or a refusal."""

import re
from datetime import date
from pathlib import Path

import pytest

from papers.exceptions import PaperFormatError
from papers.importer import (
    Bullet,
    ContactOfficer,
    ParsedActionPlan,
    ParsedProgressReport,
    ParsedReport,
    describe,
    parse_paper,
    read_paper_text,
)
from papers.seed_papers import SEED_PAPERS_DIR

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MID_TERM_REVIEW = "2007-11-14-community-strategy-mid-term-review.txt"
PRIORITIES = "2009-05-13-kcp-review-priorities-2009-10.txt"
PARTNERSHIP_PLAN = "2004-partnership-plan-2004-05.txt"


def seed_paper(name: str) -> Path:
    path = SEED_PAPERS_DIR / name
    assert path.exists(), f"seed paper {path} is missing"
    return path


def import_file(path: Path) -> ParsedReport | ParsedActionPlan | ParsedProgressReport:
    return parse_paper(read_paper_text(path), source=path.name)


def normalised(text: str) -> str:
    return " ".join(text.split())


def printed_paragraphs(source: str) -> list[tuple[str, str]]:
    """Every "N.N text" paragraph in the source, found independently of the importer."""
    found = []
    for line in source.splitlines():
        match = re.match(r"^(?:- )?(\d+\.\d+(?:\.\d+)*)\s*(\S.*)$", line.strip())
        if match:
            found.append((match.group(1), normalised(match.group(2))))
    return found


def printed_sections(source: str) -> list[tuple[str, str]]:
    return [
        (m.group(1), m.group(2).strip())
        for line in source.splitlines()
        if (m := re.match(r"^(\d+)\.\s*([A-Za-z].*)$", line.strip()))
    ]


def numbered_items(report: ParsedReport) -> list[tuple[str, str]]:
    return [
        (item.number, normalised(item.text))
        for section in report.sections
        for item in section.items
        if item.number
    ]


def paper_text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# The mid-term review (2007)


def test_mid_term_review_keeps_every_numbered_paragraph_in_order():
    path = seed_paper(MID_TERM_REVIEW)
    report = import_file(path)
    source = path.read_text(encoding="utf-8")
    assert numbered_items(report) == printed_paragraphs(source)
    assert [(s.number, s.heading) for s in report.sections] == printed_sections(source)


def test_mid_term_review_heading_shows_title_date_status_and_purpose():
    report = import_file(seed_paper(MID_TERM_REVIEW))
    header = report.header
    assert header.partnership == "KENSINGTON AND CHELSEA PARTNERSHIP"
    assert header.title == "COMMUNITY STRATEGY MID-TERM REVIEW"
    assert header.meeting_date == date(2007, 11, 14)
    assert header.status == "for_approval"
    assert header.status_as_printed == "FOR APPROVAL"
    assert header.purpose.startswith("This paper invites the Steering Group to discuss and approve")
    assert header.purpose.endswith("Community Strategy mid-term review.")
    assert report.warnings == []


def test_mid_term_review_contact_officer_is_kept_as_printed():
    report = import_file(seed_paper(MID_TERM_REVIEW))
    assert report.contact == ContactOfficer(
        name="Rachel Smith",
        job_title="KCP Support Manager",
        phone="020 7361 3671",
        email="RachelA.Smith@rbkc.gov.uk",
    )
    assert report.annexes == ["Annex A"]
    assert report.background_papers == []


# The review of priorities (2009)


def test_priorities_paper_keeps_every_numbered_paragraph_and_subheading_in_order():
    path = seed_paper(PRIORITIES)
    report = import_file(path)
    source = path.read_text(encoding="utf-8")
    assert numbered_items(report) == printed_paragraphs(source)
    assert [(s.number, s.heading) for s in report.sections] == printed_sections(source)


def test_priorities_paper_shows_numbered_headings_over_plain_text_as_subheadings():
    report = import_file(seed_paper(PRIORITIES))
    items = report.sections[1].items
    subheadings = [(i.number, i.text) for i in items if i.kind == "subheading"]
    assert subheadings == [
        ("2.2", "Role of the KCP"),
        ("2.3", "Membership"),
        ("2.4", "Steering Group meetings"),
        ("2.5", "Risk Management"),
        ("2.6", "Looking to the future"),
    ]
    role = [i.kind for i in items[1:5]]
    assert role == ["subheading", "paragraph", "label", "paragraph"]
    assert items[2].number == ""
    assert items[2].text.startswith("Role of the Partnership could be further developed")
    assert items[3].text == "Actions"
    assert [i.text for i in items if i.kind == "label"] == ["Actions"] * 5


def test_priorities_paper_heading_and_contact():
    report = import_file(seed_paper(PRIORITIES))
    assert report.header.title == "KCP Review – taking forward priorities for 2009/10"
    assert report.header.meeting_date == date(2009, 5, 13)
    assert report.header.status == "for_information"
    assert report.header.purpose == (
        "This paper outlines some actions identified by the Community Strategy sub group to take "
        "forward priorities arising from the KCP Review."
    )
    assert report.contact == ContactOfficer(
        name="Rachel Smith",
        job_title="KCP Manager",
        phone="020 7361 3671",
        email="RachelA.Smith@rbkc.gov.uk",
    )
    assert report.warnings == []


# The partnership plan (2004 action plan)


def test_partnership_plan_has_six_sections_with_their_rows():
    plan = import_file(seed_paper(PARTNERSHIP_PLAN))
    assert isinstance(plan, ParsedActionPlan)
    assert [(s.number, s.heading, len(s.rows)) for s in plan.sections] == [
        ("1", "Strategic", 6),
        ("2", "Inclusive", 5),
        ("3", "Action Focused", 4),
        ("4", "Performance Managed", 5),
        ("5", "Efficient (and efficiency of Partnership links)", 5),
        ("6", "Learning and Development", 7),
    ]
    header_row = [
        "Planned Action agreed April 2004",
        "Current Situation",
        "Lead contact/organisation",
        "Due date",
    ]
    assert all(section.columns == header_row for section in plan.sections)
    assert plan.warnings == []


def test_partnership_plan_heading_period_and_acronyms():
    plan = import_file(seed_paper(PARTNERSHIP_PLAN))
    assert plan.header.partnership == "The Kensington and Chelsea Partnership"
    assert plan.header.title == "PARTNERSHIP PLAN 2004/05"
    assert plan.period == "2004/05"
    assert plan.glossary == [
        ("KCP", "Kensington and Chelsea Partnership"),
        ("SG", "Steering group"),
        ("CS", "Community Strategy"),
        ("NRS", "Neighbourhood Renewal Strategy"),
        ("VOF", "Voluntary Organisations Forum"),
    ]


def test_partnership_plan_row_continued_on_the_next_line_is_merged():
    plan = import_file(seed_paper(PARTNERSHIP_PLAN))
    row = plan.sections[0].rows[2]
    assert row.planned_action == (
        "At least 50% of meetings to be located away from the town hall annually. Alternative "
        "venues to be found and booked. To advertise meetings locally"
    )
    assert row.current_situation == "Continues with present policy"
    assert row.lead == "RBKC Officers: Helen Kay and Ainsley Walcroft"
    assert row.due_date == "End March 2005"


def test_partnership_plan_bulleted_cell_has_one_bullet_per_line():
    plan = import_file(seed_paper(PARTNERSHIP_PLAN))
    assert plan.sections[0].rows[0].planned_action.split("\n") == [
        "Community Strategy (CS) sub-group to oversee production of new Community Strategy, "
        "incorporating the LNRS. The CS Project Plan will incorporate processes to:",
        "• redefine the aims of the partnership",
        "• reshape the Terms of Reference",
        "• revisit how the steering group is connected to the partner organisations it "
        "represents and to 'Friends of the Royal Borough, etc",
        "• consider how cross-cutting objectives can be incorporated",
        "• Improve robustness of indicators",
    ]


def test_partnership_plan_keeps_footnote_markers_and_empty_cells():
    plan = import_file(seed_paper(PARTNERSHIP_PLAN))
    training = plan.sections[5].rows[2]
    assert training.planned_action.startswith("Once a year the SG should undergo")
    assert "arrangements. * Review need for separate training (also see Appendix)" in (
        training.planned_action
    )
    assert plan.sections[0].rows[0].current_situation.endswith("section*)")
    website = plan.sections[1].rows[0]
    assert (website.current_situation, website.lead) == ("", "RBKC (as server host)")
    last = plan.sections[5].rows[-1]
    assert (last.lead, last.due_date) == (
        "RBKC: Helen Kay Steering group: Menghi Mulchandani",
        "December 2004",
    )


# Other layouts of the same kinds of paper


def test_head_of_service_report_heading():
    report = import_file(FIXTURES / "2002-03-20-nrf-allocations-report.txt")
    header = report.header
    assert header.group == "Steering Group"
    assert header.meeting_date == date(2002, 3, 20)
    assert header.author == "HEAD OF POLICY AND PARTNERSHIPS"
    assert header.author_as_printed == "REPORT OF THE HEAD OF POLICY AND PARTNERSHIPS"
    assert header.title == "NEIGHBOURHOOD RENEWAL FUND 2002/03 – PROPOSED ALLOCATIONS"
    assert header.status == "for_decision"
    assert header.purpose.startswith("This report sets out the proposed allocation")
    assert header.purpose.endswith("asks the Steering Group to agree it.")


def test_head_of_service_report_joins_wrapped_lines_and_keeps_gaps_in_numbering():
    report = import_file(FIXTURES / "2002-03-20-nrf-allocations-report.txt")
    assert [item[0] for item in numbered_items(report)] == [
        "1.1",
        "1.2",
        "2.1",
        "2.2",
        "2.4",
        "3.1",
    ]
    first = report.sections[0].items[0]
    assert first.text == (
        "The Neighbourhood Renewal Fund (NRF) was announced by the Government in 2001. The Royal "
        "Borough has been allocated £1.2 million for 2002/03, the second year of the three-year "
        "programme."
    )
    assert report.warnings == []
    assert [s.heading for s in report.sections] == [
        "INTRODUCTION",
        "PROPOSED ALLOCATIONS",
        "RECOMMENDATIONS",
    ]


def test_head_of_service_report_nests_bullets_by_indentation():
    report = import_file(FIXTURES / "2002-03-20-nrf-allocations-report.txt")
    bullets = report.sections[1].items[1]
    assert bullets.kind == "bullets"
    assert bullets.bullets == [
        Bullet("Community safety", 0),
        Bullet("estate wardens on the Wornington Green estate", 1),
        Bullet("youth diversion schemes", 1),
        Bullet("Health", 0),
        Bullet("Learning and employment", 0),
    ]
    recommendations = report.sections[2].items
    assert [(b.number, b.text) for b in recommendations[1].bullets] == [
        ("(a)", "agree the allocations set out at Annex B;"),
        ("(b)", "note the arrangements for monitoring."),
    ]


def test_head_of_service_report_foot_signatory_contact_background_papers_and_annex():
    report = import_file(FIXTURES / "2002-03-20-nrf-allocations-report.txt")
    assert report.signatory == "Derek Myers"
    assert report.signatory_title == "Town Clerk and Chief Executive"
    assert report.contact == ContactOfficer(
        name="Jane Doe",
        job_title="Partnership Officer",
        organisation="RBKC",
        phone="020 7361 0000",
        email="jane.doe@rbkc.gov.uk",
    )
    assert report.background_papers == [
        "Neighbourhood Renewal Strategy 2001",
        "Minutes of the Strategies Implementation Group, 5th March 2002",
    ]
    assert report.annexes == ["Annex B"]
    assert report.annex_titles == {"Annex B": "Proposed NRF allocations 2002/03"}


def test_progress_report_reads_objectives_and_labels_wrapped_in_emphasis():
    report = import_file(FIXTURES / "2002-05-23-nrs-progress-report.md")
    assert isinstance(report, ParsedProgressReport)
    assert report.header.meeting_date == date(2002, 5, 23)
    assert report.header.group == ""
    assert report.header.title == "Neighbourhood Renewal Strategy – progress report"
    assert report.header.status == "for_information"
    assert [(o.number, o.title, len(o.actions)) for o in report.objectives] == [
        ("1", "Improve access to local services", 2),
        ("2", "Reduce crime and the fear of crime", 1),
        ("3", "Raise attainment in local schools", 1),
    ]
    first = report.objectives[0].actions[0]
    assert first.action == (
        "Publish a directory of local services in the six most common community languages."
    )
    assert first.progress == (
        "Directory drafted; translation into Arabic, Portuguese and Spanish complete, with Farsi, "
        "Somali and Tigrinya due in June."
    )
    assert (first.lead, first.due_date) == ("RBKC Policy and Partnerships Unit", "July 2002")


def test_progress_report_keeps_bullets_and_paragraphs_of_progress():
    report = import_file(FIXTURES / "2002-05-23-nrs-progress-report.md")
    one_stop_shop = report.objectives[0].actions[1]
    assert one_stop_shop.progress == (
        "• Site identified at the Golborne Road library\n• Staffing agreed with the Social Council"
    )
    assert [str(w) for w in report.warnings] == []
    wardens = report.objectives[1].actions[0]
    assert wardens.progress == (
        "Wardens recruited in April.\nTraining is under way and patrols start in June."
    )
    schools = report.objectives[2].actions[0]
    assert (schools.lead, schools.due_date) == ("Education Business Partnership", "")
    assert report.contact == ContactOfficer(
        name="Helen Kay",
        job_title="Partnership Support Officer",
        organisation="Royal Borough of Kensington and Chelsea",
        phone="020 7361 2222",
        email="helen.kay@rbkc.gov.uk",
    )


def test_numbers_run_into_the_text_and_list_item_paragraphs_are_split_correctly():
    report = import_file(FIXTURES / "2009-05-13-membership-review-run-in-numbers.txt")
    assert [(s.number, s.heading) for s in report.sections] == [
        ("1", "Background"),
        ("2", "Proposals"),
        ("3", "Recommendation"),
    ]
    assert numbered_items(report) == [
        ("1.1", "The Steering Group last reviewed its membership in 2006."),
        ("1.2", "The Terms of Reference require a review every three years."),
        (
            "2.1",
            "Members have been asked whether their organisation still wishes to be represented.",
        ),
        ("2.2", "Membership will be offered to the new Third Sector Forum."),
        (
            "2.5",
            "The Learning and Skills Council will cease to exist in 2010; its place will pass to "
            "the Skills Funding Agency.",
        ),
        ("2.7", "The Chairman will write to each member organisation."),
        ("3.1", "The Steering Group is asked to agree the proposals in section 2."),
    ]
    assert report.warnings == []


def test_uk_numeric_date_agenda_item_and_purpose_label_are_read():
    report = import_file(FIXTURES / "2009-05-13-membership-review-run-in-numbers.txt")
    assert report.header.meeting_date == date(2009, 5, 13)
    assert report.header.agenda_item == "5"
    assert (
        report.header.purpose == "To invite the Steering Group to agree changes to its membership."
    )
    assert report.contact.organisation == "Kensington and Chelsea Partnership"
    assert report.background_papers == []


def test_markdown_report_loses_heading_hashes_and_emphasis_but_keeps_numbers():
    report = import_file(FIXTURES / "2008-01-16-community-engagement-plan.md")
    assert report.header.title == "Community Engagement Plan 2008"
    assert report.header.author == "Partnership Support Manager"
    assert report.header.status == "for_comment"
    assert [(s.number, s.heading) for s in report.sections] == [
        ("1", "Introduction"),
        ("2", "The plan"),
        ("3", "Conclusion"),
    ]
    plan = report.sections[1].items
    assert [(i.kind, i.number) for i in plan] == [
        ("subheading", "2.1"),
        ("paragraph", ""),
        ("bullets", ""),
        ("label", ""),
        ("paragraph", "2.1.1"),
        ("paragraph", "2.1.2"),
        ("subheading", "2.2"),
        ("paragraph", "2.2.1"),
        ("paragraph", "2.2.2"),
    ]
    assert plan[7].text.startswith("A short questionnaire will go")
    assert plan[8].text.startswith("Two open events")


def test_markdown_bullets_nest_by_indentation_whatever_the_marker():
    report = import_file(FIXTURES / "2008-01-16-community-engagement-plan.md")
    assert report.sections[1].items[2].bullets == [
        Bullet("Residents' associations", 0),
        Bullet("in the north of the borough", 1),
        Bullet("in the south of the borough", 1),
        Bullet("Young people", 0),
        Bullet("through youth clubs", 1),
        Bullet("through schools", 1),
        Bullet("Older people", 0),
    ]


def test_markdown_report_contact_over_several_lines_and_annex_list():
    report = import_file(FIXTURES / "2008-01-16-community-engagement-plan.md")
    assert report.contact == ContactOfficer(
        name="Ellie Hobart",
        job_title="Policy Officer",
        organisation="Policy and Partnerships Unit, RBKC",
        phone="020 7361 2844",
        email="ellie.hobart@rbkc.gov.uk",
    )
    assert report.background_papers == [
        "Community Strategy 2005–2015",
        "Consultation Strategy, Royal Borough of Kensington and Chelsea, 2007",
    ]
    assert report.annexes == ["Annex A", "Annex B"]
    assert report.annex_titles["Annex B"] == "Timetable of events"


def test_action_plan_in_another_layout_keeps_markers_bullets_and_footnotes():
    plan = import_file(FIXTURES / "2005-action-plan-2005-06.txt")
    assert plan.period == "2005/06"
    assert plan.glossary == [("LSP", "Local Strategic Partnership"), ("PCT", "Primary Care Trust")]
    assert plan.sections[0].columns == ["Action", "Progress to date", "Lead", "Target date"]
    review, protocol = plan.sections[0].rows
    assert review.planned_action == "Review the Terms of Reference"
    assert review.current_situation == "Draft agreed by the Agenda Planning sub-group*"
    assert protocol.current_situation == "• joint commissioning\n• shared data"
    report_row = plan.sections[1].rows[0]
    assert report_row.planned_action == (
        "Publish the annual report and distribute it to libraries, surgeries and community centres"
    )
    assert plan.footnotes == ["* The sub-group met on 4th May 2005."]


def test_tab_numbered_windows_text_with_address_and_fax_in_the_contact_block():
    report = import_file(FIXTURES / "2003-07-09-laa-review-tab-numbered.txt")
    assert report.header.group == "KCP Steering Group"
    assert report.header.meeting_date == date(2003, 7, 9)
    assert report.header.agenda_item == "6"
    assert report.header.author == "EXECUTIVE DIRECTOR, PLANNING AND CONSERVATION"
    assert report.header.title == "LOCAL AREA AGREEMENT: FIRST YEAR REVIEW"
    assert report.header.purpose.endswith("asks the Steering Group to note progress.")
    assert numbered_items(report)[0] == (
        "1.1",
        "The Local Area Agreement (LAA) was signed in March 2003 by the Council, the Primary "
        "Care Trust, the Police and the Voluntary Organisations Forum. It runs for three years.",
    )
    assert [b.text for b in report.sections[1].items[3].bullets] == [
        "adult skills",
        "carbon emissions",
    ]
    assert report.contact == ContactOfficer(
        name="Tony Redpath",
        job_title="Head of Policy",
        organisation="RBKC",
        phone="020 7361 2222",
        email="tony.redpath@rbkc.gov.uk",
        address="Town Hall, Hornton Street, London W8 7NX",
    )


def test_progress_report_without_emphasis_and_with_numbered_actions():
    report = import_file(FIXTURES / "2008-03-12-delivery-plan-progress.txt")
    assert report.header.group == "Steering Group"
    assert report.header.status == "for_noting"
    assert [(o.number, o.title) for o in report.objectives] == [
        ("1", "A safer borough"),
        ("2", "Better housing"),
    ]
    burglary = report.objectives[0].actions[0]
    assert (burglary.number, burglary.lead, burglary.due_date) == (
        "1.1",
        "Borough Commander",
        "March 2009",
    )
    empty_homes = report.objectives[1].actions[1]
    assert empty_homes.progress == ("• 14 homes brought back\n• grants scheme launched in January")
    assert report.contact.email == "ellie.hobart@rbkc.gov.uk"


def test_signed_label_and_unnumbered_paragraphs_and_single_number_recommendations():
    report = parse_paper(
        paper_text(
            "Neighbourhood Renewal: Community Chest",
            "For discussion",
            "1 Background",
            "The fund closes in March.",
            "2 Options",
            "1. That the fund is rolled over into next year with the same criteria.",
            "2. That the criteria are widened to include faith groups.",
            "",
            "Signed:",
            "Derek Myers",
            "Chief Executive",
            "",
            "Contact Officer: Helen Kay (020 7361 2222)",
        )
    )
    assert [(s.number, s.heading) for s in report.sections] == [
        ("1", "Background"),
        ("2", "Options"),
    ]
    assert [(i.number, i.text[:20]) for i in report.sections[1].items] == [
        ("1", "That the fund is rol"),
        ("2", "That the criteria ar"),
    ]
    assert (report.signatory, report.signatory_title) == ("Derek Myers", "Chief Executive")
    assert (report.contact.name, report.contact.phone) == ("Helen Kay", "020 7361 2222")
    assert report.warnings == []


@pytest.mark.parametrize(
    ("printed", "expected_date", "expected_group"),
    [
        ("May 13th, 2009", date(2009, 5, 13), ""),
        ("14th November 2007", date(2007, 11, 14), ""),
        ("STEERING GROUP MEETING – 20TH MARCH 2002", date(2002, 3, 20), "Steering Group"),
        ("MEETING ON 23RD MAY 2002", date(2002, 5, 23), ""),
        ("13 May 2009", date(2009, 5, 13), ""),
        ("13/05/2009", date(2009, 5, 13), ""),
        (
            "KCP Steering Group meeting, Wednesday 13 May 2009",
            date(2009, 5, 13),
            "KCP Steering Group",
        ),
    ],
)
def test_meeting_date_is_read_in_every_printed_form(printed, expected_date, expected_group):
    report = parse_paper(
        paper_text(
            "KENSINGTON AND CHELSEA PARTNERSHIP", printed, "A TITLE", "1. Intro", "1.1 Text."
        )
    )
    assert report.header.meeting_date == expected_date
    assert report.header.group == expected_group


@pytest.mark.parametrize(
    ("printed", "status"),
    [
        ("FOR APPROVAL", "for_approval"),
        ("For information", "for_information"),
        ("for decision", "for_decision"),
        ("For Discussion", "for_discussion"),
        ("For comment.", "for_comment"),
        ("FOR NOTING", "for_noting"),
    ],
)
def test_status_is_recognised_in_any_case(printed, status):
    report = parse_paper(paper_text("A TITLE", printed, "1. Intro", "1.1 Text."))
    assert (report.header.status, report.header.status_as_printed) == (status, printed)


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
