"""The batch's PDF by overlay: each distinct letter body is laid out once, and what differs per
member is stamped onto its first page.

Why: laying out 2,000 letters with WeasyPrint took 83-185 s, most of it the same dozen
bodies again and again. A letter's template marks what differs per member (`data-personal`:
the address, the date, the member number, the greeting) and puts it in fixed boxes
(letters.css), so the rest of the letter lays out the same for every member who gets the
same news in the same print size. So:

0. A letter is one part, or more: a reply form after it is an article of its own, starting
   on its own page (`letter_parts`). Each part is handled as below, one after the other.
1. `letter_body` blanks the personal boxes of the frozen letter (the boxes stay, empty);
   letters with the same body share one render.
2. `letter_overlay` keeps only the personal boxes, in the same article (same classes, same
   print size): one page each, rendered together in chunks across processes.
3. pikepdf draws each body's first page, as a form XObject, under the letter's overlay page,
   and adds the body's other pages after it. A body's content, fonts and images are copied
   into the file once, whatever the number of letters that use it.

4. Each envelope's enclosed papers (members.postal.enclosures, rendered once per batch and
   print size) follow its letter, before its reply forms; their pages are copied into the
   file once and shared by every envelope. When officers print on both sides, an envelope
   with an odd number of pages gets a blank one, so no letter is printed on the back of
   another member's.

Both parts are made from the letter exactly as frozen when the batch was built, so the PDF
prints that letter. pikepdf, not pypdf: `bench/postal_batch.py --compare-merge` stamps the
same letters with both (pypdf's `merge_page` parses and rewrites every page's content
stream in Python; qpdf copies and wraps them in C++)."""

import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pikepdf
from pypdf import PdfReader, PdfWriter

# A personal box is a <p> or <div> with the data-personal attribute; none holds another of
# its own kind, and every text inside is escaped, so the first closing tag ends it.
PERSONAL_BOX = re.compile(r"<(p|div)( [^>]*)? data-personal>.*?</\1>", re.DOTALL)
ARTICLE_OPENING = re.compile(r"<article [^>]*>")
REPLY_FORM_OPENING = re.compile(r'<article class="[^"]*\breply-form\b(?![^"]*\benclosures-slip\b)')
LETTER_PART = re.compile(r"<article .*?</article>", re.DOTALL)
# Ids carry the letter's position, so two letters with the same body differ there only.
POSITION_IDS = re.compile(r'"letter-\d+')
A4_POINTS = (595.28, 841.89)


def letter_body(html: str) -> str:
    """The letter with its personal boxes emptied: the same for every member with the same
    news, interests and print size."""
    blanked = PERSONAL_BOX.sub(
        lambda box: f"<{box[1]}{box[2] or ''} data-personal></{box[1]}>", html
    )
    return POSITION_IDS.sub('"letter-body', blanked)


def letter_overlay(html: str) -> str:
    """Only the letter's personal boxes, inside its own article so they sit where they sit on
    the letter: one page."""
    opening = ARTICLE_OPENING.search(html)
    if opening is None:
        raise ValueError("A postal letter is an <article>: this one is not.")
    boxes = "\n".join(box[0] for box in PERSONAL_BOX.finditer(html))
    return f"{opening[0]}\n{boxes}\n</article>"


def body_key(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()


def letter_parts(html: str) -> list[str]:
    """A letter's articles: the letter itself, then a reply form per open consultation. Each
    starts on a page of its own and carries its own personal boxes, so each is a part with
    its own body and one overlay page."""
    return LETTER_PART.findall(html)


def distinct_bodies(letters: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """Each distinct body by its key, and each letter's key, in the letters' order."""
    bodies: dict[str, str] = {}
    keys = []
    for html in letters:
        body = letter_body(html)
        key = body_key(body)
        bodies.setdefault(key, body)
        keys.append(key)
    return bodies, keys


def parts_before_reply_forms(parts: Sequence[str]) -> int:
    """How many of a letter's parts come before its enclosed papers: the letter and its
    enclosures slip, not its reply forms."""
    return next(
        (number for number, part in enumerate(parts) if REPLY_FORM_OPENING.match(part)),
        len(parts),
    )


@dataclass(frozen=True)
class EnvelopeParts:
    """One envelope's share of the parts: how many parts it has, how many come before its
    enclosed papers, and the papers' keys in order."""

    part_count: int
    papers_after: int
    paper_keys: tuple = ()


@dataclass(frozen=True)
class RenderedParts:
    """What WeasyPrint made for a batch: each distinct body's PDF, each part's body key (in
    the letters' order, a letter then its reply forms), the overlay pages in chunks (one
    page per part), each envelope's share, and each enclosed paper's PDF by key."""

    bodies: dict[str, bytes]
    keys: list[str]
    overlays: list[bytes]
    envelopes: list[EnvelopeParts] | None = None
    papers: dict | None = None


@dataclass(frozen=True)
class PrintFile:
    pdf: bytes
    pages_per_envelope: list[int]


def merge_envelopes(parts: RenderedParts, *, title: str, is_duplex: bool = False) -> PrintFile:
    """Each envelope: each of its parts (its overlay page with its body's first page drawn
    under it, as a form XObject copied into the file once per body, then the body's other
    pages), its enclosed papers after its letter, and a blank page if printed on both sides
    and its pages are odd."""
    out = pikepdf.new()
    opened = {key: pikepdf.open(io.BytesIO(pdf)) for key, pdf in parts.bodies.items()}
    first_pages = {
        key: out.copy_foreign(body.pages[0].as_form_xobject()) for key, body in opened.items()
    }
    papers = {key: pikepdf.open(io.BytesIO(pdf)) for key, pdf in (parts.papers or {}).items()}
    chunks = [pikepdf.open(io.BytesIO(chunk)) for chunk in parts.overlays]  # kept open
    stamps = [page for chunk in chunks for page in chunk.pages]
    if len(stamps) != len(parts.keys):
        raise ValueError(f"{len(stamps)} overlay pages for {len(parts.keys)} letters.")
    envelopes = parts.envelopes or [EnvelopeParts(1, 1)] * len(parts.keys)
    pages_per_envelope = []
    part = 0
    for envelope in envelopes:
        first = len(out.pages)
        for number in range(envelope.part_count):
            if number == envelope.papers_after:
                for key in envelope.paper_keys:
                    out.pages.extend(papers[key].pages)
            stamp, key = stamps[part], parts.keys[part]
            # The overlay page is the letter's own (a body page is shared by many letters,
            # so it is never the one changed).
            out.pages.append(stamp)
            out.pages[-1].add_underlay(first_pages[key])
            out.pages.extend(opened[key].pages[1:])
            part += 1
        if envelope.papers_after >= envelope.part_count:
            for key in envelope.paper_keys:
                out.pages.extend(papers[key].pages)
        if is_duplex and (len(out.pages) - first) % 2:
            out.add_blank_page(page_size=A4_POINTS)
        pages_per_envelope.append(len(out.pages) - first)
    out.docinfo["/Title"] = title
    buffer = io.BytesIO()
    out.save(buffer)
    return PrintFile(buffer.getvalue(), pages_per_envelope)


def merge_with_pikepdf(parts: RenderedParts, *, title: str) -> bytes:
    """The print file of merge_envelopes, printed on one side."""
    return merge_envelopes(parts, title=title).pdf


def merge_with_pypdf(parts: RenderedParts, *, title: str) -> bytes:
    """The same with pypdf, kept to measure against (bench/postal_batch.py --compare-merge)."""
    writer = PdfWriter()
    readers = {key: PdfReader(io.BytesIO(pdf)) for key, pdf in parts.bodies.items()}
    stamps = [page for chunk in parts.overlays for page in PdfReader(io.BytesIO(chunk)).pages]
    for stamp, key in zip(stamps, parts.keys, strict=True):
        body = readers[key].pages
        writer.add_page(stamp).merge_page(body[0], over=False)
        for page in body[1:]:
            writer.add_page(page)
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
