"""Importing committee papers from text: the seed papers keep each paragraph as printed."""

import re
from datetime import date

from papers.importer import ContactOfficer, ParsedActionPlan
from tests.papers.paper_files import MID_TERM_REVIEW, PARTNERSHIP_PLAN, PRIORITIES, seed_paper
from tests.papers.parsed_papers import import_file, normalised, numbered_items


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
