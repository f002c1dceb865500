"""Domain errors for theme groups, each with a short code and a message a person can act on.
A group named by a web address that does not exist is papers' `UnknownGroup`."""

from home.exceptions import PartnershipError


class ThemeGroupError(PartnershipError):
    """The one base of theme groups' errors: views catch it and show its message."""

    code = "theme_group"


class UnknownPerson(ThemeGroupError):
    code = "unknown_person"


class NotALeadOfficer(ThemeGroupError):
    code = "not_a_lead_officer"


class NotAPartnershipOfficer(ThemeGroupError):
    code = "not_a_partnership_officer"


class NotASteeringGroupMeeting(ThemeGroupError):
    code = "not_a_steering_group_meeting"


class MeetingAlreadyHeld(ThemeGroupError):
    code = "meeting_held"
