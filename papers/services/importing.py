"""Importing papers: reading an uploaded or saved paper, previewing it, and making or
updating its page under the right group and meeting, in one transaction."""

import datetime
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from wagtail.coreutils import resolve_model_string
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..agenda_imports import AgendaLink, agenda_links, set_agenda
from ..exceptions import ImportNotAllowed, PaperFormatError
from ..groups import DEFAULT_GROUP, find_group, group_page_model
from ..importer import PaperFact, ParsedPaper, paper_facts, parse_paper, read_paper_text
from ..importer.pages import PageValues, page_values
from ..importer.reading import MAX_PAPER_BYTES, PDF_SUFFIX, TEXT_SUFFIXES, WORD_SUFFIX
from .minutes_records import record_minuted

MEETING_PAGE_TYPE = "papers.MeetingPage"
REPORT_PAGE_TYPE = "papers.ReportPage"
DATED_PAGE_TYPES = (REPORT_PAGE_TYPE, MEETING_PAGE_TYPE)  # an agenda is its meeting's
IMPORTABLE_SUFFIXES = (*TEXT_SUFFIXES, WORD_SUFFIX, PDF_SUFFIX)
# A meeting created from a paper's date: the paper says nothing of its time or place.
NEW_MEETING_TIME = datetime.time(18, 30)
NEW_MEETING_VENUE = "Not recorded in the paper"


@dataclass
class ImportResult:
    """What an import did: the page (as now drafted), whether it is new, what to check."""

    page: Page
    created: bool
    warnings: list[str] = field(default_factory=list)
    is_changed: bool = True
    meeting_created: bool = False


@dataclass
class ImportPreview:
    """What importing a paper would do, without doing it: for the admin's preview page."""

    parsed: ParsedPaper
    values: PageValues
    group: Page
    meeting_date: datetime.date | None
    meeting: Page | None
    existing_page: Page | None
    warnings: list[str] = field(default_factory=list)
    # An agenda's items, each with the paper it will link to (None: no link), guessed or not.
    agenda_links: list[AgendaLink | None] = field(default_factory=list)

    @property
    def agenda_rows(self) -> list[tuple]:
        """Each agenda item beside the paper it will link to (None: no link)."""
        links = self.agenda_links or [None] * len(self.parsed.items)
        return list(zip(self.parsed.items, links, strict=True))

    @property
    def needs_meeting_date(self) -> bool:
        """A report must sit at a meeting: without a date the officer is asked for one."""
        return self.meeting_date is None and self.values.page_type in DATED_PAGE_TYPES

    @property
    def facts(self) -> list[PaperFact]:
        return paper_facts(self.parsed, self.meeting_date)


def importable_groups(user) -> QuerySet:
    """The groups under which `user` may add papers: through page permissions on the group
    (or a page above it), or on one of its meetings."""
    group_model = group_page_model()
    meeting_model = resolve_model_string(MEETING_PAGE_TYPE)
    groups = PagePermissionPolicy(group_model).instances_user_has_permission_for(user, "add")
    meeting_parents = {
        path[: -Page.steplen]
        for path in PagePermissionPolicy(meeting_model)
        .instances_user_has_permission_for(user, "add")
        .values_list("path", flat=True)
    }
    return group_model.objects.filter(
        Q(pk__in=groups.values("pk")) | Q(path__in=meeting_parents)
    ).order_by("path")


def read_uploaded_paper(upload) -> str:
    """The text of a paper uploaded through the admin (a Django UploadedFile), read exactly as
    a file on disk would be; PaperFormatError names the file."""
    name = Path(upload.name).name
    suffix = Path(name).suffix.lower()
    if upload.size > MAX_PAPER_BYTES:
        raise PaperFormatError(
            f"the file is {upload.size / 1024 / 1024:.1f} MB; papers over 10 MB cannot be imported",
            source=name,
            code="too_large",
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"paper{suffix}"
        with path.open("wb") as copy:
            if suffix in IMPORTABLE_SUFFIXES:  # any other type is refused without reading it
                for chunk in upload.chunks():
                    copy.write(chunk)
        try:
            return read_paper_text(path)
        except PaperFormatError as error:
            raise error.from_source(name) from None


def preview_import(
    text: str,
    *,
    source_name: str,
    group: Page | str = DEFAULT_GROUP,
    meeting_date: datetime.date | None = None,
) -> ImportPreview:
    """Parse a paper and work out where it would go, writing nothing. A report that prints
    no meeting date previews with `needs_meeting_date`, for the officer to give one."""
    parsed, values = _parse(text, source_name)
    group = find_group(group)
    date, warnings = _meeting_date(parsed, values, meeting_date, source_name, is_required=False)
    meeting = _find_meeting(group, date) if date else None
    if parsed.kind == "agenda":
        links = agenda_links(group, meeting, values.fields["agenda_items"])
        warnings += [link.warning for link in links if link and link.is_guessed]
        return ImportPreview(parsed, values, group, date, meeting, None, warnings, links)
    model = apps.get_model(values.page_type)
    existing = _imported_page(model, group, None, values)
    if existing is None and (meeting or date is None):
        existing = _imported_page(model, group, meeting or group, values)
    return ImportPreview(parsed, values, group, date, meeting, existing, warnings)


def import_paper(
    paper: Path | str,
    *,
    group: Page | str = DEFAULT_GROUP,
    meeting_date: datetime.date | None = None,
    publish: bool = False,
    user=None,
    source_name: str = "",
    skip_unchanged: bool = False,
    title: str = "",
) -> ImportResult:
    """Import one paper (a file's Path, or the paper's text as a str) as a page of its group.

    The page goes under the group's meeting on the paper's date (or `meeting_date`, which
    wins), created if the group has none that day; an action plan or progress report without
    a date goes under the group itself. A paper imported before (the same text anywhere in the
    group, or the same title at the same meeting) gets a new revision of its page, never a
    second page. Draft unless `publish`. One transaction: on any error nothing is written.
    `skip_unchanged` leaves a page whose latest revision came from the same text alone.
    With a `user`, their page permissions apply; without one (the command line) they do not.
    A `title` replaces the printed one (the officer chose it at the preview, in sentence case).
    """
    if isinstance(paper, Path):
        source_name = source_name or paper.name
        text = read_paper_text(paper)
    else:
        text = paper
    parsed, values = _parse(text, source_name)
    if title:
        values.fields["title"] = title
    group = find_group(group)
    date, warnings = _meeting_date(parsed, values, meeting_date, source_name)
    if parsed.kind == "agenda":  # an agenda is its meeting's, not a page of its own
        with transaction.atomic():
            meeting, created = _meeting_for(group, date, publish=publish, user=user)
            page, links = set_agenda(
                meeting, values.fields["agenda_items"], group=group, user=user, publish=publish
            )
            warnings += [link.warning for link in links if link and link.is_guessed]
            return ImportResult(page, created, warnings, meeting_created=created)
    model = apps.get_model(values.page_type)
    try:
        with transaction.atomic():
            # The same text imported before is updated where it is, and no meeting is made.
            existing = _imported_page(model, group, None, values)
            meeting_created = False
            if existing is None:
                meeting, meeting_created = _meeting_for(group, date, publish=publish, user=user)
                if meeting_created:
                    warnings.append(
                        f"the meeting of {_day(date)} was created from the paper's date: give "
                        "it its time and venue"
                    )
                existing = _imported_page(model, group, meeting or group, values)
                if existing is None:
                    page = _create_page(model, meeting or group, values, publish=publish, user=user)
                    _record_minuted(page, parsed, user)
                    return ImportResult(page, True, warnings, meeting_created=meeting_created)
            moved = existing.meeting_date != date
            if moved:  # it stays at the meeting it was imported to, and keeps that date
                values.fields["meeting_date"] = existing.meeting_date
            page, is_changed = _update_page(
                existing, values, publish=publish, user=user, skip_unchanged=skip_unchanged
            )
            if is_changed:
                _record_minuted(page, parsed, user)
            if is_changed and moved:
                warnings.append(
                    f"this paper was imported before under {existing.get_parent().title}; "
                    "that page was updated there"
                )
            return ImportResult(page, False, warnings, is_changed, meeting_created)
    except ValidationError as error:
        raise PaperFormatError(
            "the page could not hold the paper as printed: " + _validation_message(error),
            source=source_name,
        ) from None


def _record_minuted(page: Page, parsed: ParsedPaper, user) -> None:
    """Minutes bring their decisions and actions into the meeting cycle's registers."""
    if parsed.kind == "minutes":
        record_minuted(by=user, minutes=page, parsed=parsed)


def _parse(text: str, source_name: str) -> tuple[ParsedPaper, PageValues]:
    try:
        parsed = parse_paper(text, source=source_name)
        return parsed, page_values(parsed, text=text)
    except PaperFormatError as error:
        if source_name and not error.source:
            raise error.from_source(source_name) from None
        raise


def _meeting_date(
    parsed: ParsedPaper,
    values: PageValues,
    given: datetime.date | None,
    source_name: str,
    *,
    is_required: bool = True,
) -> tuple[datetime.date | None, list[str]]:
    """The date of the meeting the paper goes to, and any warning about it."""
    printed = parsed.header.meeting_date
    warnings = list(values.warnings)
    if given and printed and given != printed:
        warnings.append(
            f"the paper is dated {_day(printed)}; it was put at the meeting of {_day(given)} as "
            "asked"
        )
    date = given or printed
    if date is None and values.page_type in DATED_PAGE_TYPES and is_required:
        raise PaperFormatError(
            "the paper prints no meeting date: give the date of the meeting it went to",
            source=source_name,
            code="no_meeting_date",
        )
    values.fields["meeting_date"] = date
    return date, warnings


def _find_meeting(group: Page, date: datetime.date) -> Page | None:
    meeting_model = resolve_model_string(MEETING_PAGE_TYPE)
    return meeting_model.objects.child_of(group).filter(start__date=date).order_by("start").first()


def _meeting_for(group, date, *, publish: bool, user) -> tuple[Page | None, bool]:
    """The group's meeting on `date`, created (live only when the paper is published) if the
    group has none that day."""
    if date is None:
        return None, False
    meeting = _find_meeting(group, date)
    if meeting is not None:
        return meeting, False
    if user is not None and not group.permissions_for_user(user).can_add_subpage():
        raise ImportNotAllowed(f"You may not add meetings to {group.title}.")
    meeting_model = resolve_model_string(MEETING_PAGE_TYPE)
    start = timezone.make_aware(datetime.datetime.combine(date, NEW_MEETING_TIME))
    is_past = date < timezone.localdate()
    slug = date.isoformat()  # the address a meeting gets: /steering-group/2009-05-13/
    if Page.objects.child_of(group).filter(slug=slug).exists():
        slug = ""
    meeting = meeting_model(
        title=f"{group.title} meeting, {_day(date)}",
        slug=slug,
        start=start,
        status=meeting_model.Status.HELD if is_past else meeting_model.Status.SCHEDULED,
        venue_name=NEW_MEETING_VENUE,
        live=False,
        owner=user,
    )
    group.add_child(instance=meeting)
    log(instance=meeting, action="wagtail.create", user=user)
    revision = meeting.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    return meeting_model.objects.get(pk=meeting.pk), True


def _imported_page(model, group: Page, parent: Page | None, values: PageValues) -> Page | None:
    """The page this paper was imported to before: the same text anywhere in the group, or
    the same title at the same meeting."""
    same_text = (
        model.objects.descendant_of(group)
        .filter(source_hash=values.fields["source_hash"])
        .order_by("path")
        .first()
    )
    if same_text or parent is None:
        return same_text
    title = values.fields["title"]
    return (
        model.objects.child_of(parent)
        .filter(Q(title__iexact=title) | Q(draft_title__iexact=title))
        .order_by("path")
        .first()
    )


def _create_page(model, parent: Page, values: PageValues, *, publish: bool, user) -> Page:
    if user is not None:
        permissions = parent.permissions_for_user(user)
        if not permissions.can_add_subpage():
            raise ImportNotAllowed(f"You may not add papers to {parent.title}.")
        if publish and not permissions.can_publish_subpage():
            raise ImportNotAllowed(f"You may not publish papers in {parent.title}.")
    page = model(**values.fields, slug=_paper_slug(parent, values), live=False, owner=user)
    parent.add_child(instance=page)
    log(instance=page, action="wagtail.create", user=user)
    revision = page.save_revision(user=user)
    if publish:
        revision.publish(user=user)
        page.refresh_from_db()
    return page


def _paper_slug(parent: Page, values: PageValues) -> str:
    """A paper's web address from its title, with "2009/10" as "2009-10", not "200910"; left
    blank (for Wagtail to number) if the meeting already has a page there."""
    slug = slugify(values.fields["title"].replace("/", "-"))[:255].strip("-")
    return "" if Page.objects.child_of(parent).filter(slug=slug).exists() else slug


def _update_page(
    existing: Page, values: PageValues, *, publish: bool, user, skip_unchanged: bool
) -> tuple[Page, bool]:
    page = existing.get_latest_revision_as_object()
    if skip_unchanged and page.source_hash == values.fields["source_hash"]:
        return page, False
    if user is not None:
        permissions = existing.permissions_for_user(user)
        if not permissions.can_edit():
            raise ImportNotAllowed(f"You may not change “{existing.title}”.")
        if publish and not permissions.can_publish():
            raise ImportNotAllowed(f"You may not publish “{existing.title}”.")
    for name, value in values.fields.items():
        setattr(page, name, value)
    page.auto_numbers = {}
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return page, True


def _validation_message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def _day(date: datetime.date) -> str:
    return f"{date.day} {date:%B %Y}"
