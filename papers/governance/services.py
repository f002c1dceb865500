"""What officers, lead officers and action owners do with decisions and actions: small verbs,
each in one transaction, each checking who may do it (actions are not pages, so Wagtail's
page permissions are asked here, in the service, not only in the admin).

Who may record: anyone who may edit the meeting's page. Partnership officers hold that right
at the site root, a lead officer on their own group's page only. An action's owner, matched
to an account by a verified email address, may post progress on that action and nothing else.

The importer (issue 28) calls `record_decision` and `record_action`; the risk register
(issue 27) finds actions with `actions_for`."""

import dataclasses
import datetime

from allauth.account.models import EmailAddress
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Page

from papers.models import ContactOfficer, MeetingPage

from . import paragraphs
from .exceptions import DueBeforeMeeting, DueDateRequired, NotAllowed, ReasonRequired, UnknownOwner
from .models import Action, ActionStatus, ActionUpdate, Decision, Outcome


def may_record_for(user, meeting: MeetingPage) -> bool:
    """Whether `user` may record decisions and actions of `meeting`: the right to edit its
    page (given on the group's page to its lead officers, at the root to officers)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or meeting.permissions_for_user(user).can_edit()


def recordable_by(user, records):
    """Of these decisions or actions, those `user` may record: the ones of meetings below a
    page they may edit (the root for officers, their own groups' pages for lead officers).
    The admin lists these only."""
    if user is None or not user.is_authenticated or not user.is_active:
        return records.none()
    if user.is_superuser:
        return records
    paths = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="change_page"
    ).values_list("page__path", flat=True)
    below = Q(pk__in=[])
    for path in set(paths):
        below |= Q(meeting__path__startswith=path)
    return records.filter(below)


def _check_may_record(user, meeting: MeetingPage) -> None:
    if not may_record_for(user, meeting):
        raise NotAllowed()


def verified_emails(user) -> set[str]:
    if user is None or not user.is_authenticated:
        return set()
    return {
        email.lower()
        for email in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    }


def is_owner(user, action: Action) -> bool:
    """Owners are matched to accounts only by a verified email address."""
    email = (action.owner.email or "").lower() if action.owner else ""
    return bool(email) and email in verified_emails(user)


def _owner(owner) -> ContactOfficer:
    if isinstance(owner, ContactOfficer) and owner.pk:
        return owner
    found = ContactOfficer.objects.filter(pk=owner).first() if str(owner).isdigit() else None
    if found is None:
        raise UnknownOwner()
    return found


def _meeting_date(meeting: MeetingPage) -> datetime.date:
    return timezone.localtime(meeting.start).date()


@transaction.atomic
def record_decision(
    *,
    by,
    meeting: MeetingPage,
    item_title: str,
    outcome: str,
    wording: str,
    paper: Page | None = None,
    minutes: Page | None = None,
    minute_number: str = "",
    decided_on: datetime.date | None = None,
    decision: Decision | None = None,
) -> Decision:
    """Record (or correct) what the meeting decided on one agenda item. A paper has one
    decision per meeting: recording it again changes it."""
    _check_may_record(by, meeting)
    if outcome not in Outcome.values:
        raise ReasonRequired(
            "Choose the outcome: approved, approved with amendments, noted, "
            "deferred or not approved.",
            code="unknown_outcome",
        )
    minute_number = minute_number.strip()
    if minutes is not None and minute_number:
        paragraphs.check_number(minutes, minute_number)
    fields = {
        "item_title": item_title.strip() or (paper.title if paper else ""),
        "outcome": outcome,
        "wording": wording.strip(),
        "minutes": minutes,
        "minute_number": minute_number,
        "decided_on": decided_on or _meeting_date(meeting),
    }
    if decision is not None:
        for name, value in {**fields, "meeting": meeting, "paper": paper}.items():
            setattr(decision, name, value)
        decision.save()
    elif paper is not None:
        decision, _ = Decision.objects.update_or_create(
            meeting=meeting, paper=paper, defaults=fields
        )
    else:
        decision = Decision.objects.create(meeting=meeting, **fields)
    log(instance=decision, action="governance.decision.record", user=by)
    return decision


def check_may_change_decision(user, decision: Decision) -> None:
    """A decision moved to another meeting needs the rights on the one it came from too."""
    _check_may_record(user, decision.meeting)


@transaction.atomic
def record_action(
    *,
    by,
    meeting: MeetingPage,
    text: str,
    owner,
    due_on: datetime.date,
    decision: Decision | None = None,
    source_page: Page | None = None,
    source_number: str = "",
    status: str = ActionStatus.NOT_STARTED,
    dropped_reason: str = "",
) -> Action:
    """Record an action agreed at `meeting`, from a decision, a minute paragraph or a
    paper's recommendation."""
    _check_may_record(by, meeting)
    owner = _owner(owner)
    if due_on is None:
        raise DueDateRequired()
    if due_on < _meeting_date(meeting):
        raise DueBeforeMeeting()
    _check_reason(status, dropped_reason)
    source_number = source_number.strip()
    if source_page is not None and source_number:
        paragraphs.check_number(source_page, source_number)
    action = Action.objects.create(
        meeting=meeting,
        decision=decision,
        source_page=source_page,
        source_number=source_number,
        text=text.strip(),
        owner=owner,
        due_on=due_on,
        status=status,
        dropped_reason=dropped_reason.strip(),
    )
    log(instance=action, action="governance.action.record", user=by)
    return action


def _check_reason(status: str, reason: str) -> None:
    if status not in ActionStatus.values:
        raise ReasonRequired("Choose the action's status from the list.", code="unknown_status")
    if status == ActionStatus.DROPPED and not reason.strip():
        raise ReasonRequired()


@transaction.atomic
def change_action(*, by, action: Action, text: str, owner, due_on: datetime.date) -> Action:
    """Change what an action says, who owns it or when it is due."""
    action = Action.objects.select_for_update().select_related("meeting").get(pk=action.pk)
    _check_may_record(by, action.meeting)
    owner = _owner(owner)
    if due_on is None:
        raise DueDateRequired()
    if due_on < _meeting_date(action.meeting):
        raise DueBeforeMeeting()
    action.text, action.owner, action.due_on = text.strip(), owner, due_on
    action.updated_at = timezone.now()
    action.save(update_fields=["text", "owner", "due_on", "updated_at"])
    log(instance=action, action="governance.action.change", user=by)
    return action


@transaction.atomic
def post_progress(
    *,
    by,
    action: Action,
    status: str,
    note: str = "",
    reason: str = "",
    noted_on: datetime.date | None = None,
) -> ActionUpdate:
    """A dated progress note, and the action's status after it. Officers and the meeting's
    lead officers post for anyone; an owner with an account posts for their own actions."""
    action = (
        Action.objects.select_for_update(of=("self",))
        .select_related("meeting", "owner")
        .get(pk=action.pk)
    )
    if not (may_record_for(by, action.meeting) or is_owner(by, action)):
        raise NotAllowed(
            "You may post progress only on your own actions, or on the actions of the groups "
            "whose pages you edit: nothing has been saved."
        )
    _check_reason(status, reason)
    if not note.strip() and status == action.status:
        raise ReasonRequired(
            "Write a progress note or change the status: there is nothing to save.",
            code="empty_update",
        )
    update = ActionUpdate.objects.create(
        action=action,
        noted_on=noted_on or timezone.localdate(),
        note=note.strip(),
        previous_status=action.status,
        status=status,
        by=by if by is not None and by.is_authenticated else None,
    )
    action.status = status
    action.dropped_reason = reason.strip() if status == ActionStatus.DROPPED else ""
    action.updated_at = timezone.now()
    action.save(update_fields=["status", "dropped_reason", "updated_at"])
    log(instance=action, action="governance.action.progress", user=by)
    return update


def actions_for(
    *,
    meeting: MeetingPage | None = None,
    group: Page | None = None,
    page: Page | None = None,
    owner_emails: set[str] | None = None,
    public_only: bool = True,
):
    """Actions of a meeting, of a group (every meeting below its page), that came from a
    page, or owned by people with these email addresses; public ones only unless asked.
    A small public function: the risk register links to actions through it."""
    actions = Action.objects.select_related("meeting", "owner", "source_page")
    if public_only:
        actions = actions.public()
    if meeting is not None:
        actions = actions.filter(meeting=meeting)
    if group is not None:
        actions = actions.filter(meeting__path__startswith=group.path)
    if page is not None:
        actions = actions.filter(Q(source_page=page) | Q(decision__paper=page))
    if owner_emails is not None:
        actions = actions.filter(_owned_by_q(owner_emails))
    return actions


def _owned_by_q(emails: set[str]) -> Q:
    """Contacts' addresses are typed by hand: match them whatever their case."""
    q = Q(pk__in=[])
    for email in emails:
        q |= Q(owner__email__iexact=email)
    return q


def actions_owned_by(user):
    """The actions whose owner's address is one of `user`'s verified addresses: one query
    (the members' dashboard keeps a fixed budget)."""
    if user is None or not user.is_authenticated:
        return Action.objects.none()
    verified = EmailAddress.objects.filter(
        user=user, verified=True, email__iexact=OuterRef("owner__email")
    )
    return (
        Action.objects.select_related("meeting", "owner")
        .exclude(owner__email="")
        .filter(Exists(verified))
        .order_by("due_on", "pk")
    )


@dataclasses.dataclass(frozen=True)
class MinutedDecision:
    """A decision as imported minutes print it, ready to record."""

    item_title: str
    outcome: str
    wording: str
    minute_number: str = ""
    paper: Page | None = None


@dataclasses.dataclass(frozen=True)
class MinutedAction:
    """An "Action: …" line as imported minutes print it: the owner's name as printed, and a
    due date only where one was printed."""

    text: str
    owner_name: str = ""
    due_on: datetime.date | None = None
    source_number: str = ""


@transaction.atomic
def record_from_minutes(
    *,
    by,
    meeting: MeetingPage,
    minutes: Page,
    decisions: list[MinutedDecision],
    actions: list[MinutedAction],
) -> tuple[list[Decision], list[Action]]:
    """The decisions and actions of minutes just imported, as the meeting's own records.
    What an earlier import of the same minutes brought in is updated in order (an action
    keeps its progress notes), the rest added, and what the minutes no longer print removed;
    records an officer added by hand are left alone. `minutes` may be the page's latest
    draft: its numbers are checked against that. Without `by` (the command line) no page
    permission applies, as for the import itself."""
    if by is not None:
        _check_may_record(by, meeting)
    numbers = paragraphs.numbers_of(minutes)
    for number in [d.minute_number for d in decisions] + [a.source_number for a in actions]:
        if number and number not in numbers:
            paragraphs.check_number(minutes, number)
    taken = set(
        Decision.objects.filter(meeting=meeting, paper__isnull=False)
        .exclude(minutes_id=minutes.pk, imported=True)
        .values_list("paper_id", flat=True)
    )
    previous = list(Decision.objects.filter(minutes_id=minutes.pk, imported=True).order_by("pk"))
    Decision.objects.filter(pk__in=[d.pk for d in previous]).update(paper=None)  # re-chosen below
    recorded: list[Decision] = []
    for minuted in decisions:
        paper = minuted.paper if minuted.paper and minuted.paper.pk not in taken else None
        if paper is not None:
            taken.add(paper.pk)
        decision = previous.pop(0) if previous else Decision(imported=True)
        decision.meeting, decision.minutes, decision.paper = meeting, minutes, paper
        decision.item_title = minuted.item_title[:255]
        decision.outcome, decision.wording = minuted.outcome, minuted.wording.strip()
        decision.minute_number = minuted.minute_number
        decision.decided_on = _meeting_date(meeting)
        decision.save()
        log(instance=decision, action="governance.decision.record", user=by)
        recorded.append(decision)
    Decision.objects.filter(pk__in=[d.pk for d in previous]).delete()
    earlier = list(Action.objects.filter(source_page_id=minutes.pk, imported=True).order_by("pk"))
    agreed: list[Action] = []
    for minuted in actions:
        action = earlier.pop(0) if earlier else Action(imported=True)
        action.meeting, action.source_page = meeting, minutes
        action.text, action.owner_name = minuted.text.strip(), minuted.owner_name[:255]
        action.due_on, action.source_number = minuted.due_on, minuted.source_number
        action.updated_at = timezone.now()
        action.save()
        log(instance=action, action="governance.action.record", user=by)
        agreed.append(action)
    Action.objects.filter(pk__in=[a.pk for a in earlier]).delete()
    return recorded, agreed
