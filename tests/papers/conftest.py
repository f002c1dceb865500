"""Pages most paper tests start from, each built on the one before: the Steering Group, a
meeting of it, and a paper of each type at that meeting."""

import datetime

import pytest

from papers.meeting_calendar import LONDON

__all__ = ["LONDON"]  # the tests import the one LONDON from here


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def paragraph(text: str, number: str = "") -> dict:
    return {"type": "paragraph", "value": {"number": number, "text": text}}


def section(heading: str, content: list, number: str = "") -> dict:
    return {"type": "section", "value": {"number": number, "heading": heading, "content": content}}


def report_body(paragraph_count: int = 3) -> list:
    """A report with an introduction and a section of `paragraph_count` paragraphs, one of
    them under a numbered subheading."""
    return [
        section("Introduction", [paragraph("This report outlines the actions.")]),
        section(
            "Identified priorities",
            [
                paragraph("Areas for action are outlined below."),
                {"type": "subheading", "value": {"number": "", "text": "Role of the KCP"}},
                {"type": "text", "value": {"text": "The wider network is underused."}},
                {"type": "label", "value": {"text": "Actions:"}},
                *[paragraph(f"Action paragraph {n}.") for n in range(1, paragraph_count + 1)],
                {
                    "type": "bullets",
                    "value": {
                        "items": [
                            {"text": "Agendas online", "level": 0},
                            {"text": "Papers too", "level": 1},
                        ]
                    },
                },
            ],
        ),
    ]


@pytest.fixture
def steering_group(home_page):
    from themegroups.models import GroupPage

    return publish(
        home_page,
        GroupPage(
            title="Steering Group",
            slug="steering-group",
            kind=GroupPage.Kind.STEERING_GROUP,
            purpose="Leads the Partnership.",
            show_in_menus=True,
        ),
    )


@pytest.fixture
def meeting(steering_group):
    from papers.models import MeetingPage

    return publish(
        steering_group,
        MeetingPage(
            title="Steering Group meeting, 13 May 2009",
            start=datetime.datetime(2009, 5, 13, 18, 30, tzinfo=LONDON),
            end=datetime.datetime(2009, 5, 13, 20, 30, tzinfo=LONDON),
            status=MeetingPage.Status.HELD,
            venue_name="The Town Hall",
            venue_address="Hornton Street\nLondon W8 7NX",
            is_step_free=True,
            has_hearing_loop=True,
            public_attendance="Members of the public are welcome.",
        ),
    )


@pytest.fixture
def contact_officer(db):
    from papers.models import ContactOfficer

    return ContactOfficer.objects.create(
        name="Partnership team", job_title="KCP support", email="kcp@rbkc.gov.uk"
    )


@pytest.fixture
def report(meeting, contact_officer):
    from papers.models import ReportPage

    return publish(
        meeting,
        ReportPage(
            title="KCP Review – taking forward priorities for 2009/10",
            slug="kcp-review",
            status=ReportPage.Status.FOR_INFORMATION,
            purpose="This paper outlines some actions.",
            contact_name="Rachel Smith",
            contact_job_title="KCP Manager",
            contact_phone="020 7361 3671",
            contact_email="RachelA.Smith@rbkc.gov.uk",
            contact_officer=contact_officer,
            body=report_body(),
        ),
    )


@pytest.fixture
def action_plan(steering_group):
    from papers.models import ActionPlanPage

    return publish(
        steering_group,
        ActionPlanPage(
            title="Partnership Plan 2004/05",
            slug="partnership-plan-2004-05",
            period="2004/05",
            glossary=[
                {
                    "type": "entry",
                    "value": {"acronym": "KCP", "expansion": "Kensington and Chelsea Partnership"},
                },
                {"type": "entry", "value": {"acronym": "CS", "expansion": "Community Strategy"}},
            ],
            sections=[
                {
                    "type": "section",
                    "value": {
                        "number": "",
                        "heading": "Strategic",
                        "columns": [
                            "Planned Action agreed April 2004",
                            "Current Situation",
                            "Lead contact/organisation",
                            "Due date",
                        ],
                        "rows": [
                            {
                                "planned_action": "CS sub-group to oversee the new CS:\n"
                                "• redefine the aims\n"
                                "• reshape the Terms of Reference",
                                "current_situation": "The KCP agreed it. The KCP met.",
                                "lead": "Community Strategy subgroup",
                                "due_date": "July/August 2004",
                                "rag": "at_risk",
                                "due_on": None,
                            },
                            {
                                "planned_action": "Equalities work",
                                "current_situation": "",
                                "lead": "KCSC",
                                "due_date": "Ongoing",
                                "rag": "",
                                "due_on": None,
                            },
                        ],
                    },
                }
            ],
            footnotes="* See also the Learning section.",
        ),
    )


@pytest.fixture
def progress_report(steering_group):
    from papers.models import ProgressReportPage

    return publish(
        steering_group,
        ProgressReportPage(
            title="Partnership Plan: progress",
            slug="progress",
            status=ProgressReportPage.Status.FOR_NOTING,
            objectives=[
                {
                    "type": "objective",
                    "value": {
                        "number": "",
                        "title": "A more inclusive Partnership",
                        "actions": [
                            {
                                "number": "",
                                "action": "Agree a forward programme.",
                                "progress": "Agreed in September 2004.",
                                "lead": "Helen Kay",
                                "due_date": "September 2004",
                                "rag": "done",
                            }
                        ],
                    },
                }
            ],
        ),
    )


@pytest.fixture
def later_meeting(steering_group):
    from papers.models import MeetingPage

    return publish(
        steering_group,
        MeetingPage(
            title="Steering Group meeting, 8 July 2009",
            start=datetime.datetime(2009, 7, 8, 18, 30, tzinfo=LONDON),
            venue_name="The Town Hall",
        ),
    )


@pytest.fixture
def minutes(meeting, later_meeting):
    from papers.models import MinutesPage

    return publish(
        meeting,
        MinutesPage(
            title="Minutes of the meeting of 13 May 2009",
            slug="minutes",
            minutes_status=MinutesPage.MinutesStatus.CONFIRMED,
            confirmed_at_meeting=later_meeting,
            attendees="Councillor Merrick Cockell (Chairman)\nRachel Smith",
            apologies="Derek Myers",
            minutes=[
                {
                    "type": "minute",
                    "value": {
                        "number": "",
                        "heading": "Welcome",
                        "text": "The Chairman welcomed members.",
                    },
                },
                {
                    "type": "minute",
                    "value": {"number": "", "heading": "KCP Review", "text": "Noted."},
                },
            ],
            actions_arising=[
                {
                    "type": "action",
                    "value": {
                        "action": "Publish the review.",
                        "owner": "Rachel Smith",
                        "due_date": "June 2009",
                    },
                }
            ],
        ),
    )


@pytest.fixture
def paper_archive(home_page):
    from papers.models import PaperArchivePage

    return publish(home_page, PaperArchivePage(title="Papers", slug="papers", show_in_menus=True))


@pytest.fixture
def meetings_index(home_page, steering_group):
    from papers.models import MeetingIndexPage

    return publish(
        home_page,
        MeetingIndexPage(
            title="Meetings",
            slug="meetings",
            show_in_menus=True,
            forward_programme_group=steering_group,
        ),
    )


@pytest.fixture
def theme_group(home_page):
    from themegroups.models import GroupPage

    return publish(
        home_page,
        GroupPage(
            title="Health and Well-Being Partnership",
            slug="health-and-well-being",
            kind=GroupPage.Kind.THEME_GROUP,
            purpose="Improves health.",
        ),
    )


# --- Consultations: open, not yet open, closed and with results, at a fixed clock -------------
# FIXED_NOW is the fixed clock of the status tests; pages served over HTTP use the real clock,
# so the HTTP fixtures' dates are relative to now.

FIXED_NOW = datetime.datetime(2009, 6, 1, 12, 0, tzinfo=LONDON)


def consultation_questions() -> list:
    return [
        {
            "type": "choice",
            "value": {
                "key": "priority",
                "question": "Which area for action matters most to you?",
                "help_text": "",
                "is_required": True,
                "choices": "The role of the KCP\nMembership\nRisk management",
            },
        },
        {
            "type": "free_text",
            "value": {
                "key": "first",
                "question": "What should the Partnership do first?",
                "help_text": "",
                "is_required": True,
            },
        },
        {
            "type": "free_text",
            "value": {
                "key": "else",
                "question": "Anything else?",
                "help_text": "Optional.",
                "is_required": False,
            },
        },
    ]


def make_consultation(parent, *, title="Priorities for 2009/10: your views", slug="", **fields):
    from papers.models import ConsultationPage

    now = datetime.datetime.now(tz=LONDON)
    values = {
        "purpose": "Which of the KCP Review's priorities matter most to you?",
        "audience": "Residents, groups and partners in the borough.",
        "opens_at": now - datetime.timedelta(days=1),
        "closes_at": now + datetime.timedelta(days=14),
        "questions": consultation_questions(),
        "reply_by_post": "KCP, The Town Hall\nHornton Street\nLondon W8 7NX",
        "reply_by_telephone": "020 7361 3671",
        "background": "<p>The KCP Review found five areas for action.</p>",
        **fields,
    }
    return publish(parent, ConsultationPage(title=title, slug=slug or "", **values))


@pytest.fixture
def consultation(steering_group):
    """Open now, for members only, three questions (a choice and two in words)."""
    return make_consultation(steering_group, slug="priorities-your-views")


@pytest.fixture
def upcoming_consultation(steering_group):
    now = datetime.datetime.now(tz=LONDON)
    return make_consultation(
        steering_group,
        title="Membership review: your views",
        slug="membership-review",
        opens_at=now + datetime.timedelta(days=3),
        closes_at=now + datetime.timedelta(days=30),
    )


@pytest.fixture
def closed_consultation(steering_group):
    now = datetime.datetime.now(tz=LONDON)
    return make_consultation(
        steering_group,
        title="Risk register: your views",
        slug="risk-register",
        opens_at=now - datetime.timedelta(days=30),
        closes_at=now - datetime.timedelta(days=2),
    )


@pytest.fixture
def consultation_with_results(steering_group):
    now = datetime.datetime.now(tz=LONDON)
    return make_consultation(
        steering_group,
        title="Community Strategy mid-term review: comments",
        slug="mid-term-review-comments",
        opens_at=now - datetime.timedelta(days=60),
        closes_at=now - datetime.timedelta(days=30),
        results_published_at=now - datetime.timedelta(days=1),
        results_summary="<p>Nine groups sent suggestions.</p>",
        you_said_we_did=[
            {
                "type": "change",
                "value": {
                    "you_said": "Add activity with a partnership focus.",
                    "we_did": "The draft update adds each suggestion.",
                },
            }
        ],
    )


@pytest.fixture
def report_open_for_comments(report):
    from papers.services import open_for_comments

    open_for_comments(
        report, closes_at=datetime.datetime.now(tz=LONDON) + datetime.timedelta(days=10)
    )
    return report
