"""Demo content of the meeting cycle, from the seed papers: the 2009 review's actions
(2.2.1–2.6.4) as tracked actions with owners and believable progress, some overdue; the
decisions on the demo meetings' papers; a forward plan for the next three Steering Group
meetings (one without an item of interest); a draft agenda awaiting the Agenda Planning
Group; a progress report with the review's live actions; and the 2009/10 actions report as a
draft paper. Loaded once: a second run finds each and adds nothing."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.utils import timezone

from papers.meeting_calendar import LONDON
from papers.models import (
    ContactOfficer,
    MeetingPage,
    MinutesPage,
    ProgressReportPage,
    ReportPage,
)
from papers.seed_papers import SEED_PAPERS_DIR

from .agendas import draft_agenda_from_plan
from .models import Action, ActionStatus, ActionUpdate, Decision, ItemKind, Outcome, PlannedItem
from .year_report import ReportExists, add_year_report

PRIORITIES = "2009-05-13-kcp-review-priorities-2009-10.txt"
ACTION_LINE = re.compile(r"^(2\.[2-6]\.\d+)\s+(.*)$")

# number: (owner, due, status, progress note); owners are keys of OWNERS.
PROGRESS = {
    "2.2.1": ("officers", (2009, 9, 30), "done", "Theme group pages are on the new website."),
    "2.2.2": ("members", (2010, 3, 31), "on_track", "News and Views is a standing item."),
    "2.2.3": ("officers", (2009, 12, 31), "some_slippage", "First network meeting moved."),
    "2.2.4": ("officers", (2010, 2, 28), "done", "The Partnership Event was held in February."),
    "2.3.1": ("officers", (2009, 10, 31), "done", "Induction pack agreed; shadowing offered."),
    "2.3.2": ("members", (2010, 3, 31), "on_track", ""),
    "2.3.3": ("officers", (2010, 3, 31), "on_track", "Attendance reported each quarter."),
    "2.4.1": ("planning", (2009, 9, 30), "done", "Longer term priorities agreed in July."),
    "2.4.2": ("planning", (2010, 3, 31), "not_on_track", "Two meetings had core business only."),
    "2.5.1": ("officers", (2009, 11, 30), "some_slippage", "Draft register being tested."),
    "2.5.2": ("strategy", (2010, 3, 31), "not_started", ""),
    "2.6.1": ("officers", (2009, 12, 31), "on_track", "Communications plan drafted."),
    "2.6.2": ("officers", (2010, 2, 28), "done", "Held with the theme groups' help."),
    "2.6.3": ("officers", (2009, 10, 31), "done", "Away day held with an outside facilitator."),
    "2.6.4": ("strategy", (2009, 12, 31), "dropped", ""),
}
OWNERS = {
    "officers": ("Partnership team", "Royal Borough of Kensington and Chelsea", "kcp@rbkc.gov.uk"),
    "members": ("Steering Group members", "Kensington and Chelsea Partnership", ""),
    "planning": ("Agenda Planning Group", "Kensington and Chelsea Partnership", ""),
    "strategy": ("Community Strategy sub group", "Kensington and Chelsea Partnership", ""),
}


def load(stdout) -> None:
    report = ReportPage.objects.filter(title__icontains="KCP Review").first()
    if report is None:
        return
    meeting = report.get_parent().specific
    if not isinstance(meeting, MeetingPage):
        return
    if not Action.objects.exists():
        owners = {key: _contact(*fields) for key, fields in OWNERS.items()}
        _actions(report, meeting, owners, stdout)
        _decisions(report, meeting, stdout)
        _forward_plan(meeting.get_parent(), owners, stdout)
    _live_actions_report(meeting, stdout)
    _year_report_draft(meeting, stdout)


LIVE_REPORT_SLUG = "kcp-review-actions-where-they-stand"


def _live_actions_report(meeting, stdout) -> None:
    """A published progress report showing the review's actions as they stand."""
    if ProgressReportPage.objects.filter(slug=LIVE_REPORT_SLUG).exists():
        return
    report = ProgressReportPage(
        title="KCP Review: the actions, where they stand",
        slug=LIVE_REPORT_SLUG,
        status=ProgressReportPage.Status.FOR_NOTING,
        purpose="This paper shows each action agreed from the KCP Review with its status today.",
        live_actions=[
            {
                "type": "live_actions",
                "value": {"heading": "Actions agreed on 13 May 2009", "meeting": meeting.pk},
            }
        ],
    )
    meeting.add_child(instance=report)
    report.save_revision().publish()
    stdout.write(f"Published {report.title}, with live actions")


def _year_report_draft(meeting, stdout) -> None:
    """The 2009/10 actions report, as an officer makes it: still a draft paper."""
    try:
        report = add_year_report(year=2009, meeting=meeting)
    except ReportExists:
        return
    stdout.write(f"Drafted {report.title}, awaiting publication")


def _contact(name: str, organisation: str, email: str) -> ContactOfficer:
    contact = ContactOfficer.objects.filter(name=name).first()
    return contact or ContactOfficer.objects.create(
        name=name, organisation=organisation, email=email
    )


def _review_actions() -> dict[str, str]:
    text = (SEED_PAPERS_DIR / PRIORITIES).read_text(encoding="utf-8")
    return {
        match[1]: match[2].strip()
        for line in text.splitlines()
        if (match := ACTION_LINE.match(line.strip()))
    }


def _actions(report, meeting, owners, stdout) -> None:
    texts = _review_actions()
    for number, (owner, due, status, note) in PROGRESS.items():
        action = Action.objects.create(
            meeting=meeting,
            source_page=report,
            source_number=number,
            text=texts.get(number, number),
            owner=owners[owner],
            due_on=datetime.date(*due),
            status=status,
            dropped_reason="Folded into the Partnership's new structure."
            if status == ActionStatus.DROPPED
            else "",
        )
        if status != ActionStatus.NOT_STARTED:
            ActionUpdate.objects.create(
                action=action,
                noted_on=min(action.due_on, datetime.date(2010, 3, 1)),
                note=note,
                previous_status=ActionStatus.NOT_STARTED,
                status=status,
            )
    stdout.write(f"Tracked {len(PROGRESS)} actions of {report.title}")


def _decisions(report, meeting, stdout) -> None:
    Decision.objects.create(
        meeting=meeting,
        item_title=report.title,
        paper=report,
        outcome=Outcome.NOTED,
        wording="The Steering Group noted the review and agreed the actions in section 2.",
        decided_on=timezone.localtime(meeting.start).date(),
    )
    minutes = MinutesPage.objects.filter(title__contains="14 November 2007").first()
    if minutes is not None:
        november = minutes.get_parent().specific
        mid_term = ReportPage.objects.filter(title__icontains="mid-term review").first()
        Decision.objects.create(
            meeting=november,
            item_title="Community Strategy mid-term review",
            paper=mid_term,
            outcome=Outcome.APPROVED_WITH_AMENDMENTS,
            wording="Approved for publication, subject to minor wording amendments.",
            minutes=minutes,
            minute_number="1",
            decided_on=datetime.date(2007, 11, 14),
        )
    stdout.write("Recorded the decisions on the demo meetings' papers")


def _forward_plan(steering_group, owners, stdout) -> None:
    """Plans for the next three meetings; the second's draft agenda awaits the group, the
    third has no item of interest."""
    now = timezone.now()
    upcoming = list(
        MeetingPage.objects.child_of(steering_group).filter(start__gte=now).order_by("start")
    )
    while len(upcoming) < 3:
        last = upcoming[-1].start if upcoming else now
        day = timezone.localtime(last, LONDON).date() + datetime.timedelta(weeks=9)
        meeting = MeetingPage(
            title=f"Steering Group meeting, {day.day} {day:%B %Y}",
            start=datetime.datetime(day.year, day.month, day.day, 18, 30, tzinfo=LONDON),
            venue_name="The Town Hall",
            venue_address="Hornton Street\nLondon W8 7NX",
        )
        steering_group.add_child(instance=meeting)
        meeting.save_revision().publish()
        upcoming.append(meeting)
    plans = [
        [
            ("KCP Review: taking forward priorities", ItemKind.CORE_BUSINESS, "officers"),
            ("Health and Well-Being: tackling inequalities", ItemKind.ITEM_OF_INTEREST, "members"),
            ("News and Views", ItemKind.NEWS_AND_VIEWS, "members"),
        ],
        [
            ("Risk register: annual review", ItemKind.CORE_BUSINESS, "strategy"),
            ("Young people's views on the Community Strategy", ItemKind.ITEM_OF_INTEREST, None),
            ("News and Views", ItemKind.NEWS_AND_VIEWS, "members"),
        ],
        [
            ("Budget and Partnership Plan", ItemKind.CORE_BUSINESS, "officers"),
            ("News and Views", ItemKind.NEWS_AND_VIEWS, "members"),
        ],
    ]
    for meeting, plan in zip(upcoming[:3], plans, strict=True):
        for position, (title, kind, owner) in enumerate(plan):
            PlannedItem.objects.create(
                meeting=meeting,
                title=title,
                kind=kind,
                lead=owners[owner] if owner else None,
                paper_due_on=(meeting.start - datetime.timedelta(days=21)).date(),
                sort_order=position,
            )
    awaiting = upcoming[1]
    officer = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    draft = draft_agenda_from_plan(awaiting, by=officer)
    draft.get_workflow().start(draft, officer)
    stdout.write(f"Planned the next three meetings; {awaiting.title}'s agenda awaits agreement")
