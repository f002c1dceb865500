"""Demo content of the papers app: Steering Group meetings (two held, one upcoming with an
agenda, and three held in the last few months, whose attendance the members' demo records),
the three seed papers imported and published through the importer, hand-built minutes and a
progress report (page types the seed papers do not include), an open consultation on the 2009
review's priorities, a closed one (the 2007 mid-term review's call for comments) with its
results, and the 2009 priorities paper open for comments. Creates only what is missing; a seed
paper already imported from the same text is left alone."""

import datetime

from django.utils import timezone
from wagtail.models import Page

from home.models import HomePage, Interest

from .meeting_calendar import LONDON
from .models import (
    AgendaItem,
    CommentPeriod,
    ConsultationPage,
    ContactOfficer,
    MeetingIndexPage,
    MeetingPage,
    MinutesPage,
    PaperArchivePage,
    ProgressReportPage,
)
from .seed_papers import SEED_PAPERS_DIR
from .services import import_paper, open_for_comments

MID_TERM_REVIEW = "2007-11-14-community-strategy-mid-term-review.txt"
PRIORITIES = "2009-05-13-kcp-review-priorities-2009-10.txt"
PARTNERSHIP_PLAN = "2004-partnership-plan-2004-05.txt"
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
    if not ContactOfficer.objects.exists():
        ContactOfficer.objects.create(
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
    report = _seed_paper(PRIORITIES, steering_group, stdout)
    mid_term = _seed_paper(MID_TERM_REVIEW, steering_group, stdout)
    # The plan prints no meeting date: it sits under the Steering Group, as action plans may,
    # rather than at an invented 2004 meeting.
    _seed_paper(PARTNERSHIP_PLAN, steering_group, stdout)
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
    _recent_meetings(steering_group, stdout)
    _minutes(november_2007, may_2009, stdout)
    _progress_report(steering_group, stdout)
    _consultations(steering_group, stdout)
    _link_agenda_papers(
        steering_group,
        [
            (november_2007, "Community Strategy mid-term review", "Rachel Smith", mid_term),
            (may_2009, "KCP Review: priorities for 2009/10", "Rachel Smith", report),
        ],
        stdout,
    )
    if not CommentPeriod.objects.filter(page=report).exists():
        open_for_comments(report, closes_at=timezone.now() + datetime.timedelta(days=28))
        stdout.write(f"Opened {report.title} for comments")


# How many days ago the recent demo meetings were held: every nine weeks, this municipal
# year for most of the year (the attendance report's demo).
RECENT_MEETINGS_DAYS_AGO = (28, 91, 154)


def _recent_meetings(steering_group, stdout) -> None:
    today = datetime.datetime.now(LONDON).date()
    for days_ago in RECENT_MEETINGS_DAYS_AGO:
        day = today - datetime.timedelta(days=days_ago)
        _meeting(
            steering_group,
            stdout,
            title=f"Steering Group meeting, {day.day} {day:%B %Y}",
            start=datetime.datetime(day.year, day.month, day.day, 18, 30, tzinfo=LONDON),
            status=MeetingPage.Status.HELD,
            agenda=[
                ("Welcome, introductions and apologies", "The Chairman", ""),
                ("News and Views from the theme groups", "Lead officers", "For discussion"),
            ],
        )


def _link_agenda_papers(steering_group, links: list, stdout) -> None:
    """Each demo meeting's agenda names its papers, so its agenda pack holds them: the
    papers are imported under their meetings after the meetings exist, so they are linked
    here (`links`, and the latest meeting held gets the progress report and the open
    consultation). An item already linked is left alone (idempotent)."""
    progress = ProgressReportPage.objects.child_of(steering_group).live().first()
    consultation = ConsultationPage.objects.filter(slug=OPEN_CONSULTATION_SLUG).first()
    latest_held = (
        MeetingPage.objects.child_of(steering_group)
        .filter(status=MeetingPage.Status.HELD, start__lte=timezone.now())
        .order_by("-start")
        .first()
    )
    links = [
        *links,
        (latest_held, "Partnership Plan 2004/05: progress", "Helen Kay", progress),
        (latest_held, "The KCP Review priorities: your views", "Rachel Smith", consultation),
    ]
    for meeting, title, presenter, paper in links:
        if meeting is None or paper is None:
            continue
        meeting = MeetingPage.objects.get(pk=meeting.pk)
        items = list(meeting.agenda_items.all())
        item = next((item for item in items if item.title == title), None)
        if item is not None and item.paper_id:
            continue
        if item is None:
            item = AgendaItem(title=title, presenter=presenter, purpose="For information")
            items.append(item)
        item.paper = paper
        for position, each in enumerate(items):
            each.sort_order = position
        meeting.agenda_items = items
        meeting.save_revision().publish()
        stdout.write(f"Linked {paper.title} to the agenda of {meeting.title}")


def _seed_paper(name: str, group: Page, stdout) -> Page:
    """Import a seed paper, published, at its meeting; skipped when imported already from the
    same text, so a second run writes nothing."""
    result = import_paper(SEED_PAPERS_DIR / name, group=group, publish=True, skip_unchanged=True)
    if result.is_changed:
        stdout.write(f"Imported {result.page.title} at {result.page.url_path}")
    return result.page


def _archive_and_meetings_pages(steering_group, stdout) -> None:
    """The papers archive at /papers/ and the meetings calendar at /meetings/, in the menu."""
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
                sort_order=position,  # as the admin sets it: the order is the agenda's
                title=item[0],
                presenter=item[1],
                purpose=item[2],
                paper=item[3] if len(item) > 3 else None,
            )
            for position, item in enumerate(agenda)
        ],
    )
    return _add_child(group, meeting, stdout)


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


OPEN_CONSULTATION_SLUG = "priorities-2009-10-your-views"
CLOSED_CONSULTATION_SLUG = "community-strategy-mid-term-review-comments"
CONSULTATION_POSTAL_ADDRESS = (
    "Kensington and Chelsea Partnership\nFREEPOST\nThe Town Hall, Hornton Street\nLondon W8 7NX"
)


def _question(kind, key, question, *, required=False, choices="", help_text=""):
    value = {"key": key, "question": question, "help_text": help_text, "is_required": required}
    if kind == "choice":
        value["choices"] = choices
    return {"type": kind, "value": value}


def _consultations(steering_group, stdout) -> None:
    """An open consultation on the 2009/10 priorities (open a week ago, for five weeks more)
    and the 2007 mid-term review's call for comments, closed, with its results."""
    now = timezone.now()
    if not ConsultationPage.objects.filter(slug=OPEN_CONSULTATION_SLUG).exists():
        _add_child(
            steering_group,
            ConsultationPage(
                title="Taking forward the KCP Review priorities for 2009/10: your views",
                slug=OPEN_CONSULTATION_SLUG,
                purpose="The Steering Group asks which of the KCP Review's priorities matter "
                "most to you, and what the Partnership should do first.",
                audience="Residents, voluntary and community groups, and partner "
                "organisations in Kensington and Chelsea.",
                opens_at=now - datetime.timedelta(days=7),
                closes_at=now + datetime.timedelta(days=35),
                allows_non_members=True,
                background="<p>The KCP Review identified five areas for action: the role "
                "of the Partnership, its membership, Steering Group meetings, risk management "
                "and looking to the future. The Community Strategy sub group has suggested "
                "actions for each (see the paper of 13 May 2009). Before the Steering Group "
                "sets its work programme we want to know which matter most to you.</p>",
                questions=[
                    _question(
                        "choice",
                        "priority",
                        "Which area for action matters most to you?",
                        required=True,
                        choices="The role of the KCP\nMembership\nSteering Group meetings\n"
                        "Risk management\nLooking to the future",
                    ),
                    _question(
                        "free_text",
                        "first",
                        "What should the Partnership do first, and why?",
                        required=True,
                    ),
                    _question(
                        "free_text",
                        "else",
                        "Is there anything else you would like to tell us?",
                        help_text="Optional.",
                    ),
                ],
                reply_by_post=CONSULTATION_POSTAL_ADDRESS,
                # The Partnership's priorities concern every subject: every member hears.
                subjects=list(Interest.objects.all()),
                reply_by_telephone="020 7361 3671 (Monday to Friday, 9am to 5pm)",
                contact_name="Rachel Smith",
                contact_job_title="KCP Support Manager",
                contact_phone="020 7361 3671",
            ),
            stdout,
        )
    if not ConsultationPage.objects.filter(slug=CLOSED_CONSULTATION_SLUG).exists():
        _add_child(
            steering_group,
            ConsultationPage(
                title="Community Strategy mid-term review: comments and suggestions",
                slug=CLOSED_CONSULTATION_SLUG,
                purpose="Comments and suggestions from colleagues, partners and stakeholders "
                "on gaps in the aims and objectives of the Community Strategy.",
                audience="Colleagues, partners and stakeholders of the Partnership, its theme "
                "groups and sub-partnerships.",
                opens_at=datetime.datetime(2007, 9, 3, 9, 0, tzinfo=LONDON),
                closes_at=datetime.datetime(2007, 10, 19, 17, 0, tzinfo=LONDON),
                results_published_at=datetime.datetime(2007, 11, 14, 9, 0, tzinfo=LONDON),
                background="<p>Suggestions should refer to new or current activity which has "
                "a partnership focus and is not already picked up in the existing strategy.</p>",
                questions=[
                    _question(
                        "free_text",
                        "suggestion",
                        "Your comment or suggestion",
                        required=True,
                    ),
                    _question(
                        "choice",
                        "theme",
                        "Which theme does it concern?",
                        choices="Health and well-being\nCommunity safety\nChildren and "
                        "families\nLearning, work and business\nAnother theme",
                    ),
                ],
                reply_by_post=CONSULTATION_POSTAL_ADDRESS,
                results_summary="<p>Suggestions came from the Community Strategy sub group, "
                "the Health and Well-Being partnership, the PCT Trust Management Team, the "
                "Voluntary Organisations Forum, the Family and Children's Strategic "
                "Partnership, RBKC Management Board, the Learning, Work and Business theme "
                "group, the Community Safety Programme Board and colleagues across partner "
                "organisations. Officers worked on the detail of each and drafted the "
                "updated strategy.</p>",
                you_said_we_did=[
                    {
                        "type": "change",
                        "value": {
                            "you_said": "The strategy should say more about activity with a "
                            "partnership focus that is not picked up yet.",
                            "we_did": "Each suggestion was worked up by officers and the draft "
                            "update (Annex A of the paper of 14 November 2007) adds them.",
                        },
                    },
                    {
                        "type": "change",
                        "value": {
                            "you_said": "Theme groups and partners should see the draft "
                            "before it is published.",
                            "we_did": "The Steering Group was invited to comment on and "
                            "approve the draft at its meeting of 14 November 2007.",
                        },
                    },
                ],
                contact_name="Rachel Smith",
                contact_job_title="KCP Support Manager",
                contact_phone="020 7361 3671",
            ),
            stdout,
        )
