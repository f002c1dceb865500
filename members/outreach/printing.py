"""What a campaign prints: its letters and labels (in the postal batches' letter layout and
PDF pipeline, members.postal, called through its public functions), and the A4
poster and A5 flyer of a channel with its short address and a QR code drawn on the server.

The QR code is drawn by segno: pure Python, no system library, well kept, and it writes SVG
paths directly, so the poster's HTML and its PDF hold a vector code that prints sharp."""

import dataclasses
import datetime

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from members.postal import letters as postal_letters
from members.postal.labels import (
    LABEL_CSV_ADDRESS_LINES,
    LABELS_PER_SHEET,
    Label,
    label_csv_row,
)
from members.postal.letters import PartnershipContact, envelope_window
from members.postal.pdf import render_pdf, weasyprint_html

from .exceptions import NothingToPrint
from .models import Campaign, Channel, Contact

SIZES = {Channel.Kind.POSTER: "A4", Channel.Kind.FLYER: "A5"}
LABEL_HEADINGS = (
    "Letter",
    "Name",
    *(f"Address line {n}" for n in range(1, LABEL_CSV_ADDRESS_LINES + 1)),
    "Postcode",
)


def join_url(channel: Channel, base_url: str) -> str:
    return base_url.rstrip("/") + reverse("outreach_code", args=[channel.code])


def qr_svg(url: str) -> str:
    """The URL as an inline SVG QR code, error correction M, named for screen readers."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=8, border=4, dark="#000", light="#fff", omitsize=True)
    return svg.replace("<svg ", '<svg role="img" aria-label="QR code of the join address" ', 1)


def poster_html(channel: Channel, base_url: str, *, size: str) -> str:
    url = join_url(channel, base_url)
    return render_to_string(
        "outreach/poster.html",
        {
            "channel": channel,
            "campaign": channel.campaign,
            "url": url,
            "short_url": url.split("://", 1)[-1],
            "qr": mark_safe(qr_svg(url)),  # segno's SVG of our own URL: no one's input
            "size": size,
            "partnership": PartnershipContact.current(),
        },
    )


def poster_pdf(channel: Channel, base_url: str, *, size: str) -> bytes:
    return weasyprint_html()(string=poster_html(channel, base_url, size=size)).write_pdf()


@dataclasses.dataclass(frozen=True)
class CampaignLetter:
    position: int
    name: str
    address_lines: tuple[str, ...]
    date: datetime.date
    message: str
    join_url: str
    code: str


def address_lines(contact: Contact) -> tuple[str, ...]:
    lines = [part for part in (contact.name, contact.organisation) if part]
    lines += [line.strip() for line in contact.postal_address.splitlines() if line.strip()]
    if contact.postcode and not lines[-1].upper().endswith(contact.postcode.upper()):
        lines.append(contact.postcode.upper())
    return tuple(lines)


def letters_sent(campaign: Campaign):
    """The contacts the campaign wrote to, in the order they were chosen: one query."""
    return Contact.objects.filter(
        contactings__campaign=campaign, contactings__channel__kind=Channel.Kind.LETTER
    ).order_by("contactings__pk")


def campaign_letters(campaign: Campaign, channel: Channel, base_url: str) -> list[str]:
    partnership = PartnershipContact.current()
    url = join_url(channel, base_url)
    today = timezone.localdate()
    return [
        render_to_string(
            "outreach/letter.html",
            {
                "letter": CampaignLetter(
                    position=position,
                    name=contact.name or contact.organisation,
                    address_lines=address_lines(contact),
                    date=today,
                    message=campaign.message,
                    join_url=url,
                    code=channel.code,
                ),
                "partnership": partnership,
            },
        )
        for position, contact in enumerate(letters_sent(campaign), start=1)
    ]


def letters_document(campaign: Campaign, channel: Channel, base_url: str, back_url: str) -> str:
    return postal_letters.letters_document(
        campaign_letters(campaign, channel, base_url),
        title=f"Letters: {campaign.name}",
        envelope=envelope_window(),
        back_url=back_url,
        back_text="Back to the campaign",
    )


def letters_pdf(campaign: Campaign, channel: Channel, base_url: str) -> bytes:
    """The campaign's letters as one print file, through postal's pipeline: the body (the
    same for every recipient) laid out once, each recipient's address, date and greeting
    stamped onto it. Made while the officer waits: a campaign writes to hundreds, not the
    thousands a postal batch's background task is for, and only the small personal boxes
    are laid out per letter."""
    letters = campaign_letters(campaign, channel, base_url)
    if not letters:
        raise NothingToPrint("No letters are ready yet: prepare the letters first.")
    return render_pdf(
        letters,
        envelope_window(),
        chunk_size=settings.KCP_POSTAL_PDF_CHUNK_SIZE,
        title=f"Letters: {campaign.name}",
    )


def labels_rows(campaign: Campaign) -> list[list]:
    return [
        label_csv_row(position, list(address_lines(contact)), contact.postcode.upper())
        for position, contact in enumerate(letters_sent(campaign), start=1)
    ]


def label_sheets(campaign: Campaign) -> list[list[Label]]:
    """The letters' addresses, 21 to an A4 sheet (postal's label sheet), in the letters' order.
    Campaign letters are not counted by page, so their labels carry no count."""
    addresses = [
        Label(position, list(address_lines(contact)), pages=None, sheets=None)
        for position, contact in enumerate(letters_sent(campaign), start=1)
    ]
    return [
        addresses[start : start + LABELS_PER_SHEET]
        for start in range(0, len(addresses), LABELS_PER_SHEET)
    ]
