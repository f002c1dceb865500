"""The parsed form of a KCP committee paper: plain dataclasses that become Wagtail pages."""

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

STATUSES = (
    "for_approval",
    "for_information",
    "for_decision",
    "for_discussion",
    "for_comment",
    "for_noting",
)

BODY_ITEM_KINDS = ("paragraph", "subheading", "heading", "label", "bullets", "list", "table")


@dataclass
class ImportWarning:
    """Something the importer placed with doubt; shown to the editor before publishing."""

    line: int | None
    message: str
    is_unplaced: bool = False

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line is not None else self.message


@dataclass
class ContactOfficer:
    """The contact officer exactly as printed at the foot of a paper."""

    name: str
    job_title: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass
class Bullet:
    """One item of a list; an item printed with a marker ("(a)", "(iv)") keeps it as `number`
    and the scheme it was read in ("letter", "roman", "arabic")."""

    text: str
    level: int = 0
    number: str = ""
    scheme: str = ""


@dataclass
class Table:
    """A data table as printed: its caption, header row and one value per cell."""

    caption: str
    header: list[str]
    rows: list[list[str]]
    line: int | None = field(default=None, compare=False)


@dataclass
class BodyItem:
    """One block of a report section: a paragraph, a numbered subheading, a label, a bullet
    list, a list of items printed with markers ("list": `parent` is the number of the paragraph
    it belongs to, which qualifies its anchors) or a table."""

    kind: str
    number: str = ""
    text: str = ""
    bullets: list[Bullet] = field(default_factory=list)
    table: Table | None = None
    parent: str = ""
    line: int | None = field(default=None, compare=False)


@dataclass
class Section:
    number: str
    heading: str
    items: list[BodyItem] = field(default_factory=list)
    line: int | None = field(default=None, compare=False)


@dataclass
class PaperHeader:
    """What a paper says about itself before its first section."""

    partnership: str = ""
    group: str = ""
    meeting_date: date | None = None
    title: str = ""
    author: str = ""
    purpose: str = ""
    status: str = ""
    status_as_printed: str = ""
    author_as_printed: str = ""
    agenda_item: str = ""
    guessed: set[str] = field(default_factory=set, compare=False)


@dataclass
class ParsedReport:
    kind: ClassVar[str] = "report"

    header: PaperHeader
    sections: list[Section] = field(default_factory=list)
    signatory: str = ""
    contact: ContactOfficer | None = None
    background_papers: list[str] = field(default_factory=list)
    annexes: list[str] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    signatory_title: str = ""
    annex_titles: dict[str, str] = field(default_factory=dict)
    other_contacts: list[ContactOfficer] = field(default_factory=list)


@dataclass
class ActionPlanRow:
    """One row of an action plan table, each cell as written (bullets on their own '• ' lines)."""

    planned_action: str
    current_situation: str
    lead: str
    due_date: str
    line: int | None = field(default=None, compare=False)


@dataclass
class ActionPlanSection:
    """A section of an action plan. `fields` names the action-plan field of each printed column
    ("" for a column of the paper's own) when the table is kept column by column, and
    `printed_rows` then holds its cells; otherwise the usual four columns fill `rows`."""

    number: str
    heading: str
    columns: list[str] = field(default_factory=list)
    rows: list[ActionPlanRow] = field(default_factory=list)
    line: int | None = field(default=None, compare=False)
    fields: list[str] = field(default_factory=list)
    printed_rows: list[list[str]] = field(default_factory=list)


@dataclass
class ParsedActionPlan:
    kind: ClassVar[str] = "action_plan"

    header: PaperHeader
    period: str = ""
    glossary: list[tuple[str, str]] = field(default_factory=list)
    sections: list[ActionPlanSection] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    status_key: dict[str, str] = field(default_factory=dict)
    contact: ContactOfficer | None = None


@dataclass
class ProgressAction:
    action: str
    progress: str
    lead: str = ""
    due_date: str = ""
    number: str = ""
    line: int | None = field(default=None, compare=False)


@dataclass
class Objective:
    number: str
    title: str
    actions: list[ProgressAction] = field(default_factory=list)
    line: int | None = field(default=None, compare=False)


@dataclass
class ParsedProgressReport:
    kind: ClassVar[str] = "progress_report"

    header: PaperHeader
    objectives: list[Objective] = field(default_factory=list)
    contact: ContactOfficer | None = None
    warnings: list[ImportWarning] = field(default_factory=list)
    background_papers: list[str] = field(default_factory=list)
    annexes: list[str] = field(default_factory=list)


ParsedPaper = ParsedReport | ParsedActionPlan | ParsedProgressReport
