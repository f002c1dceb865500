"""What a campaign prints: letters in the postal layout with the letter's code, labels in the
mail-merge CSV, and posters whose QR code, rasterised from the PDF, reads back as the poster's
join address."""

import csv
import io

import pypdfium2
import zxingcpp

from members.outreach import printing
from members.outreach.campaigns import add_channel
from members.outreach.models import Channel
from members.outreach.sending import prepare_letters

BASE = "https://kcp.example"


def test_the_letters_carry_the_address_the_message_and_the_letters_code(officer, campaign):
    prepare_letters(officer, campaign)
    letter = campaign.channels.get(kind=Channel.Kind.LETTER)

    document = printing.letters_document(campaign, letter, BASE, back_url="/outreach/")

    assert document.count('class="letter"') == 1
    assert "Golborne Community Group<br>12 Golborne Road<br>London<br>W10 5NR" in document
    assert "Join the wider partnership." in document
    assert f"{BASE}/j/{letter.code}" in document


def test_the_labels_are_the_letters_addresses_in_their_order(officer, campaign):
    prepare_letters(officer, campaign)

    rows = printing.labels_rows(campaign)
    text = io.StringIO()
    csv.writer(text).writerows([printing.LABEL_HEADINGS, *rows])

    assert rows == [
        [1, "Golborne Community Group", "12 Golborne Road", "London", "", "", "W10 5NR"]
    ]


def test_the_posters_qr_code_read_back_from_its_pdf_is_its_join_address(officer, campaign):
    poster = add_channel(officer, campaign, Channel.Kind.POSTER, "Kensington Central Library")

    pdf = printing.poster_pdf(poster, BASE, size="A4")
    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=2).to_pil()

    assert round(page.get_width() / 72 * 25.4) == 210  # A4, in millimetres
    assert [result.text for result in zxingcpp.read_barcodes(image)] == [f"{BASE}/j/{poster.code}"]


def test_a_flyer_is_a5_and_its_code_reads_back_too(officer, campaign):
    flyer = add_channel(officer, campaign, Channel.Kind.FLYER, "Chelsea Library")

    pdf = printing.poster_pdf(flyer, BASE, size="A5")
    page = pypdfium2.PdfDocument(pdf)[0]

    assert round(page.get_width() / 72 * 25.4) == 148
    decoded = zxingcpp.read_barcodes(page.render(scale=3).to_pil())
    assert [result.text for result in decoded] == [f"{BASE}/j/{flyer.code}"]
