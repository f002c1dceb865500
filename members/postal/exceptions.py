"""Postal mailing's own errors (the older ones are still in members.exceptions)."""

from members.exceptions import MembersError


class ReferenceMistyped(MembersError):
    code = "reference_mistyped"


class NoMemberWithReference(MembersError):
    code = "no_member_with_reference"
