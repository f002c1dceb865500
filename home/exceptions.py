"""The shape every app's errors share: a short `code` for programs and a `message` a person can
act on. Each app has one base below it (`PapersError`, `ThemeGroupError`, `MembersError`), so a
view catches one thing and shows its message."""


class PartnershipError(Exception):
    """The base of the home app's errors, and the shape of every app's base."""

    code = "partnership"

    def __init__(self, message: str, *, code: str | None = None):
        self.message = message
        if code:
            self.code = code
        super().__init__(message)


class EmailNotQueueable(PartnershipError):
    code = "email_not_queueable"


class BackupError(PartnershipError):
    code = "backup"


class UnknownAuditAction(PartnershipError):
    """An audit entry for an action no app registered (a programming error, caught in tests)."""

    code = "unknown_audit_action"
