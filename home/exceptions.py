"""Errors of the base app, each with a code and a message that says what to do."""


class HomeError(Exception):
    code = "home"
    message = "Something went wrong."

    def __init__(self, message: str | None = None):
        if message:
            self.message = message
        super().__init__(self.message)


class EmailNotQueueable(HomeError):
    code = "email_not_queueable"


class BackupError(HomeError):
    code = "backup"
