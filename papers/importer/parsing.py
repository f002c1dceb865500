"""Turning the text of a paper into a parsed report, action plan or progress report."""

import re
from pathlib import PurePath

from papers.exceptions import PaperFormatError

from .action_plans import looks_like_action_plan, parse_action_plan
from .agendas import ParsedAgenda, looks_like_agenda, parse_agenda
from .lines import printed_lines
from .minutes import ParsedMinutes, looks_like_minutes, parse_minutes
from .parsed import ImportWarning, ParsedActionPlan, ParsedProgressReport, ParsedReport
from .progress_reports import looks_like_progress_report, parse_progress_report
from .reports import parse_report


def parse_paper(
    text: str, *, source: str = ""
) -> ParsedReport | ParsedActionPlan | ParsedProgressReport | ParsedMinutes | ParsedAgenda:
    """Parse a paper faithfully, whatever its layout: what cannot be placed is kept as text,
    with a warning. Only an empty paper is refused (PaperFormatError naming the file)."""
    if not text.strip():
        raise PaperFormatError("the paper is empty", source=source, code="empty")
    lines = printed_lines(text)
    if looks_like_minutes(lines):
        return parse_minutes(lines)
    if looks_like_agenda(lines):
        return parse_agenda(lines)
    if looks_like_action_plan(lines):
        parsed = parse_action_plan(lines)
    elif looks_like_progress_report(lines):
        parsed = parse_progress_report(lines)
    else:
        parsed = parse_report(lines)
    if not parsed.header.title:
        parsed.header.title = title_from_file_name(source)
        parsed.header.guessed.add("title")
        parsed.warnings.insert(
            0,
            ImportWarning(
                None,
                f"no title was found in the heading of the paper: the page is called "
                f"“{parsed.header.title}” for now; give it the paper's title",
            ),
        )
    return parsed


def title_from_file_name(source: str) -> str:
    """'2009-05-13-kcp-review.txt' -> 'Kcp review'; 'Untitled paper' without a name."""
    stem = PurePath(source).stem if source else ""
    words = re.sub(r"^[\d_ -]+", "", stem).replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() if words else "Untitled paper"
