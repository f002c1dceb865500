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
