"""Why an outreach action was refused, each with a code and a message the officer can act on."""

from members.exceptions import MembersError


class OutreachError(MembersError):
    code = "outreach"


class NotAnOfficer(OutreachError):
    code = "not_an_officer"


class BadImportRow(OutreachError):
    """A row of an imported CSV is wrong: nothing of the file is saved."""

    code = "bad_import_row"


class NoWayToContact(OutreachError):
    code = "no_way_to_contact"


class EmailNotAllowed(OutreachError):
    """PECR: an individual's email needs their consent; a corporate address does not."""

    code = "email_not_allowed"


class Suppressed(OutreachError):
    code = "suppressed"


class UnknownCode(OutreachError):
    code = "unknown_code"


class NothingToPrint(OutreachError):
    code = "nothing_to_print"
