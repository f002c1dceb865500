"""Domain errors for theme groups, each with a short code and a message a person can act on."""


class ThemeGroupError(Exception):
    code = "theme_group"

    def __init__(self, message: str, *, code: str | None = None):
        self.message = message
        if code:
            self.code = code
        super().__init__(message)


class UnknownGroup(ThemeGroupError):
    code = "unknown_group"


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
