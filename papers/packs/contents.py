"""What goes into a meeting's agenda pack, read from live pages: the agenda items in order,
each with its paper only when that paper is live, not confidential, and restricted no more
than the meeting itself. Also the digest that says whether a stored pack still matches."""

import hashlib
from dataclasses import dataclass

from wagtail.models import Page, PageViewRestriction

from papers.models import MeetingPage


@dataclass(frozen=True)
class PackItem:
    number: str
    title: str
    presenter: str
    purpose: str
    paper: Page | None  # the specific paper page, or None when the pack leaves it out
    anchor: str


def _restricting(path: str, restricted_paths: set[str]) -> set[str]:
    return {restricted for restricted in restricted_paths if path.startswith(restricted)}


def pack_items(meeting: MeetingPage) -> list[PackItem]:
    """The agenda in order, with the papers a reader of the meeting may read. Two queries."""
    restricted_paths = set(PageViewRestriction.objects.values_list("page__path", flat=True))
    meetings_own = _restricting(meeting.path, restricted_paths)
    agenda = list(meeting.agenda_items.order_by("sort_order"))
    paper_ids = [item.paper_id for item in agenda if item.paper_id and not item.is_confidential]
    papers = {page.pk: page for page in Page.objects.live().filter(pk__in=paper_ids).specific()}
    items = []
    for position, item in enumerate(agenda, start=1):
        paper = None if item.is_confidential else papers.get(item.paper_id)
        if paper is not None and not _restricting(paper.path, restricted_paths) <= meetings_own:
            paper = None
        items.append(
            PackItem(
                number=item.number or str(position),
                title=item.title,
                presenter=item.presenter,
                purpose=item.purpose,
                paper=paper,
                anchor=f"item-{position}",
            )
        )
    return items


def has_published_agenda(meeting: MeetingPage) -> bool:
    return meeting.live and meeting.agenda_items.exists()


def digest(meeting: MeetingPage, items: list[PackItem]) -> str:
    """Changes whenever anything printed in the pack could have changed: the meeting's or a
    paper's publication, the agenda, or which papers are let in."""
    parts = [f"{meeting.pk}|{meeting.live}|{meeting.last_published_at}|{meeting.path}"]
    for item in items:
        paper = item.paper
        published = f"{paper.pk}@{paper.last_published_at}" if paper is not None else "-"
        parts.append(f"{item.number}|{item.title}|{item.presenter}|{item.purpose}|{published}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def current_digest(meeting: MeetingPage) -> str:
    return digest(meeting, pack_items(meeting))
