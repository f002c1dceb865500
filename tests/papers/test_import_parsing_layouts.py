"""Importing committee papers from text: other layouts of reports, action plans and progress
reports, and every printed form of a meeting date and a status."""

from datetime import date

import pytest

from papers.importer import Bullet, ContactOfficer, ParsedProgressReport, parse_paper
from tests.papers.paper_files import FIXTURES
from tests.papers.parsed_papers import import_file, numbered_items, paper_text

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
