"""A member's reference, printed on their letters and reply forms so officers can match a
reply: the member's number, a dash and a check character (ISO 7064 MOD 11-2, as ORCID uses).

Rules:
- The check character is a digit or X. It catches every single mistyped digit and every swap
  of two neighbouring digits, so a mistyped reference is refused, never matched to someone
  else.
- Read back, spaces and dashes are ignored and x counts as X: "1234-4", "1234 4" and
  "12344" are the same reference.
"""

from members.models import Member
from members.postal.exceptions import NoMemberWithReference, ReferenceMistyped

CHECK_CHARACTERS = "0123456789X"


def check_character(digits: str) -> str:
    """ISO 7064 MOD 11-2 over the digits."""
    total = 0
    for digit in digits:
        total = (total + int(digit)) * 2 % 11
    return CHECK_CHARACTERS[(12 - total) % 11]


def member_reference(member_number: int) -> str:
    digits = str(member_number)
    return f"{digits}-{check_character(digits)}"


def member_number_from_reference(reference: str) -> int:
    """The member number a reference stands for; ReferenceMistyped if it is not a reference
    we print or its check character does not match."""
    compact = "".join(reference.split()).replace("-", "").upper()
    digits, check = compact[:-1], compact[-1:]
    if not digits.isascii() or not digits.isdigit() or check not in CHECK_CHARACTERS:
        raise ReferenceMistyped(
            "Enter the member reference as printed on their letter or reply form: a number, "
            "a dash and a last digit or X, like 1234-4."
        )
    if check_character(digits) != check:
        raise ReferenceMistyped(
            f"“{reference.strip()}” is not a reference we printed: a digit is probably "
            "mistyped. Check it against their letter or reply form."
        )
    return int(digits)


def postal_member_with_reference(reference: str) -> Member:
    """The postal member a typed reference names: ReferenceMistyped, or NoMemberWithReference
    if it checks but is no postal member's (a member since erased, say)."""
    member = Member.objects.filter(
        pk=member_number_from_reference(reference), route=Member.Route.POST
    ).first()
    if member is None:
        raise NoMemberWithReference(
            f"No postal member has the reference {reference.strip()}: they may have left or "
            "moved to email. Give their name and address instead."
        )
    return member
