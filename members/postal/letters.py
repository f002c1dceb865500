"""Letter layout: where the address sits for each window envelope, what a letter says, and
the HTML document the browser prints and WeasyPrint renders."""

import datetime
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Site

from home.models import PartnershipSettings
from members.alerts.models import Posting
from members.models import Member
from members.postal.reference import member_reference
from papers.models import is_posting_type

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
# 1.1 line heights in a 39 mm high block), and how many characters a line surely holds (a
# long name wraps; measured on mixed-case names, not all capitals). A standard-print address
# that does not fit is set compact (10 pt at 1.05, nine lines of 42), and one that still
# does not fit is refused when the batch is built, never cut off. Large print is never
# shrunk below 16 pt.
ADDRESS_LINES_THAT_FIT = {False: 7, True: 6}
ADDRESS_CHARACTERS_PER_LINE = {False: 38, True: 29}
COMPACT_ADDRESS_LINES_THAT_FIT = {False: 9, True: 6}
COMPACT_ADDRESS_CHARACTERS_PER_LINE = {False: 42, True: 29}
# The fixed box under the window with the date, the member number and the greeting: the
# letter's body starts below it whatever the member's details. The greeting takes two lines
# at full size; a longer name is set smaller, three lines in the same height (9 pt, or 16 pt
# in large print), and a name longer still is refused, never cut off.
PERSONAL_BOX_HEIGHT_MM = {"standard": 26, "large": 38}
GREETING_CHARACTERS_PER_LINE = {False: 75, True: 42}
COMPACT_GREETING_CHARACTERS_PER_LINE = {False: 92, True: 50}
# The fixed box listing the papers enclosed (the same height for every member): a list that
# does not fit is printed on a slip of its own after the letter.
ENCLOSURES_BOX_LINES = {False: 4, True: 3}
ENCLOSURES_CHARACTERS_PER_LINE = {False: 80, True: 44}
# A reply form's top: the member's name and reference on the left (a fixed box), where to
# send it on the right (up to eight lines); its questions start below both.
REPLY_PERSONAL_BOX_HEIGHT_MM = {"standard": 24, "large": 36}
# The name in that box (95 mm wide): up to three lines (two in large print) at full size,
# else four at 9 pt (16 pt in large print); a longer name is refused, never cut off.
REPLY_NAME_CHARACTERS_PER_LINE = {False: 42, True: 28}
REPLY_NAME_LINES = {False: 3, True: 2}
COMPACT_REPLY_NAME_CHARACTERS_PER_LINE = {False: 55, True: 31}
REPLY_TOP_MM = {"standard": 40, "large": 62}


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
    body_starts_at = envelope.window.bottom - top + 4
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
            "body_starts_at": body_starts_at,
            "personal_height": PERSONAL_BOX_HEIGHT_MM,
            "enclosures_lines": {
                "standard": ENCLOSURES_BOX_LINES[False],
                "large": ENCLOSURES_BOX_LINES[True],
            },
            "reply_personal_height": REPLY_PERSONAL_BOX_HEIGHT_MM,
            "reply_body_top": {size: height + 6 for size, height in REPLY_TOP_MM.items()},
            "body_top": {
                size: body_starts_at + height for size, height in PERSONAL_BOX_HEIGHT_MM.items()
            },
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
class ReplyForm:
    """A printed form for an open consultation in the letter: its questions in the order the
    officers' "record a response" screen asks them, with boxes to write in and choices to
    tick, the closing date and where to send it."""

    title: str
    closes_on: datetime.date
    questions: tuple[dict, ...]
    return_address: tuple[str, ...]


def reply_forms(postings: list[Posting], now: datetime.datetime) -> dict[int, ReplyForm]:
    """A reply form for each posting whose page takes responses now and asks questions (one
    query per posting)."""
    forms = {}
    for posting in postings:
        page = posting.page.specific if posting.page_id else None
        answer = getattr(page, "responses_now", None)
        taking = answer(now) if answer else None
        if taking is None or not taking.is_open or not taking.questions:
            continue
        address = getattr(page, "reply_by_post", "") or ""
        forms[posting.pk] = ReplyForm(
            title=posting.title,
            closes_on=timezone.localdate(taking.closes_at),
            questions=taking.questions,
            return_address=tuple(line.strip() for line in address.splitlines() if line.strip()),
        )
    return forms


def wrapped_line_count(text: str, characters_per_line: int) -> int:
    return max(1, len(textwrap.wrap(text, characters_per_line)))


def address_line_count(lines: Iterable[str], characters_per_line: int) -> int:
    return sum(wrapped_line_count(line, characters_per_line) for line in lines)


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
    reply_forms: tuple[ReplyForm, ...] = ()
    enclosures: tuple[str, ...] = ()  # the titles of the papers printed after the letter

    @property
    def reference(self) -> str:
        return member_reference(self.member_number)

    @property
    def greeting(self) -> str:
        return f"Dear {self.name},"

    @property
    def is_greeting_compact(self) -> bool:
        """A name of more than two lines is set smaller, to fit three in the same box."""
        full = GREETING_CHARACTERS_PER_LINE[self.is_large_print]
        return wrapped_line_count(self.greeting, full) > 2

    @property
    def is_address_compact(self) -> bool:
        lines_fit = ADDRESS_LINES_THAT_FIT[self.is_large_print]
        width = ADDRESS_CHARACTERS_PER_LINE[self.is_large_print]
        return address_line_count(self.address_lines, width) > lines_fit

    @property
    def is_reply_name_compact(self) -> bool:
        large = self.is_large_print
        lines = wrapped_line_count(self.name, REPLY_NAME_CHARACTERS_PER_LINE[large])
        return lines > REPLY_NAME_LINES[large]

    @property
    def fits_its_boxes(self) -> bool:
        """Whether the address and the greeting fit their fixed boxes, compact if need be."""
        large = self.is_large_print
        address_lines = address_line_count(
            self.address_lines, COMPACT_ADDRESS_CHARACTERS_PER_LINE[large]
        )
        greeting_lines = wrapped_line_count(
            self.greeting, COMPACT_GREETING_CHARACTERS_PER_LINE[large]
        )
        reply_name_lines = wrapped_line_count(
            self.name, COMPACT_REPLY_NAME_CHARACTERS_PER_LINE[large]
        )
        return (
            address_lines <= COMPACT_ADDRESS_LINES_THAT_FIT[large]
            and greeting_lines <= 3
            and reply_name_lines <= 4
        )

    @property
    def enclosures_need_a_slip(self) -> bool:
        """The list of enclosed papers goes on a slip when it would not fit its box."""
        width = ENCLOSURES_CHARACTERS_PER_LINE[self.is_large_print]
        lines = 1 + sum(wrapped_line_count(f"• {title}", width) for title in self.enclosures)
        return lines > ENCLOSURES_BOX_LINES[self.is_large_print]

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
    back_text: str = "Back to the batch",
    is_overlay: bool = False,
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
            "back_text": back_text,
            # Only the personal boxes, stamped over a body: the page itself stays transparent.
            "is_overlay": is_overlay,
        },
    )
