"""StreamField blocks for papers: report sections and paragraphs, action plan tables, progress
report objectives, minutes, and the annexes and background papers attached to any paper.

The raw data shape, for the importer and anyone writing blocks by hand (every ``number`` may
be left "" to have it filled in by papers.numbering)::

    report body:    [{"type": "section", "value": {"number", "heading", "content": [...]}}]
    section content items, by type:
        "paragraph"   {"number", "text"}            a numbered paragraph (plain text)
        "subheading"  {"number", "text"}            a numbered heading over unnumbered text
        "label"       {"text"}                      a headed block such as "Actions:"
        "text"        {"text"}                      an unnumbered paragraph
        "bullets"     {"items": [{"text", "level"}]}   level 0 is the outer list
    action plan:    [{"type": "section", "value": {"number", "heading", "columns": [4 labels],
                     "rows": [{"planned_action", "current_situation", "lead", "due_date",
                               "rag", "due_on"}]}}]
    progress report: [{"type": "objective", "value": {"number", "title",
                      "actions": [{"number", "action", "progress", "lead", "due_date", "rag"}]}}]
    minutes:        see papers.minute_blocks
    attachments:    [{"type": "document" | "link" | "text", "value": {...}}]

Paragraph text is a plain TextBlock, not rich text, so an imported paper stays as printed;
line breaks are kept when it is shown.
"""

import datetime

from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from papers.indicators.blocks import IndicatorChartBlock

from .numbering import anchor_for
from .printed_blocks import DataTableBlock, MarkedListBlock, PrintedPlanSectionBlock

NUMBER_HELP = (
    "Leave blank to have it numbered for you. Numbers are fixed once the paper is published."
)

RAG_CHOICES = [
    ("on_track", "On track"),
    ("at_risk", "At risk"),
    ("off_track", "Off track"),
    ("done", "Done"),
]


class NumberedValue(blocks.StructValue):
    """A numbered block's value, with the fragment id its number gives it."""

    @property
    def anchor(self) -> str:
        printed = self.get("number") or ""
        return anchor_for(printed) or (slugify(self.get("text")) if self.get("unnumbered") else "")


class SectionValue(blocks.StructValue):
    @property
    def anchor(self) -> str:
        number = self.get("number") or slugify(self.get("heading") or self.get("title") or "")
        return anchor_for(number, prefix="section")


def _number_block(**kwargs):
    return blocks.CharBlock(required=False, max_length=20, help_text=NUMBER_HELP, **kwargs)


# --- Reports ---------------------------------------------------------------------------------


class NumberedParagraphBlock(blocks.StructBlock):
    number = _number_block()
    text = blocks.TextBlock(help_text="The paragraph as written. Line breaks are kept.")

    class Meta:
        icon = "pilcrow"
        label = "Numbered paragraph"
        template = "papers/blocks/numbered_paragraph.html"
        value_class = NumberedValue
        preview_value = {"number": "2.1", "text": "Areas for action are outlined below."}


class SubheadingBlock(blocks.StructBlock):
    number = _number_block()
    text = blocks.CharBlock(max_length=255, help_text="For example: Role of the KCP.")
    unnumbered = blocks.BooleanBlock(required=False, label="Printed without a number")

    class Meta:
        icon = "title"
        label = "Numbered subheading"
        template = "papers/blocks/subheading.html"
        value_class = NumberedValue
        help_text = "A numbered heading; the paragraphs after it are numbered under it (2.2.1)."
        preview_value = {"number": "2.2", "text": "Role of the KCP"}


class LabelBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, help_text="For example: Actions:")

    class Meta:
        icon = "tag"
        label = "Label"
        template = "papers/blocks/label.html"
        help_text = "A short unnumbered heading over the paragraphs that follow."
        preview_value = {"text": "Actions:"}


class UnnumberedParagraphBlock(blocks.StructBlock):
    text = blocks.TextBlock()

    class Meta:
        icon = "doc-full"
        label = "Unnumbered paragraph"
        template = "papers/blocks/unnumbered_paragraph.html"
        preview_value = {"text": "Membership should be kept under regular review."}


class BulletBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    level = blocks.IntegerBlock(
        default=0, min_value=0, max_value=3, help_text="0 for a main point, 1 for a point under it."
    )

    class Meta:
        icon = "list-ul"
        label = "Bullet point"
        template = "papers/blocks/bullet.html"


class BulletListValue(blocks.StructValue):
    @cached_property
    def tree(self) -> list[dict]:
        """The flat list of bullets with levels as nested lists: [{text, children}]."""
        root: list[dict] = []
        stack: list[tuple[int, list]] = [(-1, root)]
        for item in self.get("items") or []:
            level = max(int(item.get("level") or 0), 0)
            while len(stack) > 1 and stack[-1][0] >= level:
                stack.pop()
            node = {"text": item.get("text", ""), "children": []}
            stack[-1][1].append(node)
            stack.append((level, node["children"]))
        return root


class BulletListBlock(blocks.StructBlock):
    items = blocks.ListBlock(BulletBlock())

    class Meta:
        icon = "list-ul"
        label = "Bullet list"
        template = "papers/blocks/bullet_list.html"
        value_class = BulletListValue
        preview_value = {"items": [{"text": "Agendas and papers online", "level": 0}]}


class SectionContentBlock(blocks.StreamBlock):
    paragraph = NumberedParagraphBlock()
    subheading = SubheadingBlock()
    label = LabelBlock()
    text = UnnumberedParagraphBlock()
    bullets = BulletListBlock()
    marked_list = MarkedListBlock()
    table = DataTableBlock()
    indicator_chart = IndicatorChartBlock()

    class Meta:
        icon = "doc-full"
        label = "Section content"


class SectionBlock(blocks.StructBlock):
    number = _number_block()
    heading = blocks.CharBlock(max_length=255, help_text="For example: Introduction.")
    is_unnumbered = blocks.BooleanBlock(required=False, label="Printed without a number")
    content = SectionContentBlock()

    class Meta:
        icon = "doc-full-inverse"
        label = "Section"
        template = "papers/blocks/section.html"
        value_class = SectionValue
        preview_value = {
            "number": "1",
            "heading": "Introduction",
            "content": [{"type": "paragraph", "value": {"number": "1.1", "text": "This report…"}}],
        }


class ReportBodyBlock(blocks.StreamBlock):
    section = SectionBlock()


# --- Attachments: annexes and background papers -------------------------------------------


class AttachedDocumentBlock(blocks.StructBlock):
    reference = blocks.CharBlock(
        required=False, max_length=40, help_text="As the paper refers to it, e.g. Annex A."
    )
    document = DocumentChooserBlock(
        help_text="Upload it to this group's collection so it is shown only when the paper is."
    )
    title = blocks.CharBlock(
        required=False, max_length=255, help_text="Leave blank to use the document's title."
    )

    class Meta:
        icon = "doc-full"
        label = "Document"
        template = "papers/blocks/attached_document.html"


class AttachedLinkBlock(blocks.StructBlock):
    reference = blocks.CharBlock(required=False, max_length=40)
    url = blocks.URLBlock(label="Address (URL)")
    title = blocks.CharBlock(max_length=255)

    class Meta:
        icon = "link"
        label = "Link"
        template = "papers/blocks/attached_link.html"


class AttachedTextBlock(blocks.StructBlock):
    reference = blocks.CharBlock(required=False, max_length=40)
    text = blocks.TextBlock(help_text="As printed, when there is no document to attach.")

    class Meta:
        icon = "doc-empty"
        label = "Text"
        template = "papers/blocks/attached_text.html"


class AttachmentsBlock(blocks.StreamBlock):
    document = AttachedDocumentBlock()
    link = AttachedLinkBlock()
    text = AttachedTextBlock()


# --- Action plans ------------------------------------------------------------------------------


class GlossaryEntryBlock(blocks.StructBlock):
    acronym = blocks.CharBlock(max_length=20, help_text="For example: KCP.")
    expansion = blocks.CharBlock(max_length=255, help_text="Kensington and Chelsea Partnership")

    class Meta:
        icon = "help"
        label = "Acronym"
        template = "papers/blocks/glossary_entry.html"


class GlossaryBlock(blocks.StreamBlock):
    entry = GlossaryEntryBlock()


class ActionPlanRowValue(blocks.StructValue):
    @property
    def rag_label(self) -> str:
        return dict(RAG_CHOICES).get(self.get("rag") or "", "")

    def is_overdue(self, today: datetime.date) -> bool:
        due_on = self.get("due_on")
        return bool(due_on and due_on < today and self.get("rag") != "done")


class ActionRowBlock(blocks.StructBlock):
    """What every row of actions has, in an action plan or a progress report: who leads,
    when it is due (as written) and how it is going. Each kind adds its own columns."""

    lead = blocks.TextBlock(required=False, label="Lead contact or organisation")
    due_date = blocks.CharBlock(
        required=False, max_length=255, help_text="As written, e.g. End March 2005 or Ongoing."
    )
    rag = blocks.ChoiceBlock(choices=RAG_CHOICES, required=False, label="Progress (RAG)")

    class Meta:
        value_class = ActionPlanRowValue


class ActionPlanRowBlock(ActionRowBlock):
    planned_action = blocks.TextBlock(help_text="Start a line with “• ” to make a bullet point.")
    current_situation = blocks.TextBlock(required=False)
    due_on = blocks.DateBlock(
        required=False,
        label="Due by (for sorting)",
        help_text="Worked out from the due date when left blank; clear it to work it out again.",
    )

    class Meta:
        icon = "list-ul"
        label = "Row"
        template = "papers/blocks/action_plan_row.html"
        form_layout = ["planned_action", "current_situation", "lead", "due_date", "rag", "due_on"]


class ActionPlanSectionValue(SectionValue):
    DEFAULT_COLUMNS = (
        "Planned action",
        "Current situation",
        "Lead contact/organisation",
        "Due date",
    )

    @property
    def column_labels(self) -> list[str]:
        printed = [label for label in (self.get("columns") or []) if label]
        return [*printed[:4], *self.DEFAULT_COLUMNS[len(printed[:4]) :]]

    @property
    def has_progress(self) -> bool:
        """Whether any row has a RAG status, so the table needs a Progress column."""
        return any(row.get("rag") for row in self.get("rows") or [])


class ActionPlanSectionBlock(blocks.StructBlock):
    number = _number_block()
    heading = blocks.CharBlock(max_length=255, help_text="For example: Strategic.")
    columns = blocks.ListBlock(
        blocks.CharBlock(max_length=120, label="Column heading"),
        max_num=4,
        help_text="The four column headings as printed. Leave empty for the usual headings.",
    )
    rows = blocks.ListBlock(ActionPlanRowBlock())

    class Meta:
        icon = "table"
        label = "Action plan section"
        template = "papers/blocks/action_plan_section.html"
        value_class = ActionPlanSectionValue


class ActionPlanBodyBlock(blocks.StreamBlock):
    section = ActionPlanSectionBlock()
    printed_section = PrintedPlanSectionBlock()


# --- Progress reports --------------------------------------------------------------------------


class ProgressActionBlock(ActionRowBlock):
    number = blocks.CharBlock(required=False, max_length=20)
    action = blocks.TextBlock()
    progress = blocks.TextBlock(required=False, help_text="What has been done so far.")

    class Meta:
        icon = "tick"
        label = "Action"
        template = "papers/blocks/progress_action.html"
        form_layout = ["number", "action", "progress", "lead", "due_date", "rag"]


class ObjectiveBlock(blocks.StructBlock):
    number = _number_block()
    title = blocks.CharBlock(max_length=255)
    actions = blocks.ListBlock(ProgressActionBlock())
    indicator_charts = blocks.ListBlock(
        IndicatorChartBlock(),
        default=[],
        min_num=0,
        help_text="Optional: indicators that show progress on this objective.",
    )

    class Meta:
        icon = "pick"
        label = "Objective"
        template = "papers/blocks/objective.html"
        value_class = SectionValue


class ProgressReportBodyBlock(blocks.StreamBlock):
    objective = ObjectiveBlock()


# --- Consultations -----------------------------------------------------------------------------
# questions:     [{"type": "free_text" | "choice", "value": {"key", "question", "help_text",
#                  "is_required", "choices": "one per line"}}]
# you said, we did: [{"type": "change", "value": {"you_said", "we_did"}}]


class FreeTextQuestionBlock(blocks.StructBlock):
    key = blocks.CharBlock(
        max_length=40,
        help_text="A short name for this question in the responses and the export, e.g. "
        "priorities. Never change it once people have answered.",
    )
    question = blocks.CharBlock(max_length=300)
    help_text = blocks.CharBlock(max_length=300, required=False)
    is_required = blocks.BooleanBlock(required=False, label="An answer is required")

    class Meta:
        icon = "edit"
        label = "Question answered in words"
        template = "papers/blocks/consultation_question.html"


class ChoiceQuestionBlock(FreeTextQuestionBlock):
    choices = blocks.TextBlock(help_text="One choice per line, as people will read it.")

    class Meta:
        icon = "list-ul"
        label = "Question answered by a choice"
        template = "papers/blocks/consultation_question.html"


class ConsultationQuestionsBlock(blocks.StreamBlock):
    free_text = FreeTextQuestionBlock()
    choice = ChoiceQuestionBlock()


class YouSaidWeDidBlock(blocks.StructBlock):
    you_said = blocks.TextBlock(help_text="What people told us, in a sentence or two.")
    we_did = blocks.TextBlock(help_text="What changed because of it.")

    class Meta:
        icon = "openquote"
        label = "You said, we did"
        template = "papers/blocks/you_said_we_did.html"


class YouSaidWeDidListBlock(blocks.StreamBlock):
    change = YouSaidWeDidBlock()
