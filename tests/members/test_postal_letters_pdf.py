"""The printed letters: the batch's PDF made by the background worker and read back with pypdf,
the address block inside the envelope's window in WeasyPrint's own layout, large print at
16 pt or more, and a clear message when the server cannot make PDFs."""

import datetime
import io
import sys

import pytest
from django.core import mail
from django.utils import timezone
from pypdf import PdfReader
from weasyprint import HTML

from members.models import PostalBatch
from members.postal.batches import build_batch
from members.postal.letters import (
    LetterContent,
    LetterPosting,
    PartnershipContact,
    Rectangle,
    envelope_window,
    letters_document,
    render_letter,
)
from members.postal.pdf import make_batch_pdf, make_pdf, request_pdf
from tests.fixtures.postal import postal as add_postal_member

PX_PER_MM = 96 / 25.4
PX_PER_PT = 96 / 72

PARTNERSHIP = PartnershipContact(
    name="Kensington and Chelsea Partnership",
    address_lines=("The Town Hall", "Hornton Street", "London", "W8 7NX"),
    phone="020 7361 3671",
    email="kcp@rbkc.gov.uk",
)
# The longest addresses a letter takes (ADDRESS_LINES_THAT_FIT), with long lines.
LONGEST_ADDRESS = {
    False: (
        "Cyril Ferrand-Montgomery",
        "Golborne Tenants' Association",
        "Flat 3, Bramley House",
        "27 Elgin Crescent",
        "Notting Hill",
        "London",
        "W11 2JD",
    ),
    True: (
        "Cyril Ferrand",
        "Golborne Tenants' Association",
        "Flat 3, Bramley House",
        "27 Elgin Crescent",
        "London",
        "W11 2JD",
    ),
}


def letter_html(*, large: bool) -> str:
    content = LetterContent(
        position=1,
        member_number=42,
        name="Cyril Ferrand",
        address_lines=LONGEST_ADDRESS[large],
        is_large_print=large,
        date=datetime.date(2026, 12, 1),
        interest_names=("Health and Well-Being", "Homes and housing"),
        postings=(
            LetterPosting(
                "Damp and mould in social housing",
                "What damp homes do to children's health.",
                "https://kcp.example.org/theme-groups/health/2099-06-02/damp-and-mould/",
                closes_on=datetime.date(2027, 1, 15),
            ),
        ),
    )
    return render_letter(content, PARTNERSHIP)


def boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from boxes(child)


def laid_out(letter: str, envelope):
    document = letters_document([letter], title="Letters", envelope=envelope)
    return HTML(string=document).render()


def first_box_with_class(page, css_class: str):
    for box in boxes(page._page_box):
        element = getattr(box, "element", None)
        if element is not None and css_class in (element.get("class") or "").split():
            return box
    raise AssertionError(f"No box with class {css_class}")


def rectangle_mm(box) -> Rectangle:
    return Rectangle(
        box.position_x / PX_PER_MM,
        box.position_y / PX_PER_MM,
        box.margin_width() / PX_PER_MM,
        box.margin_height() / PX_PER_MM,
    )


@pytest.mark.parametrize("envelope_code", ["DL", "C5"])
@pytest.mark.parametrize("large", [False, True], ids=["standard", "large print"])
def test_the_address_block_sits_inside_the_envelope_window(envelope_code, large):
    envelope = envelope_window(envelope_code)
    page = laid_out(letter_html(large=large), envelope).pages[0]
    block = first_box_with_class(page, "letter-recipient")
    assert envelope.window.contains(rectangle_mm(block))
    lines = [box for box in boxes(block) if type(box).__name__ == "LineBox"]
    # Every line of the address, the postcode last, and nothing running out of the block.
    assert len(lines) == len(LONGEST_ADDRESS[large])
    for line in lines:
        assert envelope.window.contains(rectangle_mm(line)), rectangle_mm(line)
    text = [
        "".join(box.text for box in boxes(line) if type(box).__name__ == "TextBox")
        for line in lines
    ]
    assert text == list(LONGEST_ADDRESS[large])
    # Nothing else on the page shows through the window: the return address beside it,
    # the date below it.
    for other in ("letter-return-address", "letter-date"):
        texts = [
            rectangle_mm(box)
            for box in boxes(first_box_with_class(page, other))
            if type(box).__name__ == "TextBox"
        ]
        assert texts and not any(intersects(text, envelope.window) for text in texts), other


def intersects(a: Rectangle, b: Rectangle) -> bool:
    return a.left < b.right and a.right > b.left and a.top < b.bottom and a.bottom > b.top


def test_control_an_address_moved_out_of_the_window_is_noticed():
    envelope = envelope_window("DL")
    moved = letter_html(large=False).replace(
        'class="letter-recipient"', 'class="letter-recipient" style="top: 0; left: 120mm"'
    )
    block = first_box_with_class(laid_out(moved, envelope).pages[0], "letter-recipient")
    assert not envelope.window.contains(rectangle_mm(block))


def font_sizes_pt(page) -> set[float]:
    return {
        round(box.style["font_size"] / PX_PER_PT, 2)
        for box in boxes(page._page_box)
        if type(box).__name__ == "TextBox" and box.text.strip()
    }


def test_the_large_print_letter_uses_at_least_16_point_text_on_every_page():
    document = laid_out(letter_html(large=True), envelope_window("DL"))
    sizes = set().union(*(font_sizes_pt(page) for page in document.pages))
    assert min(sizes) >= 16, sizes
    # The control: the standard letter has smaller text, so the check can fail.
    standard = laid_out(letter_html(large=False), envelope_window("DL"))
    assert min(font_sizes_pt(standard.pages[0])) < 16


def letters_in(pdf: bytes) -> list[str]:
    """The text of each letter: a letter starts on the page that has its member number."""
    letters: list[str] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        text = page.extract_text()
        if "Your member number:" in text:
            letters.append(text)
        else:
            letters[-1] += "\n" + text
    return letters


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_makes_one_pdf_of_the_batch_with_each_members_address_and_postings(
    officer, officer_client, postal_readers, postings, health, run_worker, settings
):
    add_postal_member(officer, "Eluned Price", [health], address="5 Talbot Road\nLondon")
    batch = build_batch(officer)
    assert batch.letters.count() == 3  # two chunks of KCP_POSTAL_PDF_CHUNK_SIZE (2), joined
    response = officer_client.post(f"/admin/postal-mailing/{batch.pk}/letters.pdf")
    assert response.status_code == 302
    assert PostalBatch.objects.get(pk=batch.pk).pdf_state == "rendering"
    run_worker()

    batch.refresh_from_db()
    assert batch.pdf_state == PostalBatch.PdfState.READY
    download = officer_client.get(f"/admin/postal-mailing/{batch.pk}/letters.pdf")
    assert download["Content-Type"] == "application/pdf"
    pdf = b"".join(download.streaming_content)
    letters = letters_in(pdf)
    assert len(letters) == 3
    for text, letter in zip(letters, batch.letters.order_by("position"), strict=True):
        for line in letter.address_lines:
            assert line.replace("'", "’") in text.replace("'", "’"), (line, text[:300])
        for title in letter.postings.values_list("title", flat=True):
            assert title in " ".join(text.split())
        others = set(batch.postings.values_list("title", flat=True)) - set(
            letter.postings.values_list("title", flat=True)
        )
        assert not any(title in " ".join(text.split()) for title in others)
    ready = [message for message in mail.outbox if message.to == [officer.email]]
    assert ready and "ready to print" in ready[-1].subject
    assert f"/admin/postal-mailing/{batch.pk}/" in ready[-1].body


@pytest.mark.django_db
def test_without_pango_the_batch_says_what_to_install_and_offers_the_browsers_print(
    officer, officer_client, postal_readers, postings, monkeypatch
):
    # What an import of WeasyPrint does on a server without Pango: it fails.
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    batch = build_batch(officer)
    make_pdf(request_pdf(officer, batch).pk)
    batch.refresh_from_db()
    assert batch.pdf_state == PostalBatch.PdfState.FAILED
    page = officer_client.get(f"/admin/postal-mailing/{batch.pk}/").content.decode()
    assert "needs the Pango text library" in page and "apt-get install libpango" in page
    assert "Open every letter to print from the browser" in page
    assert officer_client.get(f"/admin/postal-mailing/{batch.pk}/letters/").status_code == 200


@pytest.mark.django_db
def test_a_pdf_asked_for_twice_is_queued_once_and_a_rebuilt_batch_is_skipped(
    officer, postal_readers, postings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    batch = build_batch(officer)
    with django_capture_on_commit_callbacks(execute=True):
        request_pdf(officer, batch)
        request_pdf(officer, batch)
    queued = DBTaskResult.objects.filter(task_path=make_batch_pdf.module_path)
    assert queued.count() == 1
    rebuilt = build_batch(officer, now=timezone.now())
    assert rebuilt.pk != batch.pk
    assert make_pdf(batch.pk) == "discarded"
