"""Domain errors of the indicators data bank."""

from papers.exceptions import PapersError


class IndicatorsError(PapersError):
    """The one base of the indicators' errors: views catch it and show its message."""

    code = "indicators"


class ResultsImportError(IndicatorsError):
    """A CSV of results with rows that cannot be saved: `problems` lists each row's number (as
    a spreadsheet numbers it, the heading being row 1) and what is wrong with it."""

    code = "results_import"

    def __init__(self, message: str, *, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []
