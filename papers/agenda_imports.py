"""Importing an agenda: its items become the agenda of the group's meeting on its date, each
linked to its paper where that paper is already on the site. The meeting gets a new draft
revision for the officer to check and publish; nothing live changes until then."""

from django.db.models import Q
from wagtail.models import Page

from .exceptions import ImportNotAllowed
from .models import PAPER_PAGE_MODELS, AgendaItem, MeetingPage


def linked_paper(group: Page, meeting: MeetingPage, title: str) -> Page | None:
    """The paper an agenda item names: a paper page titled as the item, at this meeting if
    there is one, else the latest in the group."""
    papers = (
        Page.objects.descendant_of(group)
        .type(*PAPER_PAGE_MODELS)
        .filter(Q(title__iexact=title) | Q(draft_title__iexact=title))
    )
    return papers.child_of(meeting).first() or papers.order_by("-path").first()


def set_agenda(
    meeting: MeetingPage, agenda_items: list[dict], *, group: Page, user=None, publish=False
):
    """Replace the meeting's agenda with the printed items, as a new draft revision (published
    at once only when asked, as the command line's --publish does)."""
    if user is not None and not meeting.permissions_for_user(user).can_edit():
        raise ImportNotAllowed(f"You may not change the agenda of {meeting.title}.")
    meeting = meeting.get_latest_revision_as_object()
    meeting.agenda_items = [
        AgendaItem(
            number=item["number"],
            title=item["title"][:255],
            time=item["time"][:20],
            presenter=item["presenter"][:255],
            paper=linked_paper(group, meeting, item["title"]),
        )
        for item in agenda_items
    ]
    revision = meeting.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        meeting.refresh_from_db()
    return meeting
