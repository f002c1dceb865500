"""Why a response was refused, each with a code and a message the person can act on."""

from members.exceptions import MembersError


class ResponsesError(MembersError):
    code = "responses"


class NotTakingResponses(ResponsesError):
    """The consultation is not open yet, or has closed."""

    code = "not_taking_responses"


class MayNotRespond(ResponsesError):
    """Nobody signed in or with a confirmed email address, or non-members are not allowed."""

    code = "may_not_respond"


class NotAllowedToSee(ResponsesError):
    """The person may not see the responses of this consultation or paper."""

    code = "not_allowed_to_see"
