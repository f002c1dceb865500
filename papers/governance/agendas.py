"""The forward plan becomes a draft agenda; the Agenda Planning Group agrees it through a
Wagtail workflow; the agreed agenda becomes the meeting's; and a meeting whose agenda differs
from the last agreement is refused at the one place every publish passes through."""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Revision, TaskState

from papers.models import AgendaItem, MeetingPage

from .exceptions import GovernanceError
from .models import (
    AgendaAgreement,
    DraftAgenda,
    DraftAgendaItem,
    ItemKind,
    MeetingCycleSettings,
    PlannedItem,
)


def _same(title: str) -> str:
    return " ".join(title.split()).casefold()


@transaction.atomic
def draft_agenda_from_plan(meeting: MeetingPage, *, by=None) -> DraftAgenda:
    """The meeting's draft agenda, its items the planned items in order. A draft already
    sent to the group keeps its items: change them in the admin, which sends it back."""
    draft, created = DraftAgenda.objects.get_or_create(meeting=meeting)
    if not created and draft.workflow_in_progress:
        raise GovernanceError(
            "This draft agenda is with the Agenda Planning Group: change it in the admin.",
            code="agenda_in_review",
        )
    planned = PlannedItem.objects.filter(meeting=meeting).select_related("lead")
    draft.items = [
        DraftAgendaItem(
            title=item.title,
            kind=item.kind,
            presenter=str(item.lead) if item.lead else "",
            sort_order=position,
        )
        for position, item in enumerate(planned)
    ]
    draft.live = False
    draft.save()
    draft.save_revision(user=by)
    return draft


def agreed_titles(meeting_id: int) -> list[str] | None:
    """The items of the meeting's last agreed agenda; None if the meeting has no draft
    agenda (it is outside the agenda-planning cycle, like meetings from the archive)."""
    draft = DraftAgenda.objects.filter(meeting_id=meeting_id).first()
    if draft is None:
        return None
    last = draft.agreements.first()
    return list(last.titles) if last else []


def reason_not_to_publish(page) -> str | None:
    """Why this version of a meeting must not be published: its agenda is not the one the
    Agenda Planning Group last agreed. Asked for every publish, scheduled ones included."""
    if not isinstance(page, MeetingPage) or not page.pk:
        return None
    agreed = agreed_titles(page.pk)
    if agreed is None:
        return None
    current = [item.title for item in page.agenda_items.all()]
    if [_same(t) for t in current] == [_same(t) for t in agreed]:
        return None
    if not agreed:
        return (
            "The Agenda Planning Group has not agreed this meeting's agenda yet: submit its "
            "draft agenda to the group, and publish the meeting once they agree it."
        )
    return (
        "This meeting's agenda differs from the one the Agenda Planning Group agreed: make it "
        "match the agreed agenda, or send the changed draft agenda back to the group."
    )


def _agreed_by(revision: Revision):
    task_state = (
        TaskState.objects.filter(revision=revision, status=TaskState.STATUS_APPROVED)
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )
    return task_state.finished_by if task_state else revision.user


@transaction.atomic
def record_agreement(draft: DraftAgenda, revision: Revision) -> AgendaAgreement:
    """Keep who agreed which items and when, and make them the meeting's agenda (a new
    revision of the meeting: officers publish it as they publish any meeting)."""
    agreed = revision.as_object()
    titles = agreed.titles
    agreement = AgendaAgreement.objects.create(
        draft_agenda=draft, revision=revision, titles=titles, agreed_by=_agreed_by(revision)
    )
    meeting = MeetingPage.objects.get(pk=draft.meeting_id).get_latest_revision_as_object()
    papers_by_title = {_same(item.title): item for item in meeting.agenda_items.all()}
    meeting.agenda_items = [
        AgendaItem(
            title=item.title,
            presenter=item.presenter,
            purpose=item.purpose,
            paper_id=getattr(papers_by_title.get(_same(item.title)), "paper_id", None),
            sort_order=position,
        )
        for position, item in enumerate(agreed.items.all())
    ]
    meeting.save_revision(user=agreement.agreed_by, log_action=True)
    return agreement


def agreement_due(meeting: MeetingPage, days: int | None = None) -> datetime.datetime:
    """When the group is to have agreed the meeting's agenda: the site setting's number of
    days before it (pass `days` to read the setting once for many meetings)."""
    if days is None:
        days = MeetingCycleSettings.current().agreement_days
    return meeting.start - datetime.timedelta(days=days)


def agendas_due(now: datetime.datetime | None = None):
    """Draft agendas of meetings to come that are not agreed yet, soonest first, each
    marked `is_overdue` once the agreement's due date has passed."""
    now = now or timezone.now()
    drafts = list(
        DraftAgenda.objects.filter(meeting__start__gte=now, agreements__isnull=True)
        .select_related("meeting")
        .order_by("meeting__start")
    )
    days = MeetingCycleSettings.current().agreement_days
    for draft in drafts:
        draft.due_at = agreement_due(draft.meeting, days)
        draft.is_overdue = draft.due_at < now
    return drafts


def meetings_without_item_of_interest(meetings) -> set[int]:
    """Of these meetings, the ids of those whose plan has no item of interest."""
    with_interest = set(
        PlannedItem.objects.filter(
            meeting__in=meetings, kind=ItemKind.ITEM_OF_INTEREST
        ).values_list("meeting_id", flat=True)
    )
    return {meeting.pk for meeting in meetings} - with_interest


def _matching_item(items: list, title: str):
    """The agenda item a paper titled `title` belongs to: the one with the same title, else
    the only one whose title (of some length) the paper's title contains."""
    wanted = _same(title)
    exact = [item for item in items if _same(item["title"]) == wanted]
    if exact:
        return exact[0]
    contained = [
        item for item in items if len(item["title"]) >= 10 and _same(item["title"]) in wanted
    ]
    return contained[0] if len(contained) == 1 else None


@transaction.atomic
def link_paper_to_agenda(paper) -> bool:
    """A paper published at a meeting links to its existing agenda item (the one planned and
    agreed), and adds none: in the live meeting and in its latest revision, so the link
    survives the next publish. True if an item was linked."""
    meeting = MeetingPage.objects.filter(pk=paper.get_parent().pk).first()
    if meeting is None:
        return False
    live_items = [
        {"title": item.title, "row": item}
        for item in AgendaItem.objects.filter(page=meeting, paper__isnull=True)
    ]
    match = _matching_item(live_items, paper.title)
    if match is not None:
        AgendaItem.objects.filter(pk=match["row"].pk).update(paper=paper)
    revision = meeting.latest_revision
    linked_in_revision = False
    if revision is not None:
        unlinked = [i for i in revision.content.get("agenda_items", []) if not i.get("paper")]
        in_revision = _matching_item(unlinked, paper.title)
        if in_revision is not None:
            in_revision["paper"] = paper.pk
            revision.save(update_fields=["content"])
            linked_in_revision = True
    return match is not None or linked_in_revision
