"""What can go wrong in the meeting cycle, each with a message that says what to fix."""

from papers.exceptions import PapersError


class GovernanceError(PapersError):
    """The base of the meeting cycle's errors (a papers error)."""

    code = "governance"
    message = "Something went wrong with this record: nothing has been saved."

    def __init__(self, message: str | None = None, *, code: str | None = None):
        super().__init__(message or self.message, code=code)


class NotAllowed(GovernanceError):
    code = "not_allowed"
    message = (
        "You may record decisions and actions only for the groups whose pages you edit: "
        "nothing has been saved."
    )


class UnknownOwner(GovernanceError):
    code = "unknown_owner"
    message = "Choose the owner from the contacts list, or add them as a contact first."


class DueDateRequired(GovernanceError):
    code = "due_required"
    message = "Give the date the action is due."


class DueBeforeMeeting(GovernanceError):
    code = "due_before_meeting"
    message = "The due date is before the meeting that agreed the action: give a later date."


class ReasonRequired(GovernanceError):
    code = "reason_required"
    message = "Say why the action was dropped: a dropped action needs a reason."


class UnknownParagraph(GovernanceError):
    code = "unknown_paragraph"
    message = "No paragraph has that number: check the number printed in the paper or minutes."


class AgendaNotAgreed(GovernanceError):
    code = "agenda_not_agreed"
    message = (
        "This meeting's agenda differs from the one the Agenda Planning Group agreed: send "
        "the draft agenda to the group for agreement before the meeting is published."
    )
