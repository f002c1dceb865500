"""Domain errors for papers, each with a short code and a one-line message a person can act on."""

from home.exceptions import PartnershipError


class PapersError(PartnershipError):
    """The one base of papers' errors: views and commands catch it and show its message."""

    code = "papers"


class PaperFormatError(PapersError):
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
        "scanned_pdf",
        "bad_pdf",
        "pdf_limits",
    )

    def __init__(
        self, message: str, *, source: str = "", line: int | None = None, code: str = "format"
    ):
        self.source = source
        self.line = line
        super().__init__(" ".join(message.split()), code=code)
        self.args = (str(self),)

    def __str__(self) -> str:
        parts = [self.source] if self.source else []
        if self.line is not None:
            parts.append(f"line {self.line}")
        return ": ".join([*parts, self.message])

    def from_source(self, source: str) -> "PaperFormatError":
        """The same error, naming the file it came from."""
        return PaperFormatError(self.message, source=source, line=self.line, code=self.code)


class UnknownGroup(PapersError):
    """A paper, command or address named a group that does not exist."""

    code = "unknown_group"

    def __init__(self, slug: str, valid_slugs: list[str]):
        self.slug = slug
        self.valid_slugs = valid_slugs
        listed = ", ".join(valid_slugs) or "none yet: add a group page first"
        super().__init__(f"There is no group with the web address “{slug}”. Use one of: {listed}.")


class ImportNotAllowed(PapersError):
    """The person importing may not add or publish pages where the paper would go."""

    code = "not_allowed"


class CommentPeriodNotValid(PapersError):
    """An officer asked to open for comments something that cannot be, or until a past date."""

    code = "comment_period_not_valid"


class PublishRefused(PapersError):
    """An app's publish check (home.extension_points.PUBLISH_CHECKS) refused a page."""

    code = "publish_refused"


class PdfUnavailable(PapersError):
    """The server cannot make PDFs (WeasyPrint's system libraries are missing)."""

    code = "pdf_unavailable"
