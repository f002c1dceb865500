"""The batch's print file by overlay: each distinct letter body rendered once, each member's
own details (address, date, member number, greeting) stamped on, read back with pypdf."""

import datetime
import io
import re

import pikepdf
import pytest
from pypdf import PdfReader
from weasyprint import HTML

from members.postal.letters import (
    LetterContent,
    LetterPosting,
    PartnershipContact,
    envelope_window,
    letters_document,
    render_letter,
)
from members.postal.overlay import letter_body, letter_overlay, merge_with_pikepdf, merge_with_pypdf
from members.postal.pdf import render_parts, render_pdf
from members.postal.reference import member_reference

PARTNERSHIP = PartnershipContact(
    name="Kensington and Chelsea Partnership",
    address_lines=("The Town Hall", "Hornton Street", "London", "W8 7NX"),
    phone="020 7361 3671",
    email="kcp@rbkc.gov.uk",
)
DAMP = LetterPosting(
    "Damp and mould in social housing",
    "What damp homes do to children's health.",
    "https://kcp.example.org/theme-groups/health/2099-06-02/damp-and-mould/",
    closes_on=datetime.date(2027, 1, 15),
)
YOUTH = LetterPosting(
    "Youth clubs after the funding review",
    "Which clubs stay open, and where.",
    "https://kcp.example.org/theme-groups/children/2099-06-09/youth-clubs/",
)


def letter(position, name, street, postings, *, large=False, interests=("Homes and housing",)):
    return render_letter(
        LetterContent(
            position=position,
            member_number=1000 + position,
            name=name,
            address_lines=(name, street, "London", "W11 2JD"),
            is_large_print=large,
            date=datetime.date(2026, 12, 1),
            interest_names=interests,
            postings=postings,
        ),
        PARTNERSHIP,
    )


LETTERS = [
    letter(1, "Amira Haddad", "27 Elgin Crescent", (DAMP,)),
    letter(2, "Cyril Ferrand", "3 Quenby Mews", (DAMP,)),
    letter(3, "Dorothy Okafor", "8 Talbot Road", (DAMP, YOUTH), large=True),
]


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


def test_members_with_the_same_news_share_one_rendered_body():
    parts = render_parts(LETTERS, envelope_window("DL"), chunk_size=2)
    # Amira and Cyril have the same news in standard print; Dorothy has more, in large print.
    assert len(parts.bodies) == 2
    assert parts.keys[0] == parts.keys[1] != parts.keys[2]
    overlay_pages = sum(len(PdfReader(io.BytesIO(chunk)).pages) for chunk in parts.overlays)
    assert overlay_pages == 3  # one page of personal details per letter


@pytest.mark.parametrize("merge", [merge_with_pikepdf, merge_with_pypdf], ids=["pikepdf", "pypdf"])
def test_each_letter_in_the_print_file_carries_its_own_members_details_and_no_one_elses(merge):
    parts = render_parts(LETTERS, envelope_window("DL"), chunk_size=2)
    reader = PdfReader(io.BytesIO(merge(parts, title="Postal letters")))
    letters: list[str] = []
    for page in reader.pages:
        text = page.extract_text()
        if "Your member number:" in text:
            letters.append(text)
        else:
            letters[-1] += "\n" + text
    assert len(letters) == 3
    names = ["Amira Haddad", "Cyril Ferrand", "Dorothy Okafor"]
    for position, (text, name) in enumerate(zip(letters, names, strict=True), start=1):
        assert f"Dear {name}," in text
        assert f"Your member number: {member_reference(1000 + position)}" in text
        assert "1 December 2026" in text
        assert all(other not in text for other in names if other != name)
    assert "Youth clubs after the funding review" in " ".join(letters[2].split())
    assert "Youth clubs" not in letters[0]


def test_a_stamped_letter_reads_the_same_as_the_letter_rendered_whole():
    envelope = envelope_window("DL")
    stamped = PdfReader(io.BytesIO(render_pdf(LETTERS[:1], envelope, chunk_size=2)))
    whole = PdfReader(io.BytesIO(render_pdf_whole(LETTERS[0], envelope)))
    assert len(stamped.pages) == len(whole.pages)
    for ours, theirs in zip(stamped.pages, whole.pages, strict=True):
        assert words(ours.extract_text()) == words(theirs.extract_text())


def render_pdf_whole(html: str, envelope) -> bytes:
    """The control: the letter laid out in one piece, as before overlays."""
    return HTML(string=letters_document([html], title="Letters", envelope=envelope)).write_pdf()


def test_what_differs_per_member_is_blanked_from_the_body_and_nothing_else():
    body = letter_body(LETTERS[0])
    assert "Amira Haddad" not in body and "27 Elgin Crescent" not in body
    assert "1001" not in body and "1 December 2026" not in body
    assert "Damp and mould in social housing" in body and "Homes and housing" in body
    # The control: a name written into the body itself would make the bodies differ.
    leaked = LETTERS[1].replace("<h2 ", "<p>Cyril Ferrand</p><h2 ", 1)
    assert letter_body(leaked) != letter_body(LETTERS[0])


def covering_fills(pdf: bytes) -> int:
    """How many filled rectangles on the pages cover most of the page (and so would hide
    whatever is drawn under them)."""
    count = 0
    for page in pikepdf.open(io.BytesIO(pdf)).pages:
        width, height = float(page.mediabox[2]), float(page.mediabox[3])
        rectangle = None
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "re":
                rectangle = [float(value) for value in operands]
            elif str(operator) in ("f", "F", "f*") and rectangle:
                if abs(rectangle[2]) > 0.9 * width and abs(rectangle[3]) > 0.9 * height:
                    count += 1
                rectangle = None
    return count


def test_the_stamped_details_leave_the_body_under_them_visible():
    envelope = envelope_window("DL")
    overlays = [letter_overlay(html) for html in LETTERS]
    stamps = HTML(
        string=letters_document(overlays, title="Letters", envelope=envelope, is_overlay=True)
    ).write_pdf()
    assert covering_fills(stamps) == 0
    # The control: the same boxes on an ordinary page paint its white background over all.
    opaque = HTML(string=letters_document(overlays, title="Letters", envelope=envelope)).write_pdf()
    assert covering_fills(opaque) == len(LETTERS)
