"""The papers archive: every published public paper wherever it sits in the tree, filtered by
year, group, status, kind and a consultation's status (by the clock), searched by words, with
the passage each result matched.

Every paper type keeps its own table (PaperPage is abstract), so the listing works on Page rows
with the copied meeting date, group, status and purpose joined in from each type's table: one
query for a page of papers whatever their types, and no `.specific()` until a search needs the
text of the (at most one page of) results."""

import dataclasses
import datetime
import re
from collections.abc import Iterable, Mapping

from django.core.paginator import Page as PageOfResults
from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone
from wagtail.models import Page

from home.page_cache import current_generation
from home.search import search_words
from home.site_chrome import public_pages_q

from .consultations import ConsultationStatus, status_q
from .groups import public_groups
from .models.consultations import ConsultationPage
from .models.kinds import PAPER_PAGE_MODELS
from .models.meetings import MeetingPage
from .models.paper_pages import PaperPage

PAPERS_PER_PAGE = 20
LONGEST_QUERY = 200
PASSAGE_WORDS = 30
TEXT_SCANNED = 200_000

# The kinds of paper in the URL (?kind=report) and in the filter, in the order listed.
PAPER_KINDS: dict[str, type[Page]] = {
    "report": PAPER_PAGE_MODELS[0],
    "action-plan": PAPER_PAGE_MODELS[1],
    "progress-report": PAPER_PAGE_MODELS[2],
    "minutes": PAPER_PAGE_MODELS[3],
    "consultation": ConsultationPage,
}
KIND_LABELS = {
    "report": "Reports",
    "action-plan": "Action plans",
    "progress-report": "Progress reports",
    "minutes": "Minutes",
    "consultation": "Consultations",
}


def _joined(field: str):
    """A field every paper type has, read from whichever type's table the page belongs to."""
    return Coalesce(*[F(f"{model._meta.model_name}__{field}") for model in PAPER_PAGE_MODELS])


def published_papers() -> QuerySet:
    """Live, public papers of every type, each carrying paper_date (from the one date column
    every type shares, papers.PaperArchiveDate), and paper_group, paper_status and
    paper_purpose from its own type's table. Drafts and restricted papers never appear."""
    return (
        Page.objects.live()
        .filter(public_pages_q())
        .type(*PAPER_PAGE_MODELS)
        .filter(archive_date__isnull=False)  # every paper has one: an inner join
        .annotate(
            paper_date=F("archive_date__date"),
            paper_group=_joined("group_name"),
            paper_status=_joined("status"),
            paper_purpose=_joined("purpose"),
        )
        .select_related("content_type")
    )


@dataclasses.dataclass(frozen=True)
class ArchiveFilters:
    """What the visitor asked for, from the query string. Values that make no sense (a year
    of "abc", an unknown group) are dropped and named in `ignored`, never an error."""

    year: int | None = None
    group: str = ""
    status: str = ""
    kind: str = ""
    words: str = ""
    ignored: tuple[str, ...] = ()
    consultation: str = ""

    @property
    def has_choices(self) -> bool:
        """Whether any of the lists (year, group, status, kind, consultation) narrows them."""
        return bool(self.year or self.group or self.status or self.kind or self.consultation)

    @property
    def is_filtered(self) -> bool:
        return self.has_choices or bool(self.words)


def group_slug_asked_for(params: Mapping[str, str]) -> str:
    """The group in the query string: ?group=, or ?body= in addresses shared before the
    rename."""
    return (params.get("group") or params.get("body") or "").strip()


def read_filters(params: Mapping[str, str], group_slugs: Iterable[str]) -> ArchiveFilters:
    ignored = []
    year_text = (params.get("year") or "").strip()
    year = None
    if year_text:
        if year_text.isdigit() and 1900 <= int(year_text) <= 2200:
            year = int(year_text)
        else:
            ignored.append("year")
    group = group_slug_asked_for(params)
    if group and group not in set(group_slugs):
        ignored.append("group")
        group = ""
    status = (params.get("status") or "").strip()
    if status and status not in PaperPage.Status.values:
        ignored.append("status")
        status = ""
    kind = (params.get("kind") or "").strip()
    if kind and kind not in PAPER_KINDS:
        ignored.append("kind of paper")
        kind = ""
    consultation = (params.get("consultation") or "").strip()
    if consultation and consultation not in ConsultationStatus.values:
        ignored.append("consultation")
        consultation = ""
    words = search_words(params.get("q") or "", LONGEST_QUERY)
    return ArchiveFilters(year, group, status, kind, words, tuple(ignored), consultation)


def filter_papers(
    papers: QuerySet,
    filters: ArchiveFilters,
    groups: Iterable[Page],
    now: datetime.datetime | None = None,
):
    if filters.year:
        papers = papers.filter(paper_date__year=filters.year)
    if filters.group:
        group = next(page for page in groups if page.slug == filters.group)
        papers = papers.filter(path__startswith=group.path)
    if filters.status:
        papers = papers.filter(paper_status=filters.status)
    if filters.kind:
        papers = papers.type(PAPER_KINDS[filters.kind])
    if filters.consultation:
        status = status_q(filters.consultation, now or timezone.now(), "consultationpage__")
        papers = papers.type(ConsultationPage).filter(status)
    return papers


def newest_meeting_first(papers: QuerySet) -> QuerySet:
    return papers.order_by(
        F("paper_date").desc(nulls_last=True), F("first_published_at").desc(nulls_last=True), "pk"
    )


# (cache generation, the years that have papers): the archive's year menu changes only when
# papers do, and working it out sorts every paper (about 40 ms at 10,000 papers).
_years: tuple[str | None, tuple[int, ...]] = (None, ())


def years_with_papers() -> list[int]:
    """Every year with a published paper, newest first, kept per page-cache generation."""
    global _years
    generation = current_generation()
    if _years[0] != generation:
        years = (
            published_papers()
            .annotate(year=ExtractYear("paper_date"))
            .filter(year__isnull=False)
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )
        _years = (generation, tuple(years))
    return list(_years[1])


@dataclasses.dataclass
class ArchiveEntry:
    """One paper in a list: enough to show its title, meeting, group and what it is about."""

    page: Page
    kind: str
    meeting: Page | None
    passage: str = ""

    @property
    def title(self) -> str:
        return self.page.title


def _kind_label(page: Page) -> str:
    return page.content_type.model_class()._meta.verbose_name.capitalize()


def entries_for(pages: list[Page]) -> list[ArchiveEntry]:
    """Archive entries with each paper's meeting, found in one query for the whole list."""
    step = Page.steplen
    parent_paths = {page.path[:-step] for page in pages}
    meetings = {
        meeting.path: meeting
        for meeting in MeetingPage.objects.filter(path__in=parent_paths)
        .live()
        .filter(public_pages_q())
        .only("title", "path", "depth", "url_path", "start", "group_name")
    }
    return [
        ArchiveEntry(page=page, kind=_kind_label(page), meeting=meetings.get(page.path[:-step]))
        for page in pages
    ]


def page_of_papers(papers: QuerySet, page_number: str | None) -> PageOfResults:
    """A bounded page of papers; a page number that is not a number, or past the end, gives
    the first or last page instead of an error."""
    return Paginator(papers, PAPERS_PER_PAGE).get_page(page_number)


def search_papers(words: str, filtered: QuerySet | None = None):
    """Wagtail search (PostgreSQL: English stemming) over live public papers, best match
    first; within `filtered` papers when filters are chosen (passed as a subquery on the page
    id, a field every page indexes)."""
    papers = Page.objects.live().filter(public_pages_q()).type(*PAPER_PAGE_MODELS)
    if filtered is not None:
        papers = papers.filter(pk__in=filtered.order_by().values("pk"))
    return papers.search(words, operator="and")


TEXT_FIELDS = ("body", "sections", "objectives", "minutes", "actions_arising")


def _text_columns() -> dict[str, F]:
    """Each paper type's text streams, joined in from its own table as `text_<type>_<field>`."""
    return {
        f"text_{model._meta.model_name}_{field}": F(f"{model._meta.model_name}__{field}")
        for model in PAPER_PAGE_MODELS
        for field in TEXT_FIELDS
        if any(f.name == field for f in model._meta.get_fields())
    }


def search_entries(pages: Iterable[Page], words: str) -> list[ArchiveEntry]:
    """Entries for one page of search results, each with the passage its words matched. The
    text of every result, whatever its type, comes in the one query that lists them."""
    ids = [page.pk for page in pages]
    columns = _text_columns()
    annotated = {
        page.pk: page for page in published_papers().annotate(**columns).filter(pk__in=ids)
    }
    entries = entries_for([annotated[pk] for pk in ids if pk in annotated])
    for entry in entries:
        streams = [getattr(entry.page, column) for column in columns]
        entry.passage = passage_around(paper_text(entry.page.paper_purpose, streams), words)
    return entries


def paper_text(purpose: str, streams: Iterable) -> str:
    """The words of a paper as a reader meets them: purpose, then the text of its body."""
    parts = [purpose or ""]
    for stream in streams:
        if stream is not None:
            parts.extend(_strings(getattr(stream, "raw_data", stream)))
    text = " ".join(part for part in parts if part)
    return " ".join(text[:TEXT_SCANNED].split())


def _strings(data) -> Iterable[str]:
    """Every human-written string in raw StreamField data, skipping ids, numbers and codes."""
    if isinstance(data, str):
        return
    if isinstance(data, Mapping):
        for key, value in data.items():
            if key in {"id", "type", "number", "rag", "due_on", "level", "document"}:
                continue
            if isinstance(value, str):
                yield value
            else:
                yield from _strings(value)
    elif isinstance(data, Iterable):
        for item in data:
            if isinstance(item, str):
                yield item
            else:
                yield from _strings(item)


_SUFFIXES = ("ies", "es", "s", "ing", "ed", "y", "e")


def word_stem(word: str) -> str:
    """A rough English stem, enough to find where a stemmed search matched: "priority" and
    "priorities" both give "priorit"."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def passage_around(text: str, words: str, length: int = PASSAGE_WORDS) -> str:
    """About `length` words of `text` around the first word matching one of `words`, with an
    ellipsis where text was cut; the opening of the text when no word is found."""
    stems = [word_stem(word) for word in re.findall(r"\w+", words) if len(word) > 1]
    tokens = text.split()
    if not tokens:
        return ""
    first = 0
    if stems:
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")", re.IGNORECASE)
        first = next((i for i, token in enumerate(tokens) if pattern.search(token)), 0)
    start = max(0, first - length // 3)
    end = min(len(tokens), start + length)
    passage = " ".join(tokens[start:end])
    return ("… " if start else "") + passage + (" …" if end < len(tokens) else "")


@dataclasses.dataclass
class ArchiveListing:
    """Everything the archive page shows for one query string."""

    filters: ArchiveFilters
    results: PageOfResults
    entries: list[ArchiveEntry]
    years: list[int]
    groups: list[Page]

    @property
    def result_count(self) -> int:
        return self.results.paginator.count

    @property
    def is_search(self) -> bool:
        return bool(self.filters.words)

    @property
    def statuses(self) -> list[tuple[str, str]]:
        return list(PaperPage.Status.choices)

    @property
    def kinds(self) -> list[tuple[str, str]]:
        return list(KIND_LABELS.items())

    @property
    def consultation_statuses(self) -> list[tuple[str, str]]:
        return list(ConsultationStatus.choices)


def archive_listing(
    params: Mapping[str, str], now: datetime.datetime | None = None
) -> ArchiveListing:
    """The archive for a query string: a bounded number of queries whatever the number of
    papers (groups, years, count, one page of papers, their meetings). A consultation's
    status is read at `now` (the clock when not given)."""
    groups = list(public_groups())
    filters = read_filters(params, [group.slug for group in groups])
    papers = filter_papers(published_papers(), filters, groups, now)
    if filters.words:
        within = papers if filters.has_choices else None
        results = page_of_papers(search_papers(filters.words, within), params.get("page"))
        entries = search_entries(results.object_list, filters.words)
    else:
        results = page_of_papers(newest_meeting_first(papers), params.get("page"))
        entries = entries_for(list(results.object_list))
    return ArchiveListing(filters, results, entries, years_with_papers(), groups)
