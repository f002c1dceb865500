"""What differs per member sits in fixed boxes: a long name shrinks to fit its boxes (the
address in the window, the greeting, the reply form's name) and is never cut off; one too
long even then is refused when the batch is built. Checked in WeasyPrint's own layout."""

import datetime

import pytest
from weasyprint import HTML

from members.exceptions import AddressTooLong
from members.models import PostalBatch
from members.postal.batches import build_batch
from members.postal.letters import (
    LetterContent,
    LetterPosting,
    PartnershipContact,
    ReplyForm,
    envelope_window,
    letters_document,
    render_letter,
)
from tests.fixtures.postal import postal as add_postal_member

PARTNERSHIP = PartnershipContact(
    name="Kensington and Chelsea Partnership",
    address_lines=("The Town Hall", "Hornton Street", "London", "W8 7NX"),
    phone="020 7361 3671",
    email="kcp@rbkc.gov.uk",
)
FORM = ReplyForm(
    title="Priorities: your views",
    closes_on=datetime.date(2027, 1, 15),
    questions=({"type": "free_text", "key": "a", "question": "Why?", "help_text": ""},),
    return_address=("KCP, The Town Hall", "London W8 7NX"),
)
# 150 characters, the longest name a member record holds.
LONGEST_NAME = (
    "The Reverend Doctor Maximilian Bartholomew Fitzgerald-Worthington-Montgomery "
    "on behalf of the Golborne and Westbourne Tenants and Residents Federation"
)[:150]
# 90 characters: three lines of greeting in large print, four in the window, with a
# two-line address.
LONG_LARGE_PRINT_NAME = (
    "Doctor Maximilian Bartholomew Fitzgerald for the Golborne Westbourne Residents Association"
)
STREET = ("Flat 3, Bramley House", "27 Elgin Crescent", "London", "W11 2JD")


def content(name: str, *, large: bool, street: tuple[str, ...] = STREET) -> LetterContent:
    return LetterContent(
        position=1,
        member_number=42,
        name=name,
        address_lines=(name, *street),
        is_large_print=large,
        date=datetime.date(2026, 12, 1),
        interest_names=("Homes and housing",),
        postings=(LetterPosting("Damp and mould", "What damp does.", "https://kcp.example/"),),
        reply_forms=(FORM,),
    )


def boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from boxes(child)


def find_class(page, css_class: str):
    for box in boxes(page._page_box):
        element = getattr(box, "element", None)
        if element is not None and css_class in (element.get("class") or "").split():
            return box
    return None


def with_class(page, css_class: str):
    found = find_class(page, css_class)
    if found is None:
        raise AssertionError(f"No box with class {css_class}")
    return found


def bottom(box) -> float:
    return box.position_y + box.margin_height()


def text_bottom(box) -> float:
    """Where the box's text ends, whatever the box's own (fixed) height."""
    lines = [line for line in boxes(box) if type(line).__name__ == "LineBox"]
    return max(line.position_y + line.height for line in lines)


def laid_out(html: str):
    document = letters_document([html], title="Letters", envelope=envelope_window("DL"))
    return HTML(string=document).render()


def overflows(html: str) -> list[str]:
    """The fixed boxes whose text runs past their bottom edge, on the letter and its form."""
    pages = laid_out(html).pages
    letter = pages[0]
    form = next(page for page in pages[1:] if find_class(page, "reply-personal") is not None)
    found = []
    for page, container, text in (
        (letter, "letter-recipient", "letter-recipient"),
        (letter, "letter-personal", "letter-greeting"),
        (form, "reply-personal", "reply-personal"),
    ):
        if text_bottom(with_class(page, text)) > bottom(with_class(page, container)) + 0.5:
            found.append(text)
    return found


@pytest.mark.parametrize(
    ("name", "large", "street"),
    [
        (LONGEST_NAME, False, STREET),
        (LONG_LARGE_PRINT_NAME, True, ("27 Elgin Crescent", "W11 2JD")),
    ],
    ids=["standard, 150 characters", "large print, 90 characters"],
)
def test_a_long_name_shrinks_to_fit_every_fixed_box_and_is_printed_whole(name, large, street):
    letter = content(name, large=large, street=street)
    assert letter.fits_its_boxes
    assert letter.is_greeting_compact or letter.is_address_compact
    html = render_letter(letter, PARTNERSHIP)
    assert overflows(html) == []


def test_control_the_same_name_without_shrinking_runs_out_of_its_boxes():
    html = render_letter(content(LONGEST_NAME, large=False), PARTNERSHIP)
    for compact in ("letter-recipient-compact", "letter-greeting-compact", "reply-name-compact"):
        html = html.replace(f" {compact}", "").replace(f'class="{compact}"', "")
    assert overflows(html)


@pytest.mark.django_db
def test_a_name_too_long_even_shrunk_is_refused_when_the_batch_is_built(
    officer, return_address, health, postings
):
    member = add_postal_member(officer, LONGEST_NAME, [health], large_print=True)
    assert not content(LONGEST_NAME, large=True).fits_its_boxes
    with pytest.raises(AddressTooLong, match=f"member {member.pk}"):
        build_batch(officer)
    assert not PostalBatch.objects.exists()
