"""Domain errors of the members' side, each with a short code and a message a person can act
on: a view catches MembersError and shows its message."""


class MembersError(Exception):
    code = "members"

    def __init__(self, message: str, *, code: str | None = None):
        self.message = message
        if code:
            self.code = code
        super().__init__(message)


class NotASteeringGroupMember(MembersError):
    code = "not_a_steering_group_member"


class UnknownModule(MembersError):
    code = "unknown_module"


class InvalidPairing(MembersError):
    code = "invalid_pairing"
