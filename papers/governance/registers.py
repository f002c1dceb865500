"""The public registers: decisions by meeting, group, year and outcome with search; actions
open, overdue and done per group and meeting; the forward plan of the meetings to come. Only
what belongs to live, public meetings is listed; a link to a paper or minutes is given only
when that page is live and public too. Each listing is a fixed number of queries."""

import dataclasses
import datetime

from django.db.models import Prefetch, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from home.site_chrome import known_restrictions
from papers.models import MeetingPage

from .blocks import municipal_year_actions
from .models import Action, ActionUpdate, Decision, Outcome, PlannedItem

LONGEST_QUERY = 200


def _public(prefix: str) -> Q:
    """Rows whose page at `prefix` is live and in no restricted section."""
    q = Q(**{f"{prefix}__live": True})
    for path in known_restrictions()[0]:
        q &= ~Q(**{f"{prefix}__path__startswith": path})
    return q


def _is_public_page(page) -> bool:
    if page is None or not page.live:
        return False
    return not page.path.startswith(known_restrictions()[0])


@dataclasses.dataclass(frozen=True)
class DecisionFilters:
    """What the visitor chose; a value that is not one of the choices is dropped, not an error."""

    group: str = ""
    year: int | None = None
    outcome: str = ""
    words: str = ""

    @classmethod
    def from_query(cls, query, groups: list[str], years: list[int]) -> "DecisionFilters":
        group = query.get("group", "")
        outcome = query.get("outcome", "")
        try:
            year = int(query.get("year", ""))
        except ValueError:
            year = None
        return cls(
            group=group if group in groups else "",
            year=year if year in years else None,
            outcome=outcome if outcome in Outcome.values else "",
            words=" ".join(query.get("q", "").split())[:LONGEST_QUERY],
        )

    @property
    def is_filtered(self) -> bool:
        return bool(self.group or self.year or self.outcome or self.words)


def public_decisions():
    """Decisions of public meetings, none recorded in minutes the public cannot see yet."""
    return Decision.objects.filter(
        _public("meeting"), Q(minutes__isnull=True) | _public("minutes")
    ).select_related("meeting", "paper", "minutes")


def decision_choices() -> tuple[list[str], list[int]]:
    decisions = public_decisions()
    groups = sorted(set(decisions.values_list("meeting__group_name", flat=True)) - {""})
    years = sorted(
        set(decisions.annotate(y=ExtractYear("decided_on")).values_list("y", flat=True)),
        reverse=True,
    )
    return groups, years


def filtered_decisions(filters: DecisionFilters):
    decisions = public_decisions()
    if filters.group:
        decisions = decisions.filter(meeting__group_name=filters.group)
    if filters.year:
        decisions = decisions.filter(decided_on__year=filters.year)
    if filters.outcome:
        decisions = decisions.filter(outcome=filters.outcome)
    for word in filters.words.split():
        decisions = decisions.filter(Q(wording__icontains=word) | Q(item_title__icontains=word))
    decisions = list(decisions.order_by("-decided_on", "meeting_id", "minute_number", "pk"))
    for decision in decisions:
        _mark_links(decision)
    return decisions


def _mark_links(decision: Decision) -> None:
    decision.public_paper = decision.paper if _is_public_page(decision.paper) else None
    decision.public_minutes = decision.minutes if _is_public_page(decision.minutes) else None


def decision_for_paper(paper) -> Decision | None:
    """The decision a paper's meeting took on it, for the top of the paper."""
    decision = public_decisions().filter(paper_id=paper.pk).order_by("-decided_on", "-pk").first()
    if decision is not None:
        _mark_links(decision)
    return decision


# --- Actions ------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ActionTracker:
    open: list
    overdue: list
    done: list
    dropped: list
    groups: list[str]
    group: str


def action_tracker(*, group: str = "", meeting=None, today: datetime.date | None = None):
    today = today or timezone.localdate()
    actions = (
        Action.objects.public()
        .select_related("meeting", "owner", "source_page")
        .prefetch_related(
            Prefetch(
                "updates",
                queryset=ActionUpdate.objects.exclude(note="").order_by("-created_at", "-pk"),
                to_attr="notes",
            )
        )
    )
    groups = sorted(set(actions.values_list("meeting__group_name", flat=True)) - {""})
    group = group if group in groups else ""
    if group:
        actions = actions.filter(meeting__group_name=group)
    if meeting is not None:
        actions = actions.filter(meeting=meeting)
    rows = list(actions.order_by("due_on", "pk"))
    for action in rows:
        action.public_source = action.source_page if _is_public_page(action.source_page) else None
        action.overdue = action.is_overdue(today)
    return ActionTracker(
        open=[a for a in rows if a.is_open and not a.overdue],
        overdue=[a for a in rows if a.overdue],
        done=[a for a in rows if a.status == "done"],
        dropped=[a for a in rows if a.status == "dropped"],
        groups=groups,
        group=group,
    )


def actions_by_paragraph(page) -> dict[str, list]:
    """A published page's public actions and decisions, by the anchor of their paragraph:
    what each paragraph links to."""
    links: dict[str, list] = {}
    actions = Action.objects.public().filter(source_page_id=page.pk).exclude(source_number="")
    for action in actions:
        links.setdefault(action.anchor, []).append(action)
    return links


def decisions_by_paragraph(page) -> dict[str, list]:
    links: dict[str, list] = {}
    for decision in public_decisions().filter(minutes_id=page.pk).exclude(minute_number=""):
        links.setdefault(decision.anchor, []).append(decision)
    return links


# --- Forward plan -------------------------------------------------------------------------


def forward_plan(now: datetime.datetime | None = None):
    """The live, public meetings to come, each with its planned items (never a draft
    agenda: only items planned for a meeting the public can already see)."""
    now = now or timezone.now()
    meetings = list(
        MeetingPage.objects.live()
        .filter(_public_meeting_q(), start__gte=now)
        .order_by("start")
        .prefetch_related("agenda_items")
    )
    items: dict[int, list] = {}
    for item in PlannedItem.objects.filter(meeting__in=meetings).select_related("lead"):
        items.setdefault(item.meeting_id, []).append(item)
    for meeting in meetings:
        meeting.plan = items.get(meeting.pk, [])
        meeting.has_item_of_interest = any(i.kind == "item_of_interest" for i in meeting.plan)
    return meetings


def _public_meeting_q() -> Q:
    q = Q()
    for path in known_restrictions()[0]:
        q &= ~Q(path__startswith=path)
    return q


def actions_of_municipal_year(year: int):
    """The public actions agreed at meetings of the municipal year starting in April `year`:
    the annual review's "actions agreed in the past municipal year"."""
    return list(
        municipal_year_actions(year)
        .select_related("meeting", "owner")
        .order_by("meeting__start", "source_number", "pk")
    )
