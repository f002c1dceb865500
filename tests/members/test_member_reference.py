"""The member reference on letters and reply forms: a number, a dash and a check character
(ISO 7064 MOD 11-2). A mistyped reference is refused, in the service and on the officers'
"record a response" screen, and a correct one fills in the member."""

import pytest

from members.models import Member
from members.postal.exceptions import NoMemberWithReference, ReferenceMistyped
from members.postal.reference import (
    member_number_from_reference,
    member_reference,
    postal_member_with_reference,
)

NUMBERS = [1, 7, 42, 318, 1234, 20001, 987654]


def test_a_reference_reads_back_as_its_member_number_however_it_is_typed():
    assert member_reference(1234) == "1234-4"
    for typed in ("1234-4", " 1234 4 ", "12344", "1234 - 4"):
        assert member_number_from_reference(typed) == 1234
    x_reference = next(member_reference(n) for n in range(1, 200) if member_reference(n)[-1] == "X")
    assert member_number_from_reference(x_reference.lower()) == int(x_reference[:-2])


@pytest.mark.parametrize("number", NUMBERS)
def test_every_single_mistyped_digit_is_refused(number):
    reference = member_reference(number)
    digits, check = reference.split("-")
    for position in range(len(digits)):
        for wrong in "0123456789":
            if wrong != digits[position]:
                typo = digits[:position] + wrong + digits[position + 1 :]
                with pytest.raises(ReferenceMistyped):
                    member_number_from_reference(f"{typo}-{check}")


@pytest.mark.parametrize("number", NUMBERS)
def test_every_swap_of_two_neighbouring_characters_is_refused(number):
    compact = member_reference(number).replace("-", "")
    for position in range(len(compact) - 1):
        swapped = (
            compact[:position] + compact[position + 1] + compact[position] + compact[position + 2 :]
        )
        if swapped != compact:
            with pytest.raises(ReferenceMistyped):
                member_number_from_reference(swapped)


@pytest.mark.parametrize("typed", ["", "-", "abc-1", "12a4-3", "1234-Y", "١٢٣٤-3"])
def test_what_is_not_a_reference_at_all_is_refused_with_what_to_type(typed):
    with pytest.raises(ReferenceMistyped, match="like 1234-4"):
        member_number_from_reference(typed)


def postal(name="Doris Lane") -> Member:
    return Member.objects.create(
        name=name,
        kind=Member.Kind.RESIDENT,
        route=Member.Route.POST,
        postal_address="2 Ladbroke Grove\nLondon",
        postcode="W11 3BQ",
    )


@pytest.mark.django_db
def test_a_reference_names_only_a_postal_member():
    doris = postal()
    assert postal_member_with_reference(member_reference(doris.pk)) == doris
    Member.objects.filter(pk=doris.pk).update(route=Member.Route.EMAIL_AT_ONCE)
    with pytest.raises(NoMemberWithReference):
        postal_member_with_reference(member_reference(doris.pk))
