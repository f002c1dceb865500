"""What a campaign prints: letters in the postal layout with the letter's code, labels in the
mail-merge CSV, and posters whose QR code, rasterised from the PDF, reads back as the poster's
join address."""

import csv
import io

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from home.audit import AuditEntry
from members.outreach import printing
from members.outreach.campaigns import add_channel
from members.outreach.contacts import add_contact, erase_contact
from members.outreach.exceptions import NothingToPrint
from members.outreach.models import Channel, OutreachList
from members.outreach.sending import prepare_letters
from tests.fixtures.outreach import details

BASE = "https://kcp.example"


def test_the_letters_carry_the_address_the_message_and_the_letters_code(officer, campaign):
    prepare_letters(officer, campaign)
    letter = campaign.channels.get(kind=Channel.Kind.LETTER)

    document = printing.letters_document(campaign, letter, BASE, back_url="/outreach/")

    assert document.count('class="letter"') == 1
    assert "Golborne Community Group<br>12 Golborne Road<br>London<br>W10 5NR" in document
    assert "Join the wider partnership." in document
    assert f"{BASE}/j/{letter.code}" in document
    assert '<a href="/outreach/">Back to the campaign</a>' in document


@pytest.fixture
def mixed_audience(officer, groups_list, postal_member):
    """Beside the campaign's group: another group to write to, a tenants' group that said no
    (on another list), and a member already on the list by their postal address."""
    add_contact(
        officer,
        groups_list,
        details(
            organisation="Chelsea Forum", postal_address="1 Dovehouse Street", postcode="SW3 6JY"
        ),
    )
    add_contact(
        officer,
        groups_list,
        details(
            organisation="Lancaster West Tenants",
            postal_address="5 Silchester Road",
            postcode="W10 6SB",
        ),
    )
    residents = OutreachList.objects.create(name="Residents' groups")
    erase_contact(
        officer,
        add_contact(
            officer,
            residents,
            details(
                organisation="Lancaster West TMO",
                postal_address="5 Silchester Road",
                postcode="W10 6SB",
            ),
        ),
    )
    add_contact(
        officer,
        groups_list,
        details(
            organisation="",
            name=postal_member.name,
            postal_address=postal_member.postal_address,
            postcode=postal_member.postcode,
        ),
    )


def test_the_letters_pdf_has_one_letter_per_postal_recipient_each_with_its_address(
    officer, campaign, mixed_audience
):
    prepare_letters(officer, campaign)
    letter = campaign.channels.get(kind=Channel.Kind.LETTER)

    pages = PdfReader(io.BytesIO(printing.letters_pdf(campaign, letter, BASE))).pages
    texts = [page.extract_text() for page in pages]

    assert len(texts) == 2
    assert "Golborne Community Group" in texts[0] and "W10 5NR" in texts[0]
    assert "Chelsea Forum" in texts[1] and "SW3 6JY" in texts[1]
    for text in texts:
        assert "Join the wider partnership." in text
        assert f"{BASE}/j/{letter.code}" in text
        assert "Lancaster West" not in text  # said no, on another list
        assert "Bronwen Ashcombe" not in text  # a member already
        assert "Portobello Traders" not in text  # emailed, not written to


def test_the_letters_body_is_laid_out_once_and_each_address_stamped_on_it(
    officer, campaign, mixed_audience
):
    prepare_letters(officer, campaign)
    letter = campaign.channels.get(kind=Channel.Kind.LETTER)

    pages = PdfReader(io.BytesIO(printing.letters_pdf(campaign, letter, BASE))).pages
    # The objects each page draws: the body, a form shared by both, is stored once.
    drawn = [
        {reference.idnum for reference in dict.values(page["/Resources"]["/XObject"])}
        for page in pages
    ]

    assert len(pages) == 2
    assert drawn[0] and drawn[0] == drawn[1]


def test_no_letters_prepared_means_no_pdf_and_a_reason(officer, campaign):
    letter = campaign.channels.get(kind=Channel.Kind.LETTER)

    with pytest.raises(NothingToPrint) as refusal:
        printing.letters_pdf(campaign, letter, BASE)

    assert "prepare the letters first" in refusal.value.message


def test_officers_download_the_letters_pdf_and_a_label_sheet_and_each_is_audited(
    officer, officer_client, campaign, mixed_audience
):
    prepare_letters(officer, campaign)
    printed_before = AuditEntry.objects.filter(action="outreach.printed").count()

    pdf = officer_client.get(f"/outreach/campaigns/{campaign.pk}/letters.pdf")
    sheet = officer_client.get(f"/outreach/campaigns/{campaign.pk}/labels/")

    assert pdf["Content-Type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(pdf.content)).pages) == 2
    labels = sheet.content.decode()
    assert labels.count('<li class="label">') == 2
    assert "Chelsea Forum<br>1 Dovehouse Street<br>SW3 6JY" in labels
    assert "Lancaster" not in labels
    assert AuditEntry.objects.filter(action="outreach.printed").count() == printed_before + 2


def test_asking_for_the_pdf_before_preparing_letters_says_what_to_do(officer_client, campaign):
    printed_before = AuditEntry.objects.filter(action="outreach.printed").count()

    response = officer_client.get(f"/outreach/campaigns/{campaign.pk}/letters.pdf", follow=True)

    assert response.status_code == 200
    assert "No letters are ready yet: prepare the letters first." in response.content.decode()
    assert AuditEntry.objects.filter(action="outreach.printed").count() == printed_before


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
