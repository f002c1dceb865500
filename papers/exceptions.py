"""Domain errors for papers, each with a short code and a one-line message a person can act on."""


class PaperFormatError(Exception):
    """A paper the importer cannot place faithfully."""

    codes = (
        "empty",
        "too_large",
        "encoding",
        "not_text",
        "bad_docx",
        "no_title",
        "unsupported_type",
        "no_meeting_date",
        "format",
    )

    def __init__(
        self, message: str, *, source: str = "", line: int | None = None, code: str = "format"
    ):
        self.message = " ".join(message.split())
        self.source = source
        self.line = line
        self.code = code
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [self.source] if self.source else []
        if self.line is not None:
            parts.append(f"line {self.line}")
        return ": ".join([*parts, self.message])

    def from_source(self, source: str) -> "PaperFormatError":
        """The same error, naming the file it came from."""
        return PaperFormatError(self.message, source=source, line=self.line, code=self.code)


class UnknownBody(Exception):
    """An import named a group that does not exist."""

    code = "unknown_body"

    def __init__(self, slug: str, valid_slugs: list[str]):
        self.slug = slug
        self.valid_slugs = valid_slugs
        listed = ", ".join(valid_slugs) or "none: add a group page first"
        self.message = f'there is no group with the web address "{slug}"; the groups are: {listed}'
        super().__init__(self.message)


class ImportNotAllowed(Exception):
    """The person importing may not add or publish pages where the paper would go."""

    code = "not_allowed"

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)
