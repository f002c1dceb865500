"""A plain-text outline of a parsed paper, for --dry-run, and the facts the admin preview
marks as recognised, guessed or missing."""

from dataclasses import dataclass
from datetime import date

from .parsed import (
    ContactOfficer,
    ImportWarning,
    PaperHeader,
    ParsedActionPlan,
    ParsedProgressReport,
    ParsedReport,
)

_KIND_NAMES = {
    "report": "Report",
    "action_plan": "Action plan",
    "progress_report": "Progress report",
}
SNIPPET_LENGTH = 70
RECOGNISED, GUESSED, MISSING = "recognised", "guessed", "missing"


@dataclass(frozen=True)
class PaperFact:
    """One fact about a paper as the importer read it, and how sure it is of it."""

    name: str
    label: str
    value: str
    confidence: str

    @property
    def is_recognised(self) -> bool:
        return self.confidence == RECOGNISED


def paper_facts(
    parsed: ParsedReport | ParsedActionPlan | ParsedProgressReport,
    meeting_date: date | None = None,
) -> list[PaperFact]:
    """Title, meeting date, status, author, purpose and contact: each recognised (printed
    where the importer expects it), guessed (taken from its position or the file name) or
    missing (for the officer to fill in). `meeting_date` is the date the paper will go to."""
    header = parsed.header
    when = meeting_date or header.meeting_date

    def fact(name: str, label: str, value: str, *, guessed: bool = False) -> PaperFact:
        if not value:
            return PaperFact(name, label, "", MISSING)
        is_guessed = guessed or name in header.guessed
        return PaperFact(name, label, value, GUESSED if is_guessed else RECOGNISED)

    facts = [
        fact("title", "Title", header.title),
        fact("meeting_date", "Meeting date", f"{when.day} {when:%B %Y}" if when else ""),
        fact("status", "Status", header.status_as_printed),
        fact("author", "Author", header.author_as_printed or header.author),
        fact("purpose", "Purpose", header.purpose),
    ]
    if not isinstance(parsed, ParsedActionPlan):
        contact = parsed.contact
        officers = [contact, *getattr(parsed, "other_contacts", [])] if contact else []
        value = "; ".join(_contact_line(officer).removeprefix("Contact: ") for officer in officers)
        label = "Contact officers" if len(officers) > 1 else "Contact officer"
        facts.append(
            fact("contact", label, value, guessed=any(officer.address for officer in officers))
        )
    return facts


def describe(parsed: ParsedReport | ParsedActionPlan | ParsedProgressReport) -> str:
    """Kind, header, numbered structure, contact and warnings, one fact per line."""
    lines = [f"{_KIND_NAMES[parsed.kind]}: {parsed.header.title}", *_header_lines(parsed.header)]
    if isinstance(parsed, ParsedReport):
        lines += _report_lines(parsed)
    elif isinstance(parsed, ParsedActionPlan):
        lines += _action_plan_lines(parsed)
    else:
        lines += _progress_report_lines(parsed)
    unsure = [
        f"{f.label.lower()} ({f.confidence})" for f in paper_facts(parsed) if not f.is_recognised
    ]
    lines.append(f"To check: {', '.join(unsure) or 'nothing'}")
    lines += _warning_lines(parsed.warnings)
    return "\n".join(lines)


def _header_lines(header: PaperHeader) -> list[str]:
    lines = []
    if header.partnership:
        lines.append(f"Partnership: {header.partnership}")
    if header.meeting_date or header.group:
        when = (
            f"{header.meeting_date.day} {header.meeting_date:%B %Y}"
            if header.meeting_date
            else "no date"
        )
        lines.append(f"Meeting: {header.group + ', ' if header.group else ''}{when}")
    if header.author:
        lines.append(f"Author: {header.author_as_printed or header.author}")
    if header.status:
        lines.append(f'Status: {header.status} (printed "{header.status_as_printed}")')
    else:
        lines.append("Status: not printed")
    if header.purpose:
        lines.append(f"Purpose: {_snippet(header.purpose)}")
    return lines


def _report_lines(report: ParsedReport) -> list[str]:
    lines = []
    for section in report.sections:
        lines.append(f"{section.number or '-'} {section.heading or '(no heading)'}")
        for item in section.items:
            if item.kind == "bullets":
                lines += [f"    {'  ' * b.level}• {_snippet(b.text)}" for b in item.bullets]
            elif item.kind == "label":
                lines.append(f"    [{item.text}]")
            else:
                heading = " (subheading)" if item.kind == "subheading" else ""
                lines.append(f"  {item.number or '·'} {_snippet(item.text)}{heading}")
    if report.signatory:
        title = f", {report.signatory_title}" if report.signatory_title else ""
        lines.append(f"Signed: {report.signatory}{title}")
    lines.append(_contact_line(report.contact))
    lines += [f"  also {_contact_line(officer)}" for officer in report.other_contacts]
    lines.append(f"Background papers: {'; '.join(report.background_papers) or 'none'}")
    if report.annexes:
        lines.append(f"Annexes: {', '.join(report.annexes)}")
    return lines


def _action_plan_lines(plan: ParsedActionPlan) -> list[str]:
    lines = [f"Period: {plan.period or 'not printed'}"]
    if plan.glossary:
        lines.append(
            "Acronyms: " + "; ".join(f"{term} = {meaning}" for term, meaning in plan.glossary)
        )
    for section in plan.sections:
        lines.append(f"{section.number or '-'} {section.heading} ({len(section.rows)} rows)")
        lines += [f"  · {_snippet(row.planned_action)} | {row.due_date}" for row in section.rows]
    lines += [f"Footnote: {footnote}" for footnote in plan.footnotes]
    return lines


def _progress_report_lines(report: ParsedProgressReport) -> list[str]:
    lines = []
    for objective in report.objectives:
        lines.append(f"Objective {objective.number}: {objective.title}")
        for action in objective.actions:
            number = f" {action.number}" if action.number else ""
            lines.append(f"  Action{number}: {_snippet(action.action)}")
            lines.append(f"    Progress: {_snippet(action.progress) or '(none)'}")
            if action.lead or action.due_date:
                lines.append(f"    Lead: {action.lead or '-'}; due: {action.due_date or '-'}")
    lines.append(_contact_line(report.contact))
    return lines


def _contact_line(contact: ContactOfficer | None) -> str:
    if contact is None:
        return "Contact: none"
    parts = (contact.name, contact.job_title, contact.organisation, contact.phone, contact.email)
    return "Contact: " + ", ".join(part for part in parts if part)


def _warning_lines(warnings: list[ImportWarning]) -> list[str]:
    if not warnings:
        return ["Warnings: none"]
    return [f"Warnings ({len(warnings)}):", *(f"  {warning}" for warning in warnings)]


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET_LENGTH else text[: SNIPPET_LENGTH - 1].rstrip() + "…"
