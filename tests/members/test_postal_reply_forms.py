"""A printed reply form for every open consultation in a postal letter: its questions in the
order the officers' "record a response" screen asks them, boxes and choices, the closing
date, the member's reference and the return address, on a page of its own after the letter,
read back from the print file with pypdf."""

import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from members.models import Posting
from members.postal.batches import build_batch
from members.postal.letters import (
    LetterContent,
    LetterPosting,
    PartnershipContact,
    ReplyForm,
    envelope_window,
    render_letter,
    reply_forms,
)
from members.postal.pdf import render_pdf
from members.postal.reference import member_reference
from tests.fixtures.papers import make_consultation
from tests.site_crawl import html_errors

PARTNERSHIP = PartnershipContact(
    name="Kensington and Chelsea Partnership",
    address_lines=("The Town Hall", "Hornton Street", "London", "W8 7NX"),
    phone="020 7361 3671",
    email="kcp@rbkc.gov.uk",
)
PRIORITIES = ReplyForm(
    title="Priorities for 2009/10: your views",
    closes_on=datetime.date(2027, 1, 15),
    questions=(
        {
            "type": "choice",
            "key": "priority",
            "question": "Which area for action matters most to you?",
            "help_text": "",
            "choices": ["The role of the KCP", "Membership", "Risk management"],
        },
        {
            "type": "free_text",
            "key": "first",
            "question": "What should the Partnership do first?",
            "help_text": "",
            "choices": [],
        },
    ),
    return_address=("KCP, The Town Hall", "Hornton Street", "London W8 7NX"),
)


def letter(position, name, *, forms=(), large=False):
    return render_letter(
        LetterContent(
            position=position,
            member_number=500 + position,
            name=name,
            address_lines=(name, "2 Ladbroke Grove", "London", "W11 3BQ"),
            is_large_print=large,
            date=datetime.date(2026, 12, 1),
            interest_names=("Steering Group",),
            postings=(
                LetterPosting(
                    PRIORITIES.title,
                    "Which priorities matter most to you?",
                    "https://kcp.example.org/steering-group/priorities-your-views/",
                    closes_on=PRIORITIES.closes_on,
                ),
            ),
            reply_forms=forms,
        ),
        PARTNERSHIP,
    )


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("large", [False, True], ids=["standard", "large print"])
def test_the_reply_form_follows_the_letter_on_a_page_of_its_own_with_all_it_needs(large):
    letters = [letter(1, "Doris Lane", forms=(PRIORITIES,), large=large), letter(2, "Edith Carter")]
    reader = PdfReader(io.BytesIO(render_pdf(letters, envelope_window("DL"), chunk_size=2)))
    pages = [flat(page.extract_text()) for page in reader.pages]
    forms = [number for number, text in enumerate(pages) if "Reply form:" in text]
    assert len(forms) == 1
    form, letter_pages = pages[forms[0]], pages[: forms[0]]
    assert any("Dear Doris Lane," in text for text in letter_pages)
    assert any("A reply form is enclosed" in text for text in letter_pages)
    assert "Priorities for 2009/10: your views" in form
    # The questions in the record-a-response screen's order, with the choices to tick.
    first = form.index("Which area for action matters most to you?")
    assert first < form.index("Risk management") < form.index("What should the Partnership")
    assert "15 January 2027" in form
    assert f"Member reference: {member_reference(501)}" in form and "Doris Lane" in form
    assert "KCP, The Town Hall" in form and "London W8 7NX" in form
    # Edith's letter comes after the form, with no form of her own.
    assert all("Doris" not in text for text in pages[forms[0] + 1 :])
    assert any("Dear Edith Carter," in text for text in pages[forms[0] + 1 :])


@pytest.mark.django_db
def test_a_letter_brings_a_form_for_an_open_consultation_only(steering_group):
    now = timezone.now()
    open_now = make_consultation(steering_group, slug="open-now")
    closed = make_consultation(
        steering_group,
        title="Last year's priorities",
        slug="closed",
        opens_at=now - datetime.timedelta(days=30),
        closes_at=now - datetime.timedelta(days=2),
    )
    postings = [  # publishing records a posting; the closed one may have none
        Posting.objects.get_or_create(
            page=page, defaults={"reason": "first_published", "title": page.title, "url": "/"}
        )[0]
        for page in (open_now, closed)
    ]
    forms = reply_forms(postings, now)
    assert list(forms) == [postings[0].pk]
    form = forms[postings[0].pk]
    assert [question["question"] for question in form.questions] == [
        "Which area for action matters most to you?",
        "What should the Partnership do first?",
        "Anything else?",
    ]
    assert form.return_address == ("KCP, The Town Hall", "Hornton Street", "London W8 7NX")
    assert form.closes_on == timezone.localdate(open_now.closes_at)


@pytest.mark.django_db
def test_a_batch_letter_about_an_open_consultation_ends_with_its_reply_form_in_valid_html(
    officer, officer_client, postal_readers, health_group
):
    make_consultation(health_group, title="Health priorities: your views")
    batch = build_batch(officer)
    member = postal_readers["health"]
    letter = batch.letters.get(member=member)
    assert "Reply form: Health priorities: your views" in letter.html
    assert f"Member reference: <strong>{member_reference(member.pk)}</strong>" in letter.html
    page = officer_client.get(f"/admin/postal-mailing/{batch.pk}/letters/")
    errors = html_errors({"letters with a reply form": page.content.decode()})
    assert not errors, "\n".join(errors)
