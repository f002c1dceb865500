"""Turning the text of a paper into a parsed report, action plan or progress report."""

from papers.exceptions import PaperFormatError

from .action_plans import looks_like_action_plan, parse_action_plan
from .lines import printed_lines
from .parsed import ParsedActionPlan, ParsedProgressReport, ParsedReport
from .progress_reports import looks_like_progress_report, parse_progress_report
from .reports import parse_report


def parse_paper(
    text: str, *, source: str = ""
) -> ParsedReport | ParsedActionPlan | ParsedProgressReport:
    """Parse a paper faithfully or raise PaperFormatError naming the file and line."""
    try:
        if not text.strip():
            raise PaperFormatError("the paper is empty", code="empty")
        lines = printed_lines(text)
        if looks_like_action_plan(lines):
            return parse_action_plan(lines)
        if looks_like_progress_report(lines):
            return parse_progress_report(lines)
        return parse_report(lines)
    except PaperFormatError as error:
        if source and not error.source:
            raise error.from_source(source) from None
        raise
