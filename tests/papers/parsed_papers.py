"""Reading a paper's text the way the parsing tests do: one file through the importer, its
numbered paragraphs, and a paper written line by line in a test."""

from pathlib import Path

from papers.importer import (
    ParsedActionPlan,
    ParsedProgressReport,
    ParsedReport,
    parse_paper,
    read_paper_text,
)


def import_file(path: Path) -> ParsedReport | ParsedActionPlan | ParsedProgressReport:
    return parse_paper(read_paper_text(path), source=path.name)


def normalised(text: str) -> str:
    return " ".join(text.split())


def numbered_items(report: ParsedReport) -> list[tuple[str, str]]:
    return [
        (item.number, normalised(item.text))
        for section in report.sections
        for item in section.items
        if item.number
    ]


def paper_text(*lines: str) -> str:
    return "\n".join(lines) + "\n"
