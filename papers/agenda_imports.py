"""Importing an agenda: its items become the agenda of the group's meeting on its date, each
linked to its paper where that paper is already on the site. The meeting gets a new draft
revision for the officer to check and publish; nothing live changes until then.

An item links to the paper with its title (any case), at this meeting if there is one, else
the latest in the group; failing that, to the one paper whose title is a near miss of the
item's (papers.importer.title_matching), marked as guessed. Never a guess between two."""

from dataclasses import dataclass

from wagtail.models import Page

from .exceptions import ImportNotAllowed
from .importer.title_matching import best_title_match
from .models import PAPER_PAGE_MODELS, AgendaItem, MeetingPage


@dataclass(frozen=True)
class AgendaLink:
    """The paper an agenda item links to; `is_guessed` when the titles are not the same."""

    number: str
    item_title: str
    paper: Page
    is_guessed: bool

    @property
    def warning(self) -> str:
        return (
            f"agenda item {self.number} “{self.item_title}” is linked to the paper "
            f"“{self.paper.title}”, whose title is close but not the same (guessed): check it"
        )


def agenda_links(group: Page, meeting: Page | None, items: list[dict]) -> list[AgendaLink | None]:
    """For each item ({"number", "title", …}), its link or None: two queries in all."""
    rows = list(
        Page.objects.descendant_of(group)
        .type(*PAPER_PAGE_MODELS)
        .values_list("id", "title", "draft_title", "path", "depth")
    )
    chosen = [_choose(rows, meeting, item["title"]) for item in items]
    pages = Page.objects.in_bulk([found[0] for found in chosen if found])
    return [
        AgendaLink(item["number"], item["title"], pages[found[0]], found[1])
        if found and found[0] in pages
        else None
        for item, found in zip(items, chosen, strict=True)
    ]


def _choose(rows: list[tuple], meeting: Page | None, title: str) -> tuple[int, bool] | None:
    """(page id, is guessed) of the paper an item names, or None."""
    wanted = title.strip().casefold()
    exact = [row for row in rows if wanted in (row[1].casefold(), (row[2] or "").casefold())]
    if exact:
        here = [row for row in exact if meeting is not None and _is_child(row, meeting)]
        return max(here or exact, key=lambda row: row[3])[0], False
    candidates = [(row[0], text) for row in rows for text in {row[1], row[2]} if text]
    match = best_title_match(title, candidates)
    return (match.key, True) if match else None


def _is_child(row: tuple, meeting: Page) -> bool:
    return row[3].startswith(meeting.path) and row[4] == meeting.depth + 1


def set_agenda(
    meeting: MeetingPage, agenda_items: list[dict], *, group: Page, user=None, publish=False
) -> tuple[MeetingPage, list[AgendaLink | None]]:
    """Replace the meeting's agenda with the printed items, as a new draft revision (published
    at once only when asked, as the command line's --publish does). Returns the meeting and
    each item's link to its paper."""
    if user is not None and not meeting.permissions_for_user(user).can_edit():
        raise ImportNotAllowed(f"You may not change the agenda of {meeting.title}.")
    meeting = meeting.get_latest_revision_as_object()
    links = agenda_links(group, meeting, agenda_items)
    meeting.agenda_items = [
        AgendaItem(
            number=item["number"],
            title=item["title"][:255],
            time=item["time"][:20],
            presenter=item["presenter"][:255],
            paper=link.paper if link else None,
        )
        for item, link in zip(agenda_items, links, strict=True)
    ]
    revision = meeting.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        meeting.refresh_from_db()
    return meeting, links
