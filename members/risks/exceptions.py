"""Domain errors of the risk register."""

from members.exceptions import MembersError


class RisksError(MembersError):
    """The one base of the risk register's errors: views catch it and show its message."""

    code = "risks"


class NotAllowedToSeeRisks(RisksError):
    code = "not_allowed"


class NothingToReport(RisksError):
    code = "nothing_to_report"
