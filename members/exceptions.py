"""Domain errors of the members app, each with a short code and a message a person can act on."""


class MembersError(Exception):
    code = "members"

    def __init__(self, message: str, *, code: str | None = None):
        self.message = message
        if code:
            self.code = code
        super().__init__(message)


class NoInterestChosen(MembersError):
    code = "no_interest"


class AddressNeeded(MembersError):
    code = "address_needed"


class OrganisationNameNeeded(MembersError):
    code = "organisation_needed"


class NotAnOfficer(MembersError):
    code = "not_an_officer"


class WrongRoute(MembersError):
    code = "wrong_route"
