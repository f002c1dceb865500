"""Parsed paper -> page field values: what each paper page type holds for an imported paper.

Pure Python over the parsed dataclasses and papers.numbering, so it can be tested and timed
without a database. Every number on the page is the number printed in the paper. A paper
that prints no number for a section gets the number the page would give it anyway, written
in here and flagged as a warning, so what the editor sees is what papers.numbering keeps.
"""

import hashlib
from dataclasses import dataclass, field

from papers import numbering

from .agendas import ParsedAgenda
from .meeting_pages import agenda_fields, minutes_fields
from .minutes import ParsedMinutes
from .parsed import (
    ActionPlanSection,
    BodyItem,
    ContactOfficer,
    Objective,
    ParsedActionPlan,
    ParsedProgressReport,
    ParsedReport,
    Section,
)
from .printed import printed_block, printed_plan_block

MAX_BULLET_LEVEL = 3
MAX_LABEL_LENGTH = 120
MAX_SUBHEADING_LENGTH = 255
TITLE_MAX_LENGTH = 255

PAGE_TYPES = {
    "report": "papers.ReportPage",
    "action_plan": "papers.ActionPlanPage",
    "progress_report": "papers.ProgressReportPage",
    "minutes": "papers.MinutesPage",
    "agenda": "papers.MeetingPage",
}


@dataclass
class PageValues:
    """The page type ("papers.ReportPage") and its field values for one imported paper."""

    page_type: str
    fields: dict
    warnings: list[str] = field(default_factory=list)


def source_hash(text: str) -> str:
    """The fingerprint of a paper's text: the same paper imported twice has the same hash,
    whether it came from a file, an upload or the admin's preview."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def page_values(
    parsed: ParsedReport | ParsedActionPlan | ParsedProgressReport, *, text: str
) -> PageValues:
    """The field values of the page a parsed paper becomes. What the page cannot hold as
    printed (a number used twice, an over-long title) is kept another way, with a warning."""
    if parsed.kind in ("minutes", "agenda"):
        return _meeting_record_values(parsed, text)
    header = parsed.header
    title = " ".join(header.title.split())
    purpose = header.purpose
    warnings = [str(warning) for warning in parsed.warnings]
    if len(title) > TITLE_MAX_LENGTH:
        shortened = title[: TITLE_MAX_LENGTH - 1].rsplit(" ", 1)[0] + "…"
        purpose = f"{title}\n\n{purpose}".strip() if not purpose.startswith(title) else purpose
        warnings.append(
            f"the title is {len(title)} characters long, more than a page title holds "
            f"({TITLE_MAX_LENGTH}): it was shortened, and kept in full in the purpose; check "
            "that the title line is not joined to the text after it"
        )
        title = shortened
    values = PageValues(
        page_type=PAGE_TYPES[parsed.kind],
        fields={
            "title": title,
            "status": header.status,
            "status_as_printed": header.status_as_printed,
            "author": header.author_as_printed or header.author,
            "purpose": purpose,
            "meeting_date": header.meeting_date,
            "source_hash": source_hash(text),
        },
        warnings=warnings,
    )
    values.warnings.extend(_missing_facts(parsed))
    if isinstance(parsed, ParsedReport):
        _report_fields(parsed, values)
    elif isinstance(parsed, ParsedActionPlan):
        _action_plan_fields(parsed, values)
    else:
        _progress_report_fields(parsed, values)
    values.fields["import_warnings"] = values.warnings
    return values


def _meeting_record_values(parsed: ParsedMinutes | ParsedAgenda, text: str) -> PageValues:
    """Minutes become a minutes page; an agenda becomes its meeting's agenda items."""
    warnings = [str(warning) for warning in parsed.warnings]
    fields = {
        "title": " ".join(parsed.header.title.split())[:TITLE_MAX_LENGTH],
        "meeting_date": parsed.header.meeting_date,
        "source_hash": source_hash(text),
    }
    if parsed.kind == "minutes":
        fields.update(minutes_fields(parsed), import_warnings=warnings)
    else:
        fields.update(agenda_fields(parsed))
    return PageValues(page_type=PAGE_TYPES[parsed.kind], fields=fields, warnings=warnings)


def _missing_facts(parsed: ParsedReport | ParsedActionPlan | ParsedProgressReport) -> list[str]:
    """A report or progress report goes to a meeting for something, from someone: say when the
    paper prints no status or contact officer, so the officer fills them in on the draft."""
    if isinstance(parsed, ParsedActionPlan):
        return []
    missing = []
    if not parsed.header.status:
        missing.append(
            "the paper prints no status (such as “For information” or “For approval”): "
            "choose one on the draft"
        )
    if parsed.contact is None:
        missing.append("the paper names no contact officer: fill one in on the draft")
    return missing


def _report_fields(report: ParsedReport, values: PageValues) -> None:
    body = [_section_block(section, values.warnings) for section in report.sections]
    _keep_repeated_report_numbers_as_text(body, report.sections, values.warnings)
    _number_unnumbered(
        body, report.sections, values.warnings, numbering.number_report, what="section"
    )
    values.fields.update(
        body=body,
        signatory=report.signatory,
        signatory_title=report.signatory_title,
        **_contact_fields(report.contact, values.warnings),
        background_papers=_background_papers(report.background_papers),
        annexes=_annexes(report.annexes, report.annex_titles),
    )
    if report.header.agenda_item:  # only when printed, so earlier imports keep their fields
        values.fields["agenda_item"] = report.header.agenda_item
    if report.other_contacts:
        values.fields["other_contacts"] = "\n".join(
            ", ".join(part for part in vars(officer).values() if part)
            for officer in report.other_contacts
        )


def _section_block(section: Section, warnings: list[str]) -> dict:
    if not section.heading:
        warnings.append(
            _at(
                section.line,
                "text before the first section heading was put in a section "
                "without a heading: give it one before publishing",
            )
        )
    value = {
        "number": section.number,
        "heading": section.heading,
        "content": [_content_block(item, warnings) for item in section.items],
    }
    if section.heading and not section.number:
        value["is_unnumbered"] = True  # printed without a number: the page adds none
    return {"type": "section", "value": value}


def _content_block(item: BodyItem, warnings: list[str]) -> dict:
    if item.kind == "paragraph":
        if item.number:
            return {"type": "paragraph", "value": {"number": item.number, "text": item.text}}
        return {"type": "text", "value": {"text": item.text}}
    if item.kind == "subheading":
        if item.number and len(item.text) <= MAX_SUBHEADING_LENGTH:
            return {"type": "subheading", "value": {"number": item.number, "text": item.text}}
        if item.number:
            return {"type": "paragraph", "value": {"number": item.number, "text": item.text}}
        if len(item.text) <= MAX_LABEL_LENGTH:
            return {"type": "label", "value": {"text": item.text}}
        return {"type": "text", "value": {"text": item.text}}
    if item.kind == "heading" and len(item.text) <= MAX_SUBHEADING_LENGTH:  # printed unnumbered
        return {
            "type": "subheading",
            "value": {"number": "", "text": item.text, "unnumbered": True},
        }
    if item.kind in ("list", "table"):
        return printed_block(item)
    if item.kind == "label":  # printed as a line ending in a colon ("Actions:")
        return {"type": "label", "value": {"text": f"{item.text}:"[:MAX_LABEL_LENGTH]}}
    if any(bullet.level > MAX_BULLET_LEVEL for bullet in item.bullets):
        warnings.append(
            _at(
                item.line,
                f"bullets nested deeper than {MAX_BULLET_LEVEL + 1} levels are shown "
                f"at level {MAX_BULLET_LEVEL + 1}",
            )
        )
    return {
        "type": "bullets",
        "value": {
            "items": [
                {"text": bullet.text, "level": min(bullet.level, MAX_BULLET_LEVEL)}
                for bullet in item.bullets
            ]
        },
    }


def _action_plan_fields(plan: ParsedActionPlan, values: PageValues) -> None:
    sections = [_plan_section_block(section, plan.status_key) for section in plan.sections]
    _keep_repeated_numbers_as_text(sections, plan.sections, values.warnings, "heading")
    _number_unnumbered(
        sections, plan.sections, values.warnings, numbering.number_sequence, what="section"
    )
    values.fields.update(
        period=plan.period,
        glossary=[
            {"type": "entry", "value": {"acronym": acronym, "expansion": expansion}}
            for acronym, expansion in plan.glossary
        ],
        sections=sections,
        footnotes="\n".join(plan.footnotes),
    )
    if plan.contact is not None:
        values.fields.update(_contact_fields(plan.contact, values.warnings))


def _plan_section_block(section: ActionPlanSection, key: dict[str, str]) -> dict:
    if section.fields:
        return printed_plan_block(section, key)
    return {
        "type": "section",
        "value": {
            "number": section.number,
            "heading": section.heading,
            "columns": list(section.columns[:4]),
            "rows": [
                {
                    "planned_action": row.planned_action,
                    "current_situation": row.current_situation,
                    "lead": row.lead,
                    "due_date": row.due_date,
                    "rag": "",
                    "due_on": None,
                }
                for row in section.rows
            ],
        },
    }


def _progress_report_fields(report: ParsedProgressReport, values: PageValues) -> None:
    objectives = [_objective_block(objective) for objective in report.objectives]
    _keep_repeated_numbers_as_text(objectives, report.objectives, values.warnings, "title")
    _number_unnumbered(
        objectives, report.objectives, values.warnings, numbering.number_sequence, "objective"
    )
    values.fields.update(
        objectives=objectives,
        **_contact_fields(report.contact, values.warnings),
        background_papers=_background_papers(report.background_papers),
        annexes=_annexes(report.annexes, {}),
    )


def _objective_block(objective: Objective) -> dict:
    return {
        "type": "objective",
        "value": {
            "number": objective.number,
            "title": objective.title,
            "actions": [
                {
                    "number": action.number,
                    "action": action.action,
                    "progress": action.progress,
                    "lead": action.lead,
                    "due_date": action.due_date,
                    "rag": "",
                }
                for action in objective.actions
            ],
        },
    }


def _number_unnumbered(blocks: list, parsed: list, warnings: list[str], number, what: str):
    """Write in the number papers.numbering would give each block the paper left unnumbered,
    and say so: the editor checks it, and it never changes behind their back."""
    if all(block["value"]["number"] for block in blocks):
        return
    numbered = number(blocks, frozen=False).blocks
    for block, filled, printed in zip(blocks, numbered, parsed, strict=True):
        if not block["value"]["number"] and filled["value"]["number"]:
            block["value"]["number"] = filled["value"]["number"]
            name = block["value"].get("heading") or block["value"].get("title") or "(no heading)"
            warnings.append(
                _at(
                    printed.line,
                    f"the paper prints no number for the {what} “{name}”; the "
                    f"page numbers it {filled['value']['number']}: check it against the original",
                )
            )


def _keep_repeated_report_numbers_as_text(
    body: list, sections: list[Section], warnings: list[str]
) -> None:
    """A number printed twice cannot be the target of two links: the second time it is kept
    in the text as printed ("2.2.1 KCP members…"), and the editor is told."""
    seen_sections: set[str] = set()
    seen_paragraphs: set[str] = set()
    for block, section in zip(body, sections, strict=True):
        value = block["value"]
        if value["number"] and value["number"] in seen_sections:
            warnings.append(_repeated(section.line, f"section {value['number']}"))
            value["heading"] = f"{value['number']} {value['heading']}".strip()
            value["number"] = ""
        seen_sections.add(value["number"])
        for position, (content, item) in enumerate(
            zip(value["content"], section.items, strict=True)
        ):
            number = content["value"].get("number", "")
            if content["type"] not in ("paragraph", "subheading") or not number:
                continue
            if number in seen_paragraphs:
                warnings.append(_repeated(item.line, f"paragraph {number}"))
                text = f"{number} {content['value']['text']}"
                kind = "label" if content["type"] == "subheading" else "text"
                if kind == "label" and len(text) > MAX_LABEL_LENGTH:
                    kind = "text"
                value["content"][position] = {"type": kind, "value": {"text": text}}
            seen_paragraphs.add(number)


def _keep_repeated_numbers_as_text(
    blocks: list, parsed: list, warnings: list[str], name_field: str
) -> None:
    seen: set[str] = set()
    for block, printed in zip(blocks, parsed, strict=True):
        value = block["value"]
        if value["number"] and value["number"] in seen:
            warnings.append(_repeated(printed.line, value["number"]))
            value[name_field] = f"{value['number']} {value[name_field]}".strip()
            value["number"] = ""
        seen.add(value["number"])


def _repeated(line: int | None, what: str) -> str:
    return _at(
        line,
        f"{what} is printed twice: the second is kept with its number in its text, as a link "
        "can go to only one of them; correct the numbering in the editor",
    )


def _contact_fields(contact: ContactOfficer | None, warnings: list[str]) -> dict:
    if contact is None:
        return {
            "contact_name": "",
            "contact_job_title": "",
            "contact_organisation": "",
            "contact_phone": "",
            "contact_email": "",
        }
    organisation = contact.organisation
    if contact.address:
        organisation = ", ".join(part for part in (organisation, contact.address) if part)
        warnings.append("the contact officer's address is kept with their organisation")
    return {
        "contact_name": contact.name,
        "contact_job_title": contact.job_title,
        "contact_organisation": organisation,
        "contact_phone": contact.phone,
        "contact_email": contact.email,
    }


def _background_papers(papers: list[str]) -> list[dict]:
    return [{"type": "text", "value": {"reference": "", "text": paper}} for paper in papers]


def _annexes(references: list[str], titles: dict[str, str]) -> list[dict]:
    """Each annex as a text block: its reference ("Annex A") and its title where printed (the
    reference again where not, as a text block needs text). The document is attached later."""
    return [
        {"type": "text", "value": {"reference": ref, "text": titles.get(ref) or ref}}
        for ref in references
    ]


def _at(line: int | None, message: str) -> str:
    return f"line {line}: {message}" if line is not None else message
