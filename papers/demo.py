"""Demo content of the papers app: Steering Group meetings (two held, one upcoming with an
agenda) and one small hand-built paper of each type. Creates only what is missing; the seed
papers themselves arrive through the importer."""

import datetime
from zoneinfo import ZoneInfo

from wagtail.models import Page

from .models import (
    ActionPlanPage,
    AgendaItem,
    ContactOfficer,
    MeetingIndexPage,
    MeetingPage,
    MinutesPage,
    PaperArchivePage,
    ProgressReportPage,
    ReportPage,
)

LONDON = ZoneInfo("Europe/London")
TOWN_HALL = "The Town Hall, Hornton Street, London W8 7NX"
PUBLIC_ATTENDANCE = (
    "Members of the public are welcome to observe. Please tell the Partnership team a day "
    "before so we can make sure there is room; questions may be sent in beforehand."
)


def load(stdout) -> None:
    steering_group = Page.objects.filter(depth=3, slug="steering-group").first()
    _archive_and_meetings_pages(steering_group, stdout)
    if steering_group is None:
        return
    contact = ContactOfficer.objects.first()
    if contact is None:
        contact = ContactOfficer.objects.create(
            name="Partnership team",
            job_title="Kensington and Chelsea Partnership support",
            organisation="Royal Borough of Kensington and Chelsea",
            phone="020 7361 3671",
            email="kcp@rbkc.gov.uk",
        )

    november_2007 = _meeting(
        steering_group,
        stdout,
        title="Steering Group meeting, 14 November 2007",
        start=datetime.datetime(2007, 11, 14, 18, 30, tzinfo=LONDON),
        status=MeetingPage.Status.HELD,
        agenda=[("Community Strategy mid-term review", "Rachel Smith", "For approval")],
    )
    may_2009 = _meeting(
        steering_group,
        stdout,
        title="Steering Group meeting, 13 May 2009",
        start=datetime.datetime(2009, 5, 13, 18, 30, tzinfo=LONDON),
        status=MeetingPage.Status.HELD,
        agenda=[],
    )
    report = _report(may_2009, contact, stdout)
    _meeting(
        steering_group,
        stdout,
        title="Steering Group meeting, 10 March 2027",
        start=datetime.datetime(2027, 3, 10, 18, 30, tzinfo=LONDON),
        status=MeetingPage.Status.SCHEDULED,
        venue=("Kensington and Chelsea Social Council", "111–117 Lancaster Road, London W11 1QT"),
        agenda=[
            ("Welcome, introductions and apologies", "The Chairman", ""),
            ("Minutes of the last meeting", "The Chairman", "For approval"),
            ("KCP Review: taking forward priorities", "Rachel Smith", "For information", report),
            ("News and Views from the theme groups", "Lead officers", "For discussion"),
            ("Any other business", "", ""),
        ],
    )
    _minutes(november_2007, may_2009, stdout)
    _action_plan(steering_group, stdout)
    _progress_report(steering_group, stdout)


def _archive_and_meetings_pages(steering_group, stdout) -> None:
    """The papers archive at /papers/ and the meetings calendar at /meetings/, in the menu."""
    from home.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        return
    if not PaperArchivePage.objects.exists():
        archive = PaperArchivePage(
            title="Papers",
            slug="papers",
            show_in_menus=True,
            introduction="Every report, action plan, progress report and set of minutes the "
            "Partnership has published. Search them, or narrow them down by year, group, "
            "status or kind.",
        )
        _add_child(home, archive, stdout)
    if not MeetingIndexPage.objects.exists():
        meetings = MeetingIndexPage(
            title="Meetings",
            slug="meetings",
            show_in_menus=True,
            introduction="When and where every group of the Partnership meets. Meetings are "
            "open to the public unless the agenda says otherwise.",
            forward_programme_group=steering_group,
        )
        _add_child(home, meetings, stdout)


def _add_child(parent: Page, page: Page, stdout) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    stdout.write(f"Created {page.title} at {page.url_path}")
    return page


def _meeting(group, stdout, *, title, start, status, agenda, venue=None) -> MeetingPage:
    existing = MeetingPage.objects.child_of(group).filter(start=start).first()
    if existing:
        return existing
    venue_name, venue_address = venue or ("The Town Hall, Council Chamber", TOWN_HALL)
    meeting = MeetingPage(
        title=title,
        start=start,
        end=start + datetime.timedelta(hours=2),
        status=status,
        venue_name=venue_name,
        venue_address=venue_address,
        is_away_from_town_hall=venue is not None,
        is_step_free=True,
        has_hearing_loop=venue is None,
        access_notes="The accessible entrance is on Phillimore Walk." if venue is None else "",
        public_attendance=PUBLIC_ATTENDANCE,
        agenda_items=[
            AgendaItem(
                title=item[0],
                presenter=item[1],
                purpose=item[2],
                paper=item[3] if len(item) > 3 else None,
            )
            for item in agenda
        ],
    )
    return _add_child(group, meeting, stdout)


def _paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": {"number": "", "text": text}}


def _report(meeting, contact, stdout) -> ReportPage:
    existing = ReportPage.objects.child_of(meeting).first()
    if existing:
        return existing
    report = ReportPage(
        title="KCP Review – taking forward priorities for 2009/10",
        slug="kcp-review-priorities-2009-10",
        status=ReportPage.Status.FOR_INFORMATION,
        status_as_printed="For information",
        purpose="This paper outlines some actions identified by the Community Strategy sub "
        "group to take forward priorities arising from the KCP Review.",
        contact_name="Rachel Smith",
        contact_job_title="KCP Manager",
        contact_phone="020 7361 3671",
        contact_email="RachelA.Smith@rbkc.gov.uk",
        contact_officer=contact,
        body=[
            {
                "type": "section",
                "value": {
                    "number": "",
                    "heading": "Introduction",
                    "content": [
                        _paragraph(
                            "At the Community Strategy sub group meeting in April officers "
                            "suggested ways in which actions identified during the KCP Review "
                            "could be taken forward. The Partnership is asked to note these, "
                            "for information."
                        )
                    ],
                },
            },
            {
                "type": "section",
                "value": {
                    "number": "",
                    "heading": "Identified priorities",
                    "content": [
                        _paragraph(
                            "Areas for action, as identified and agreed at the KCP Steering "
                            "Group meeting in March, are outlined below."
                        ),
                        {"type": "subheading", "value": {"number": "", "text": "Role of the KCP"}},
                        {
                            "type": "text",
                            "value": {
                                "text": "The wider network of theme groups and sub "
                                "partnerships is underused and could be strengthened."
                            },
                        },
                        {"type": "label", "value": {"text": "Actions:"}},
                        _paragraph(
                            "RBKC officers to enhance the KCP website, adding a theme group "
                            "page. Agendas and papers for meetings to be made available here."
                        ),
                        _paragraph(
                            "KCP members to update on the work of relevant theme groups at "
                            "each Steering Group meeting during ‘News and Views’."
                        ),
                    ],
                },
            },
            {
                "type": "section",
                "value": {
                    "number": "",
                    "heading": "Conclusion",
                    "content": [
                        _paragraph(
                            "The Steering Group is asked to note the contents of the report, "
                            "particularly 2.2.1."
                        )
                    ],
                },
            },
        ],
    )
    return _add_child(meeting, report, stdout)


def _minutes(meeting, confirmed_at, stdout) -> None:
    if MinutesPage.objects.child_of(meeting).exists():
        return
    minutes = MinutesPage(
        title="Minutes of the Steering Group meeting, 14 November 2007",
        slug="minutes",
        minutes_status=MinutesPage.MinutesStatus.CONFIRMED,
        confirmed_at_meeting=confirmed_at,
        attendees="Councillor Merrick Cockell (Chairman)\nRachel Smith, KCP Support Manager\n"
        "Simi Towry-Coker, Kensington and Chelsea Social Council",
        apologies="Derek Myers, Town Clerk",
        minutes=[
            {
                "type": "minute",
                "value": {
                    "number": "",
                    "heading": "Community Strategy mid-term review",
                    "text": "The Steering Group discussed the proposed updates and approved "
                    "them for publication, subject to minor wording amendments.",
                },
            }
        ],
        actions_arising=[
            {
                "type": "action",
                "value": {
                    "action": "Publish the mid-term review document.",
                    "owner": "Rachel Smith",
                    "due_date": "End November 2007",
                },
            }
        ],
    )
    _add_child(meeting, minutes, stdout)


def _action_plan(group, stdout) -> None:
    if ActionPlanPage.objects.child_of(group).exists():
        return
    plan = ActionPlanPage(
        title="Partnership Plan 2004/05",
        slug="partnership-plan-2004-05",
        period="2004/05",
        glossary=[
            {"type": "entry", "value": {"acronym": acronym, "expansion": expansion}}
            for acronym, expansion in [
                ("KCP", "Kensington and Chelsea Partnership"),
                ("SG", "Steering group"),
                ("CS", "Community Strategy"),
                ("VOF", "Voluntary Organisations Forum"),
            ]
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
                            "planned_action": "CS sub-group to oversee production of new "
                            "Community Strategy. The CS Project Plan will:\n"
                            "• redefine the aims of the partnership\n"
                            "• reshape the Terms of Reference",
                            "current_situation": "Compact approved in draft form in March 04.*",
                            "lead": "Community Strategy subgroup",
                            "due_date": "New CS due July 2005",
                            "rag": "done",
                            "due_on": None,
                        },
                        {
                            "planned_action": "At least 50% of meetings to be located away "
                            "from the town hall annually.",
                            "current_situation": "Continues with present policy",
                            "lead": "RBKC Officers: Helen Kay and Ainsley Walcroft",
                            "due_date": "End March 2005",
                            "rag": "on_track",
                            "due_on": None,
                        },
                        {
                            "planned_action": "Equalities: ensure that equalities issues "
                            "arising from the work of KCP SG are identified.",
                            "current_situation": "Cross borough meeting of Equalities officers "
                            "have met",
                            "lead": "KCSC officer: Simi Towry-Coker",
                            "due_date": "Ongoing",
                            "rag": "",
                            "due_on": None,
                        },
                    ],
                },
            }
        ],
        footnotes="* See also the Learning and Development section.",
    )
    _add_child(group, plan, stdout)


def _progress_report(group, stdout) -> None:
    if ProgressReportPage.objects.child_of(group).exists():
        return
    report = ProgressReportPage(
        title="Partnership Plan 2004/05: progress at September 2004",
        slug="partnership-plan-progress-september-2004",
        status=ProgressReportPage.Status.FOR_NOTING,
        purpose="Progress against the actions of the Partnership Plan 2004/05.",
        objectives=[
            {
                "type": "objective",
                "value": {
                    "number": "",
                    "title": "A more inclusive Partnership",
                    "actions": [
                        {
                            "number": "",
                            "action": "Agree a forward programme of Steering Group meetings.",
                            "progress": "Forward programme agreed by the Agenda Planning "
                            "sub-group in September 2004.",
                            "lead": "Helen Kay",
                            "due_date": "From September 2004 meeting",
                            "rag": "done",
                        },
                        {
                            "number": "",
                            "action": "Add a News and Views slot to each meeting.",
                            "progress": "Trial from the July 2004 meeting.",
                            "lead": "Agenda Planning sub-group",
                            "due_date": "Start with July 2004 meeting",
                            "rag": "on_track",
                        },
                    ],
                },
            }
        ],
    )
    _add_child(group, report, stdout)
