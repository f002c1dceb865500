"""Domain errors for members, each with a short code and a message a person can act on."""

from home.exceptions import PartnershipError


class MembersError(PartnershipError):
    """The one base of the members' errors: views catch it and show its message."""

    code = "members"


class NoInterestChosen(MembersError):
    code = "no_interest"


class AddressNeeded(MembersError):
    code = "address_needed"


class OrganisationNameNeeded(MembersError):
    code = "organisation_needed"


class NotAnOfficer(MembersError):
    code = "not_an_officer"


class NotASteeringGroupMember(MembersError):
    code = "not_a_steering_group_member"


class UnknownModule(MembersError):
    code = "unknown_module"


class InvalidPairing(MembersError):
    code = "invalid_pairing"


class AttendanceNotValid(MembersError):
    code = "attendance_not_valid"


class MeetingNotHeldYet(AttendanceNotValid):
    code = "meeting_not_held_yet"


class NothingToPost(MembersError):
    code = "nothing_to_post"


class BatchAlreadyPosted(MembersError):
    code = "batch_already_posted"


class BatchOutOfDate(MembersError):
    code = "batch_out_of_date"


class LetterNotPosted(MembersError):
    code = "letter_not_posted"


class PdfRendererUnavailable(MembersError):
    code = "pdf_renderer_unavailable"


class NotAPostalMember(MembersError):
    code = "not_a_postal_member"


class EmailNeeded(MembersError):
    code = "email_needed"


class AddressTooLong(MembersError):
    code = "address_too_long"


class UnknownPapersChoice(MembersError):
    code = "unknown_papers_choice"


class ReturnAddressNeeded(MembersError):
    code = "return_address_needed"
