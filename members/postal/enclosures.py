"""Papers in the envelope: which full papers a postal member's letter brings (their choice,
`Member.papers_by_post`), the check that each is still public when the batch is printed or
posted, and each paper's print copy, rendered once per batch and print size.

Only a live paper with no view restriction on it or above it is ever enclosed: a paper
restricted to a group is news for the members who may see it, but a printed copy in an
envelope can be read by anyone in the house, so it stays a summary."""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wagtail.models import Page, PageViewRestriction

from members.alerts.models import Posting
from members.exceptions import BatchOutOfDate
from members.models import Member
from papers.models import PaperPage
from papers.packs.rendering import print_copy_pdf

PapersByPost = Member.PapersByPost


@dataclass(frozen=True)
class Enclosure:
    """A paper printed after a member's letter: the page, its title, and the posting that
    brought it."""

    page_id: int
    title: str
    posting_id: int

    def as_json(self) -> dict:
        return {"page": self.page_id, "title": self.title, "posting": self.posting_id}


def _restricted_paths() -> list[str]:
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _is_public(page: Page, restricted_paths: Iterable[str]) -> bool:
    return page.live and not any(page.path.startswith(path) for path in restricted_paths)


def enclosable_papers(postings: Sequence[Posting]) -> dict[int, PaperPage]:
    """Each posting's paper, by posting, when a printed copy may go in an envelope: a live
    paper page restricted from nobody. Two queries, however many postings."""
    restricted = _restricted_paths()
    pages = {
        page.pk: page
        for page in Page.objects.live()
        .filter(pk__in=[posting.page_id for posting in postings if posting.page_id])
        .specific()
    }
    papers = {}
    for posting in postings:
        page = pages.get(posting.page_id)
        if isinstance(page, PaperPage) and _is_public(page, restricted):
            papers[posting.pk] = page
    return papers


def is_open_for_comment(closes_on: datetime.date | None, today: datetime.date) -> bool:
    return closes_on is not None and closes_on >= today


def chosen_enclosures(
    choice: str,
    postings: Sequence[Posting],
    papers: dict[int, PaperPage],
    closing_dates: dict[int, datetime.date],
    today: datetime.date,
) -> tuple[Enclosure, ...]:
    """The papers a member's letter brings, in the letter's order: none for summaries only;
    every enclosable paper of their postings; or only those open for comment."""
    if choice == PapersByPost.SUMMARIES:
        return ()
    chosen = []
    for posting in postings:
        paper = papers.get(posting.pk)
        if paper is None:
            continue
        if choice == PapersByPost.CONSULTATIONS and not is_open_for_comment(
            closing_dates.get(posting.pk), today
        ):
            continue
        chosen.append(Enclosure(paper.pk, posting.title, posting.pk))
    return tuple(chosen)


def check_enclosures_still_public(enclosures: Iterable[dict]) -> None:
    """BatchOutOfDate if a paper a letter encloses has been unpublished or restricted since
    the batch was built (two queries)."""
    titles = {enclosure["page"]: enclosure["title"] for enclosure in enclosures}
    if not titles:
        return
    restricted = _restricted_paths()
    still = {
        page.pk
        for page in Page.objects.filter(pk__in=titles).only("path", "live")
        if _is_public(page, restricted)
    }
    for page_id, title in titles.items():
        if page_id not in still:
            raise BatchOutOfDate(
                f"“{title}” has been unpublished or restricted since this batch was built, so "
                "it can no longer be printed and enclosed. Build the batch again from Postal "
                "mailing (it replaces this one), then print the new letters."
            )


EnclosureKey = tuple[int, bool]  # a paper's page id, and whether in large print


def render_enclosures(keys: Iterable[EnclosureKey]) -> dict[EnclosureKey, bytes]:
    """Each paper's print copy once per print size, from its live page, whatever the number
    of members it goes to."""
    wanted = sorted(set(keys))
    pages = {
        page.pk: page
        for page in Page.objects.live().filter(pk__in={pk for pk, _ in wanted}).specific()
    }
    missing = [pk for pk, _ in wanted if pk not in pages]
    if missing:
        raise BatchOutOfDate(
            "A paper to enclose is no longer published: build the batch again from Postal "
            "mailing, then print the new letters."
        )
    return {(pk, large): print_copy_pdf(pages[pk], is_large_print=large) for pk, large in wanted}
