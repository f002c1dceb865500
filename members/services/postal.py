"""Postal batches: the same postings email members get, as letters an officer prints and posts.

Rules:
- A batch holds every posting made after the last batch marked posted (its `covers_until`) up
  to the moment it is built, matched to postal members by the email route's own rule
  (`alerts.members_for_posting`, asked once per posting): one letter per active postal
  member whose post route is not paused and who has something new; nobody else gets one.
- At most one batch is open (built, not posted). Building again replaces the open batch, so
  a posting made meanwhile is not missed; a posted batch never changes.
- A letter is rendered once, when the batch is built, and kept as rendered: the browser's
  print, the PDF and any reprint show exactly that letter.
- Its letters are frozen, but an email is checked again as it leaves: an open batch whose
  page was unpublished or restricted from one of its members since the build is not
  printed, made into a PDF or marked posted; the officer builds it again.
- Marking a batch posted records each letter as sent to its member (`AlertDelivery`, channel
  post); the next batch starts after it.
- A letter returned undelivered pauses the member's post route and flags them to officers
  until one checks the address and resumes their letters.
- The PDF is made by a background task: WeasyPrint renders the letters in chunks of
  KCP_POSTAL_PDF_CHUNK_SIZE and pypdf joins them into one file, one letter per page or pages.
"""

import csv
import datetime
import io
import logging
import multiprocessing
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.core.context import request_context
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django_tasks import task
from pypdf import PdfWriter
from wagtail.models import Site

from home.audit import record_access
from home.models import Interest, PartnershipSettings
from home.outbox import queue_templated_email
from home.roles import is_partnership_officer
from home.site_address import absolute_url
from home.spreadsheets import neutralise
from members.alerts.matching import audience_of, members_for_posting, wider_partnership_group_id
from members.alerts.models import AlertDelivery, Posting
from members.audit.actions import Action
from members.exceptions import (
    AddressTooLong,
    BatchAlreadyPosted,
    BatchOutOfDate,
    EmailNeeded,
    LetterNotPosted,
    NotAnOfficer,
    NotAPostalMember,
    NothingToPost,
    PdfRendererUnavailable,
    ReturnAddressNeeded,
)
from members.models import Member, PostalBatch, PostalLetter, User
from members.partnership import services as partnership
from papers.models import is_posting_type

logger = logging.getLogger(__name__)

PdfState = PostalBatch.PdfState

# --- Where the address goes ---------------------------------------------------------------


@dataclass(frozen=True)
class Rectangle:
    """A place on the A4 letter, in millimetres from its top left corner."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def contains(self, other: "Rectangle") -> bool:
        return (
            other.left >= self.left
            and other.top >= self.top
            and other.right <= self.right
            and other.bottom <= self.bottom
        )


@dataclass(frozen=True)
class EnvelopeWindow:
    """The part of the folded letter an envelope's window shows, in letter coordinates."""

    code: str
    name: str
    window: Rectangle


# The common UK window envelopes: a DL (A4 folded in three) and a C5 (A4 folded once), each
# with a 90 x 45 mm window 20 mm from the left. The rectangles are where the window falls on
# the letter, allowing for the letter sliding a few millimetres inside the envelope.
ENVELOPE_WINDOWS = {
    "DL": EnvelopeWindow("DL", "DL (A4 folded in three)", Rectangle(20, 48, 90, 45)),
    "C5": EnvelopeWindow("C5", "C5 (A4 folded once)", Rectangle(20, 46, 90, 45)),
}
# The page's margins (top, right, bottom, left) and the gap kept between the window's edge
# and the address, so a letter that slips still shows the whole address.
PAGE_MARGINS_MM = (15, 18, 18, 20)
WINDOW_INSET_MM = 3
# How many lines of address the window shows (letters.css: 11 pt and 16 pt text at 1.2 and
# 1.1 line heights in a 39 mm high block); a longer address is refused when the batch is
# built, never cut off.
ADDRESS_LINES_THAT_FIT = {False: 7, True: 6}


def envelope_window(code: str | None = None) -> EnvelopeWindow:
    return ENVELOPE_WINDOWS[code or settings.KCP_POSTAL_ENVELOPE]


def address_block(envelope: EnvelopeWindow) -> Rectangle:
    """Where the address is printed: inside the window by WINDOW_INSET_MM all round."""
    window = envelope.window
    return Rectangle(
        window.left + WINDOW_INSET_MM,
        window.top + WINDOW_INSET_MM,
        window.width - 2 * WINDOW_INSET_MM,
        window.height - 2 * WINDOW_INSET_MM,
    )


def letters_css(envelope: EnvelopeWindow) -> str:
    top, right, bottom, left = PAGE_MARGINS_MM
    block = address_block(envelope)
    return render_to_string(
        "members/letters/letters.css",
        {
            "page": {"top": top, "right": right, "bottom": bottom, "left": left},
            # Positions inside the page's content box, which starts at the margins.
            "address": {
                "left": block.left - left,
                "top": block.top - top,
                "width": block.width,
                "height": block.height,
            },
            "body_starts_at": envelope.window.bottom - top + 4,
        },
    )


# --- What a letter says -------------------------------------------------------------------


def address_lines(member: Member) -> list[str]:
    """The address in the UK order: the person, their organisation, the lines of the address
    as they gave them, the postcode on a line of its own."""
    lines = [member.name]
    if member.kind in Member.KINDS_WITH_ORGANISATION and member.organisation_name:
        lines.append(member.organisation_name)
    lines += [line.strip() for line in member.postal_address.splitlines() if line.strip()]
    postcode = member.postcode.strip().upper()
    if postcode and not lines[-1].upper().endswith(postcode):
        lines.append(postcode)
    return lines


@dataclass(frozen=True)
class PartnershipContact:
    name: str
    address_lines: tuple[str, ...]
    phone: str
    email: str

    @classmethod
    def current(cls) -> "PartnershipContact":
        partnership = PartnershipSettings.for_site(
            Site.objects.filter(is_default_site=True).first()
        )
        return cls(
            name=partnership.partnership_name,
            address_lines=tuple(
                line.strip() for line in partnership.address.splitlines() if line.strip()
            ),
            phone=partnership.phone,
            email=partnership.contact_email,
        )


@dataclass(frozen=True)
class LetterPosting:
    title: str
    summary: str
    url: str
    revision_note: str = ""
    closes_on: datetime.date | None = None

    @classmethod
    def of(cls, posting: Posting, closes_on: datetime.date | None = None) -> "LetterPosting":
        return cls(
            title=posting.title,
            summary=posting.summary,
            url=posting.url,
            revision_note=posting.revision_note,
            closes_on=closes_on,
        )


def closing_dates(postings: list[Posting]) -> dict[int, datetime.date]:
    """The day comments close for each posting that has one (a consultation), read from its
    page now, so a letter gives the closing date as it stands (one query per posting)."""
    dates = {}
    for posting in postings:
        page = posting.page.specific if posting.page_id else None
        closes_at = page.posting_closes_at() if is_posting_type(page) else None
        if closes_at is not None:
            dates[posting.pk] = timezone.localdate(closes_at)
    return dates


@dataclass(frozen=True)
class LetterContent:
    position: int
    member_number: int
    name: str
    address_lines: tuple[str, ...]
    is_large_print: bool
    date: datetime.date
    interest_names: tuple[str, ...]
    postings: tuple[LetterPosting, ...]

    @property
    def has_closing_dates(self) -> bool:
        return any(posting.closes_on for posting in self.postings)


def render_letter(letter: LetterContent, partnership: PartnershipContact) -> str:
    return render_to_string(
        "members/letters/letter.html", {"letter": letter, "partnership": partnership}
    )


def letters_document(
    letters: Iterable[str],
    *,
    title: str,
    envelope: EnvelopeWindow,
    back_url: str = "",
) -> str:
    """The letters as one HTML document: for the browser's print, and for WeasyPrint."""
    return render_to_string(
        "members/letters/document.html",
        {
            "title": title,
            "css": mark_safe(letters_css(envelope)),  # our own template, no one's input
            "letters": [SafeString(letter) for letter in letters],
            "envelope": envelope,
            "back_url": back_url,
        },
    )


# --- Building, posting, returns -----------------------------------------------------------


def _check_officer(officer) -> None:
    if not is_partnership_officer(officer):
        raise NotAnOfficer("Only Partnership officers may handle postal batches.")


def open_batch() -> PostalBatch | None:
    return PostalBatch.objects.filter(posted_at__isnull=True).first()


def last_posted_batch() -> PostalBatch | None:
    return PostalBatch.objects.filter(posted_at__isnull=False).order_by("-covers_until").first()


def postal_members():
    """Who gets letters: active postal members whose post route is not paused."""
    return (
        Member.objects.filter(
            route=Member.Route.POST, status=Member.Status.ACTIVE, post_paused_on__isnull=True
        )
        .prefetch_related(Prefetch("interests", queryset=Interest.objects.order_by("name")))
        .order_by("postcode", "name", "pk")
    )


@transaction.atomic
def build_batch(officer, *, now: datetime.datetime | None = None) -> PostalBatch:
    """Build the batch of every posting since the last one posted, replacing an open batch."""
    _check_officer(officer)
    now = now or timezone.now()
    partnership = PartnershipContact.current()
    if not partnership.address_lines:
        raise ReturnAddressNeeded(
            "Letters tell members to write to the Partnership: add its postal address under "
            "Settings, Partnership contact details, then build the batch."
        )
    previous = last_posted_batch()
    covers_from = previous.covers_until if previous else None
    postings = Posting.objects.filter(posted_at__lte=now).select_related("page")
    if covers_from is not None:
        postings = postings.filter(posted_at__gt=covers_from)
    postings = list(postings.order_by("posted_at", "pk"))
    replaced = PostalBatch.objects.select_for_update().filter(posted_at__isnull=True).first()
    if replaced is not None:
        _discard(replaced)
    closes = closing_dates(postings)
    members = list(postal_members())
    # A member who had a posting by email before switching to post is not sent it again.
    already = set(
        AlertDelivery.objects.filter(member__in=members, posting__in=postings).values_list(
            "member_id", "posting_id"
        )
    )
    # The email route's own rule, asked once per posting (so the number of queries does not
    # grow with the number of members): who on the post route gets each posting now.
    receives = {
        posting.pk: set(
            members_for_posting(posting, routes=[Member.Route.POST]).values_list("pk", flat=True)
        )
        for posting in postings
    }
    envelope = envelope_window()
    today = timezone.localdate(now)
    letters: list[tuple[PostalLetter, list[Posting]]] = []
    for member in members:
        matching = [
            posting
            for posting in postings
            if member.pk in receives[posting.pk] and (member.pk, posting.pk) not in already
        ]
        if not matching:
            continue
        content = LetterContent(
            position=len(letters) + 1,
            member_number=member.pk,
            name=member.name,
            address_lines=tuple(address_lines(member)),
            is_large_print=member.is_large_print,
            date=today,
            interest_names=tuple(interest.name for interest in member.interests.all()),
            postings=tuple(
                LetterPosting.of(posting, closes.get(posting.pk)) for posting in matching
            ),
        )
        letter = PostalLetter(
            member=member,
            position=content.position,
            address_lines=list(content.address_lines),
            is_large_print=content.is_large_print,
            html=render_letter(content, partnership),
        )
        letters.append((letter, matching))
    too_long = [
        letter.member_id
        for letter, _ in letters
        if len(letter.address_lines) > ADDRESS_LINES_THAT_FIT[letter.is_large_print]
    ]
    if too_long:
        raise AddressTooLong(
            "These members' addresses have more lines than an envelope's window shows "
            f"({ADDRESS_LINES_THAT_FIT[False]} lines with the name, "
            f"{ADDRESS_LINES_THAT_FIT[True]} in large print): "
            + ", ".join(f"member {pk}" for pk in too_long)
            + ". Join some lines on their records (for example the flat and the street), "
            "then build the batch again."
        )
    if not letters:
        raise NothingToPost(
            "No postal member has anything new: nothing has been posted on their subjects "
            "since the last batch was posted."
        )
    try:
        with transaction.atomic():
            batch = PostalBatch.objects.create(
                built_at=now,
                built_by=officer,
                covers_from=covers_from,
                covers_until=now,
                envelope=envelope.code,
            )
    except IntegrityError as error:  # another officer built one at the same moment
        raise NothingToPost(
            "Another officer has just built the batch: open it from Postal mailing."
        ) from error
    batch.postings.set({posting for _, matching in letters for posting in matching})
    for letter, _ in letters:
        letter.batch = batch
    PostalLetter.objects.bulk_create([letter for letter, _ in letters])
    PostalLetter.postings.through.objects.bulk_create(
        [
            PostalLetter.postings.through(postalletter_id=letter.pk, posting_id=posting.pk)
            for letter, matching in letters
            for posting in matching
        ]
    )
    record_access(
        officer,
        Action.BUILT_POSTAL_BATCH,
        count=len(letters),
        details={"batch": batch.pk},
    )
    return batch


def check_still_for_its_members(batch: PostalBatch) -> None:
    """An open batch's letters were frozen when it was built, but an email is checked again
    just before it leaves: so before its letters are printed, made into a PDF or marked
    posted, each posting is checked with the email route's rule (`audience_of`) for every
    member whose letter holds it. BatchOutOfDate if one is no longer live, or is now
    restricted from one of them. A posted batch is a record and is never checked."""
    if batch.is_posted:
        return
    holders: dict[int, set[int]] = {}
    through = PostalLetter.postings.through.objects.filter(postalletter__batch=batch)
    for posting_id, member_id in through.values_list("posting_id", "postalletter__member_id"):
        holders.setdefault(posting_id, set()).add(member_id)
    postings = batch.postings.select_related("page").order_by("posted_at", "pk")
    groups_of: dict[int, set[int]] = defaultdict(set)  # postal members mostly have no account
    for member_id, group_id in Member.objects.filter(
        pk__in={pk for ids in holders.values() for pk in ids}, user__groups__isnull=False
    ).values_list("pk", "user__groups"):
        groups_of[member_id].add(group_id)
    wider = wider_partnership_group_id()
    for posting in postings:
        audience = audience_of(posting.page)
        if all(
            audience.admits(groups_of[member_id], wider)
            for member_id in holders.get(posting.pk, ())
        ):
            continue
        raise BatchOutOfDate(
            f"“{posting.title}” has been unpublished or restricted since this batch was built, "
            "so some of its letters tell members about a page they may no longer see. Build "
            "the batch again from Postal mailing (it replaces this one), then print the new "
            "letters."
        )


def _discard(batch: PostalBatch) -> None:
    if batch.pdf:
        batch.pdf.delete(save=False)
    batch.delete()


@transaction.atomic
def mark_posted(officer, batch: PostalBatch, *, posted_on: datetime.date) -> PostalBatch:
    """The letters went in the post: each is recorded as sent, and the next batch starts
    after this one."""
    _check_officer(officer)
    batch = PostalBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.is_posted:
        raise BatchAlreadyPosted(
            f"This batch was marked posted on {timezone.localdate(batch.posted_at):%-d %B %Y}."
        )
    check_still_for_its_members(batch)
    posted_at = timezone.make_aware(datetime.datetime.combine(posted_on, datetime.time(12)))
    batch.posted_at = posted_at
    batch.posted_by = officer
    batch.save(update_fields=["posted_at", "posted_by"])
    through = PostalLetter.postings.through.objects.filter(postalletter__batch=batch)
    AlertDelivery.objects.bulk_create(
        [
            AlertDelivery(
                posting_id=posting_id,
                member_id=member_id,
                channel=AlertDelivery.Channel.POST,
                state=AlertDelivery.State.SENT,
                queued_at=batch.built_at,
                sent_at=posted_at,
            )
            for posting_id, member_id in through.values_list(
                "posting_id", "postalletter__member_id"
            )
        ],
        ignore_conflicts=True,
    )
    record_access(
        officer,
        Action.MARKED_POSTED,
        count=batch.letters.count(),
        details={"batch": batch.pk},
    )
    return batch


@transaction.atomic
def record_returned_letter(
    officer, letter: PostalLetter, *, returned_on: datetime.date, reason: str
) -> PostalLetter:
    """A letter came back: it is recorded, the member's letters stop and officers see the
    member flagged until one checks the address and resumes them."""
    _check_officer(officer)
    letter = (
        PostalLetter.objects.select_for_update().select_related("batch", "member").get(pk=letter.pk)
    )
    if not letter.batch.is_posted:
        raise LetterNotPosted(
            "This batch has not been marked posted yet, so none of its letters can have come "
            "back: mark it posted first."
        )
    letter.returned_on = returned_on
    letter.returned_reason = reason
    letter.returned_recorded_by = officer
    letter.save(update_fields=["returned_on", "returned_reason", "returned_recorded_by"])
    member = letter.member
    if not member.is_post_paused:
        member.post_paused_on = returned_on
        member.post_paused_reason = reason
        member.save(update_fields=["post_paused_on", "post_paused_reason"])
        member.changes.create(
            changed_by=officer,
            what="post_paused",
            before={"post_paused": False},
            after={"post_paused": True, "letter": letter.pk},
        )
    record_access(
        officer, Action.RECORDED_RETURN, subject=member, details={"batch": letter.batch_id}
    )
    return letter


def members_with_returned_letters():
    """The flag officers see: members whose letters stopped because one came back."""
    return Member.objects.filter(post_paused_on__isnull=False).order_by("post_paused_on", "pk")


@transaction.atomic
def resume_post(officer, member: Member) -> Member:
    """An officer checked the address: letters start again with the next batch."""
    _check_officer(officer)
    if member.is_post_paused:
        member.changes.create(
            changed_by=officer,
            what="post_resumed",
            before={"post_paused": True},
            after={"post_paused": False},
        )
        member.post_paused_on = None
        member.post_paused_reason = ""
        member.save(update_fields=["post_paused_on", "post_paused_reason"])
    return member


# --- Reading a batch (each read is audited) --------------------------------------------------


def batch_letters(batch: PostalBatch):
    return batch.letters.select_related("member").order_by("position")


def letters_for_print(officer, batch: PostalBatch, letters: Sequence[PostalLetter], **kwargs):
    """The HTML document of the given letters of the batch, for the browser's print."""
    _check_officer(officer)
    check_still_for_its_members(batch)
    record_access(
        officer,
        Action.OPENED_LETTERS,
        subject=letters[0].member if len(letters) == 1 else None,
        count=len(letters),
        details={"batch": batch.pk},
    )
    return letters_document(
        [letter.html for letter in letters],
        title=f"Letters of postal batch {batch.pk}"
        if len(letters) != 1
        else f"Letter {letters[0].position} of postal batch {batch.pk}",
        envelope=envelope_window(batch.envelope),
        **kwargs,
    )


LABEL_COLUMNS = 3
LABEL_ROWS = 7
LABELS_PER_SHEET = LABEL_COLUMNS * LABEL_ROWS


def label_sheets(officer, batch: PostalBatch) -> list[list[list[str]]]:
    """The addresses of the batch's letters, 21 to an A4 sheet, in the letters' order."""
    _check_officer(officer)
    addresses = list(batch.letters.order_by("position").values_list("address_lines", flat=True))
    record_access(
        officer,
        Action.EXPORTED_LABELS,
        count=len(addresses),
        details={"batch": batch.pk, "format": "sheet"},
    )
    return [
        addresses[start : start + LABELS_PER_SHEET]
        for start in range(0, len(addresses), LABELS_PER_SHEET)
    ]


LABEL_CSV_ADDRESS_LINES = 4


def label_csv_row(position: int, lines: Sequence[str], postcode: str) -> list:
    """One address for a mail-merge: the name, up to four lines of the address (any more are
    joined onto the fourth), and the postcode, each cell safe to open in a spreadsheet."""
    name, *rest = lines or [""]
    if rest and postcode and rest[-1] == postcode:
        rest = rest[:-1]
    middle = rest[: LABEL_CSV_ADDRESS_LINES - 1] + [", ".join(rest[LABEL_CSV_ADDRESS_LINES - 1 :])]
    middle += [""] * (LABEL_CSV_ADDRESS_LINES - len(middle))
    return [position, *(neutralise(cell) for cell in [name, *middle, postcode])]


def labels_csv(officer, batch: PostalBatch) -> str:
    """The batch's addresses as CSV, in the letters' order."""
    _check_officer(officer)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "Letter",
            "Name",
            *(f"Address line {n}" for n in range(1, LABEL_CSV_ADDRESS_LINES + 1)),
            "Postcode",
        ]
    )
    rows = list(
        batch.letters.order_by("position").values_list(
            "position", "address_lines", "member__postcode"
        )
    )
    for position, lines, postcode in rows:
        writer.writerow(label_csv_row(position, lines, (postcode or "").strip().upper()))
    record_access(
        officer,
        Action.EXPORTED_LABELS,
        count=len(rows),
        details={"batch": batch.pk, "format": "csv"},
    )
    return out.getvalue()


def open_pdf(officer, batch: PostalBatch):
    _check_officer(officer)
    check_still_for_its_members(batch)
    record_access(
        officer,
        Action.DOWNLOADED_LETTERS,
        count=batch.letters.count(),
        details={"batch": batch.pk},
    )
    return batch.pdf.open("rb")


# --- The PDF ----------------------------------------------------------------------------------

PANGO_MISSING = (
    "The PDF cannot be made on this server: WeasyPrint needs the Pango text library "
    "(Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation). Until it is "
    "installed, open the letters in the browser and print them from there."
)


def weasyprint_html():
    """WeasyPrint's HTML class, or PdfRendererUnavailable if the system cannot run it."""
    try:
        # Imported here, not at the top: WeasyPrint loads Pango (a system library) on import,
        # and the site must run without it (`make run` offers the browser's print instead).
        from weasyprint import HTML
    except (ImportError, OSError) as error:
        raise PdfRendererUnavailable(PANGO_MISSING) from error
    return HTML


def _chunk_pdf(document: str) -> bytes:
    """One chunk of letters as a PDF. Runs in a child process too: WeasyPrint only, no
    database or templates."""
    return weasyprint_html()(string=document).write_pdf()


def render_pdf(
    letters: Sequence[str], envelope: EnvelopeWindow, *, chunk_size: int, processes: int = 1
) -> bytes:
    """The letters as one PDF: rendered chunk_size at a time (memory stays flat however many
    letters there are), by `processes` processes at once, and joined in order with pypdf."""
    weasyprint_html()  # the clear message now, before any work, if Pango is missing
    documents = [
        letters_document(
            letters[start : start + chunk_size], title="Postal letters", envelope=envelope
        )
        for start in range(0, len(letters), chunk_size)
    ]
    writer = PdfWriter()
    if processes > 1 and len(documents) > 1:
        # Forked children share the rendered HTML and WeasyPrint already loaded; they touch
        # no database connection.
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
            for pdf in pool.map(_chunk_pdf, documents):
                writer.append(io.BytesIO(pdf))
    else:
        for document in documents:
            writer.append(io.BytesIO(_chunk_pdf(document)))
    writer.add_metadata({"/Title": "Postal letters"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@transaction.atomic
def request_pdf(officer, batch: PostalBatch) -> PostalBatch:
    """Queue the PDF's making; the officer is emailed when it is ready."""
    _check_officer(officer)
    batch = PostalBatch.objects.select_for_update().get(pk=batch.pk)
    check_still_for_its_members(batch)
    if batch.pdf_state == PdfState.RENDERING:
        return batch
    batch.pdf_state = PdfState.RENDERING
    batch.pdf_error = ""
    batch.pdf_requested_by = officer
    batch.save(update_fields=["pdf_state", "pdf_error", "pdf_requested_by"])
    batch_id = batch.pk
    transaction.on_commit(lambda: make_batch_pdf.enqueue(batch_id))
    return batch


def make_pdf(batch_id: int) -> str:
    """Render the batch's PDF and tell the officer who asked. Safe to run twice."""
    batch = PostalBatch.objects.filter(pk=batch_id).select_related("pdf_requested_by").first()
    if batch is None:  # discarded (rebuilt) before the worker came to it
        return "discarded"
    letters = list(batch.letters.order_by("position").values_list("html", flat=True))
    try:
        check_still_for_its_members(batch)  # a page may have been unpublished since asked
        pdf = render_pdf(
            letters,
            envelope_window(batch.envelope),
            chunk_size=settings.KCP_POSTAL_PDF_CHUNK_SIZE,
            processes=settings.KCP_POSTAL_PDF_PROCESSES,
        )
    except (PdfRendererUnavailable, BatchOutOfDate) as error:
        logger.warning("Postal batch %s: %s", batch_id, error.message)
        PostalBatch.objects.filter(pk=batch_id).update(
            pdf_state=PdfState.FAILED, pdf_error=error.message, pdf_finished_at=timezone.now()
        )
        return PdfState.FAILED
    if batch.pdf:
        batch.pdf.delete(save=False)
    batch.pdf.save(f"postal-batch-{batch.pk}.pdf", ContentFile(pdf), save=False)
    batch.pdf_state = PdfState.READY
    batch.pdf_finished_at = timezone.now()
    batch.save(update_fields=["pdf", "pdf_state", "pdf_finished_at"])
    officer = batch.pdf_requested_by
    if officer is not None and officer.email:
        queue_templated_email(
            kind="postal_pdf_ready",
            to=[officer.email],
            template="members/email/postal_pdf_ready",
            context={
                "batch": batch,
                "letter_count": len(letters),
                "batch_url": absolute_url(reverse("members_postal_batch", args=[batch.pk])),
            },
            idempotency_key=f"postal-pdf-ready:{batch.pk}:{batch.pdf_finished_at.isoformat()}",
        )
    return PdfState.READY


@task(backend="background")
def make_batch_pdf(batch_id: int) -> str:
    return make_pdf(batch_id)


# --- Preferences given by post or telephone ------------------------------------------------


class LettersChoice:
    """What a postal member asked for, about their letters."""

    KEEP = "keep"
    EMAIL = "email"
    PAUSE = "pause"
    LEAVE = "leave"

    choices = [
        (KEEP, "Keep sending letters (and start them again if paused)"),
        (EMAIL, "Switch to email"),
        (PAUSE, "Pause the letters for now"),
        (LEAVE, "Stop: leave the wider partnership"),
    ]


@dataclass(frozen=True)
class ChangeAskedByPost:
    """A postal member's change, as an officer took it down from a letter or a call."""

    how_asked: str
    asked_on: datetime.date
    interests: tuple[Interest, ...]
    letters: str = LettersChoice.KEEP
    is_large_print: bool = False
    email: str = ""
    email_route: str = Member.Route.EMAIL_AT_ONCE


@transaction.atomic
def record_change_asked_by_post(
    officer, member: Member, change: ChangeAskedByPost, *, request=None
) -> list:
    """Record what a postal member asked for by post or telephone, with the day they asked
    and how, each change a MembershipChange. Switching to email gives them an account whose
    address they confirm by the link emailed to them; until then they get nothing by email,
    and no more letters."""
    _check_officer(officer)
    member = Member.objects.select_for_update().get(pk=member.pk)
    if not member.is_postal:
        raise NotAPostalMember(
            "This member gets their news by email: they change their choices online."
        )
    asked = partnership.AskedBy(change.how_asked, change.asked_on)
    changes = []
    if change.letters == LettersChoice.LEAVE:
        partnership.leave_partnership(member, by=officer, asked=asked)
        record_access(officer, Action.CHANGED, subject=member, details={"fields": ["status"]})
        return [member.changes.latest("changed_at", "pk")]
    if change.is_large_print != member.is_large_print:
        changes.append(
            member.changes.create(
                changed_by=officer,
                what="large_print",
                before={"large_print": member.is_large_print},
                after={"large_print": change.is_large_print},
                how_asked=asked.how,
                asked_on=asked.on,
            )
        )
        member.is_large_print = change.is_large_print
        member.save(update_fields=["is_large_print"])
    if change.letters == LettersChoice.EMAIL:
        changes += _switch_to_email(officer, member, change, asked, request)
    else:
        changes += partnership.change_preferences(
            member,
            interests=change.interests,
            route=Member.Route.POST,
            is_paused=change.letters == LettersChoice.PAUSE,
            by=officer,
            asked=asked,
        )
        if change.letters == LettersChoice.KEEP and member.is_post_paused:
            resume_post(officer, member)
            changes.append(member.changes.latest("changed_at", "pk"))
    record_access(
        officer,
        Action.CHANGED,
        subject=member,
        details={"fields": sorted({change.what for change in changes})},
    )
    return changes


def _switch_to_email(officer, member, change: ChangeAskedByPost, asked, request) -> list:
    email = change.email.strip().lower()
    if not email:
        raise EmailNeeded("Enter the email address they want their news sent to.")
    if (
        User.objects.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email).exists()
    ):
        raise EmailNeeded(
            "That email address already belongs to an account: ask the member for another, "
            "or they can sign in with it and join online."
        )
    changes = partnership.change_preferences(
        member,
        interests=change.interests,
        route=change.email_route,
        is_paused=False,
        by=officer,
        asked=asked,
    )
    user = User.objects.create_user(email=email, first_name=member.name[:150])
    user.set_unusable_password()
    user.save(update_fields=["password"])
    address = EmailAddress.objects.create(user=user, email=email, verified=False, primary=True)
    member.user = user
    member.status = Member.Status.AWAITING_VERIFICATION
    member.save(update_fields=["user", "status"])
    changes.append(
        member.changes.create(
            changed_by=officer,
            what="awaiting_verification",
            before={"status": Member.Status.ACTIVE},
            after={"status": Member.Status.AWAITING_VERIFICATION},
            how_asked=asked.how,
            asked_on=asked.on,
        )
    )
    transaction.on_commit(lambda: _send_confirmation(address, request))
    return changes


def _send_confirmation(address: EmailAddress, request) -> None:
    """allauth reads the request from its own context, which is gone when the commit comes
    after the view has returned: give it the officer's request again."""
    with request_context(request):
        address.send_confirmation(request)
