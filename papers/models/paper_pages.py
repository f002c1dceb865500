"""The paper page types: report, action plan and progress report, and what every paper (these,
minutes and consultations) prints about itself (meeting, status, author, contact, annexes,
corrections)."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.extension_points import TakingResponses, consultation_response_panels, paper_extras
from home.site_chrome import ViewRestrictionsFromMemoryMixin
from papers import numbering
from papers.blocks import (
    ActionPlanBodyBlock,
    AttachmentsBlock,
    GlossaryBlock,
    ProgressReportBodyBlock,
    ReportBodyBlock,
)
from papers.governance.blocks import LiveActionsStreamBlock
from papers.groups import SitsUnderGroups
from papers.importer.dates import parse_due_date
from papers.labels import paper_label

from .meetings import MeetingPage
from .postings import PostingSubjects
from .printed_facts import PrintedFacts


class ImportWarningsPanel(HelpPanel):
    """Shows editors what the importer placed with doubt; never shown to the public."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            warnings = getattr(self.instance, "import_warnings", None) or []
            self.content = format_html(
                '<div class="help-block help-warning"><p>The importer was not sure about '
                "these parts of the paper. Check them against the original before you "
                "publish:</p><ul>{}</ul></div>",
                format_html_join("", "<li>{}</li>", ((str(w),) for w in warnings)),
            )

        def is_shown(self):
            return bool(getattr(self.instance, "import_warnings", None))


def _raw(stream_value) -> list:
    """A StreamField value as plain raw data (lists and dicts), every block with an id:
    raw data written by hand or by the importer may come without them."""
    if not stream_value:
        return []
    raw = list(stream_value.stream_block.get_prep_value(stream_value))
    _give_ids(raw)
    return raw


def _give_ids(data) -> None:
    if isinstance(data, list):
        for item in data:
            _give_ids(item)
    elif isinstance(data, dict):
        if "type" in data and "value" in data and not data.get("id"):
            data["id"] = str(uuid.uuid4())
        for value in data.values():
            _give_ids(value)


def _duplicate_error(field: str, duplicates: list[str], what: str) -> ValidationError:
    listed = ", ".join(duplicates)
    plural = "s" if len(duplicates) > 1 else ""
    return ValidationError(
        {
            field: f"{what} number{plural} {listed} used more than once. Give each {what.lower()} "
            "its own number, or clear the number to have it numbered for you."
        }
    )


class PaperPage(ViewRestrictionsFromMemoryMixin, PostingSubjects, Page):
    """What every paper prints about itself. Concrete types add their own body."""

    parent_page_types = ["papers.MeetingPage"]
    subpage_types = []
    is_minutes = False

    class Status(models.TextChoices):
        FOR_APPROVAL = "for_approval", "For approval"
        FOR_INFORMATION = "for_information", "For information"
        FOR_DECISION = "for_decision", "For decision"
        FOR_DISCUSSION = "for_discussion", "For discussion"
        FOR_COMMENT = "for_comment", "For comment"
        FOR_NOTING = "for_noting", "For noting"

    meeting_date = models.DateField(
        null=True, blank=True, help_text="Filled in from the meeting when left blank."
    )
    group_name = models.CharField(
        "group",
        max_length=255,
        blank=True,
        help_text="The group the paper went to. Filled in from the page tree when left blank.",
    )
    status = models.CharField(max_length=30, choices=Status.choices, blank=True)
    status_as_printed = models.CharField(
        max_length=120, blank=True, help_text="Only if the paper words it differently."
    )
    author = models.CharField(
        max_length=255, blank=True, help_text="For example: Report of the Head of Policy."
    )
    purpose = models.TextField(
        blank=True, help_text="The paper's one-sentence summary, e.g. “This paper outlines …”."
    )
    signatory = models.CharField(max_length=255, blank=True)
    signatory_title = models.CharField(max_length=255, blank=True)
    contact_name = models.CharField("name", max_length=255, blank=True)
    contact_job_title = models.CharField("job title", max_length=255, blank=True)
    contact_organisation = models.CharField("organisation", max_length=255, blank=True)
    contact_phone = models.CharField("phone", max_length=60, blank=True)
    contact_email = models.CharField("email", max_length=254, blank=True)
    contact_officer = models.ForeignKey(
        "papers.ContactOfficer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="today's contact",
        help_text="Optional: who to contact about this paper now, if not the person printed.",
    )
    background_papers = StreamField(AttachmentsBlock(), blank=True)
    annexes = StreamField(AttachmentsBlock(), blank=True)
    correction_note = models.TextField(
        "what changed",
        blank=True,
        help_text="Only when correcting a published paper: one sentence on what changed.",
    )
    corrected_on = models.DateField("revised on", null=True, blank=True)
    auto_numbers = models.JSONField(default=dict, blank=True, editable=False)
    import_warnings = models.JSONField(default=list, blank=True, editable=False)
    source_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    header_panels = [
        ImportWarningsPanel(heading="Import warnings"),
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("status_as_printed")]),
                FieldPanel("author"),
                FieldPanel("purpose"),
                FieldRowPanel([FieldPanel("meeting_date"), FieldPanel("group_name")]),
            ],
            heading="About the paper",
        ),
    ]
    footer_panels = [
        FieldRowPanel([FieldPanel("signatory"), FieldPanel("signatory_title")]),
        MultiFieldPanel(
            [
                HelpPanel(
                    content="Copy the contact details exactly as printed, even if the person "
                    "has moved on; choose today's contact below for current enquiries."
                ),
                FieldPanel("contact_name"),
                FieldPanel("contact_job_title"),
                FieldPanel("contact_organisation"),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
                FieldPanel("contact_officer"),
            ],
            heading="Contact officer, as printed",
        ),
        FieldPanel("background_papers"),
        FieldPanel("annexes"),
        MultiFieldPanel(
            [FieldPanel("corrected_on"), FieldPanel("correction_note")],
            heading="Correction",
            help_text="Fill these in when you change a paper after it was published.",
        ),
        *PostingSubjects.posting_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("purpose"),
        index.SearchField("author"),
        # "consultation", "report", "minutes": searching for the kind finds the papers of it.
        index.SearchField("kind_for_search"),
        index.FilterField("meeting_date"),
        index.FilterField("group_name"),
        index.FilterField("status"),
    ]

    class Meta:
        abstract = True

    @property
    def status_label(self) -> str:
        return self.get_status_display() if self.status else self.status_as_printed

    def get_admin_display_title(self) -> str:
        """Pickers and lists in the admin tell papers of the same title apart."""
        return paper_label(self, self.draft_title)

    def kind_for_search(self) -> str:
        return str(self._meta.verbose_name)

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_name or self.contact_email or self.contact_phone)

    @property
    def other_format_subject(self) -> str:
        return f"Request for another format: {self.title}"

    def posting_bundle_page_id(self) -> int | None:
        """The papers of one meeting, published together, go out as one message."""
        parent = self.get_parent()
        return parent.pk if parent is not None and parent.specific_class is MeetingPage else None

    @property
    def are_numbers_frozen(self) -> bool:
        """Once a paper has been published its paragraph numbers never change."""
        return self.first_published_at is not None

    def responses_now(self, now) -> TakingResponses | None:
        """The paper's latest comment period, if it ever had one, as the response form sees
        it (a consultation page answers with itself)."""
        period = self.comment_periods.order_by("-opens_at").first()
        return period.taking_responses(now, page=self) if period else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        taking = self.responses_now(timezone.now())
        context["taking_responses"] = taking
        # Rendered with the request: the form needs its CSRF token.
        panels = consultation_response_panels(taking, request) if taking else []
        context["response_panels"] = [panel.render(request) for panel in panels]
        context.update(paper_extras(self, request))  # e.g. its decision, paragraphs' actions
        return context

    def serve(self, request, *args, **kwargs):
        """A page that takes responses changes with the clock (it opens and closes) and with
        who is asking: never from the page cache (home.page_cache)."""
        response = super().serve(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        if context.get("taking_responses") is not None:
            response["Cache-Control"] = "no-cache"
        return response

    def full_clean(self, *args, **kwargs):
        if self.depth:
            self._copy_from_meeting()
        super().full_clean(*args, **kwargs)

    def _copy_from_meeting(self) -> None:
        if self.meeting_date and self.group_name:
            return
        parent = self.get_parent()
        if parent is None:
            return
        parent = parent.specific
        meeting = parent if isinstance(parent, MeetingPage) else None
        if not self.meeting_date and meeting and meeting.start:
            self.meeting_date = timezone.localtime(meeting.start).date()
        if not self.group_name:
            self.group_name = meeting.get_parent().title if meeting else parent.title

    def clean(self):
        super().clean()
        errors = {}
        if self.corrected_on and not self.correction_note.strip():
            errors["correction_note"] = "Say in a sentence what changed on the revision date."
        if self.correction_note.strip() and not self.corrected_on:
            errors["corrected_on"] = "Give the date the paper was revised."
        if (self.contact_email or self.contact_phone) and not self.contact_name:
            errors["contact_name"] = "Give the contact officer's name as printed in the paper."
        if errors:
            raise ValidationError(errors)

    def _number_stream(self, field_name: str, what: str, *, is_report: bool = False) -> list:
        """Fill in blank numbers of a numbered StreamField (frozen once published), store the
        result on the field, and refuse a number used twice. Returns the numbered raw blocks."""
        number = numbering.number_report if is_report else numbering.number_sequence
        find_duplicates = (
            numbering.report_duplicate_numbers
            if is_report
            else numbering.sequence_duplicate_numbers
        )
        numbered = number(
            _raw(getattr(self, field_name)),
            frozen=self.are_numbers_frozen,
            auto_numbers=self.auto_numbers,
        )
        setattr(self, field_name, numbered.blocks)
        self.auto_numbers = numbered.auto_numbers
        duplicates = find_duplicates(numbered.blocks)
        if duplicates:
            raise _duplicate_error(field_name, duplicates, what)
        return numbered.blocks


class ReportPage(PrintedFacts, PaperPage):
    """A report in numbered sections and paragraphs, as on paper."""

    template = "papers/report_page.html"

    body = StreamField(
        ReportBodyBlock(),
        blank=True,
        help_text="Add a section for each numbered heading. Leave numbers blank to have them "
        "filled in; they are fixed once the paper is published.",
    )

    content_panels = [
        *PaperPage.header_panels,
        *PrintedFacts.printed_fact_panels,
        FieldPanel("body"),
        *PaperPage.footer_panels,
    ]
    search_fields = [*PaperPage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = "report"

    def clean(self):
        super().clean()
        self._number_stream("body", "Paragraph", is_report=True)


class ActionPlanPage(SitsUnderGroups, PaperPage):
    """A plan of actions in tables: what is planned, where it stands, who leads, when it is due."""

    parent_page_types = ["papers.MeetingPage"]  # and the group pages (SitsUnderGroups)
    template = "papers/action_plan_page.html"

    period = models.CharField(max_length=120, blank=True, help_text="For example: 2004/05.")
    glossary = StreamField(
        GlossaryBlock(), blank=True, help_text="The acronyms the plan uses, as printed."
    )
    sections = StreamField(ActionPlanBodyBlock(), blank=True)
    footnotes = models.TextField(
        blank=True, help_text="One footnote per line, starting with its mark, e.g. * See Annex."
    )

    content_panels = [
        *PaperPage.header_panels,
        FieldPanel("period"),
        FieldPanel("glossary"),
        FieldPanel("sections"),
        FieldPanel("footnotes"),
        *PaperPage.footer_panels,
    ]
    search_fields = [*PaperPage.search_fields, index.SearchField("sections")]

    class Meta:
        verbose_name = "action plan"

    @property
    def glossary_terms(self) -> dict[str, str]:
        return {
            entry.value["acronym"]: entry.value["expansion"]
            for entry in self.glossary
            if entry.value.get("acronym")
        }

    @property
    def footnote_lines(self) -> list[str]:
        return [line.strip() for line in self.footnotes.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        sections = self._number_stream("sections", "Section")
        for section in sections:
            for row in section["value"].get("rows") or []:
                cells = row["value"] if "value" in row and "type" in row else row
                if not cells.get("due_on"):
                    due_on = parse_due_date(cells.get("due_date", ""))
                    cells["due_on"] = due_on.isoformat() if due_on else None
        self.sections = sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["glossary_terms"] = self.glossary_terms
        context["acronyms_seen"] = set()
        context["today"] = timezone.localdate()
        return context


class ProgressReportPage(SitsUnderGroups, PaperPage):
    """Progress against a plan: each objective with its actions and what has been done."""

    parent_page_types = ["papers.MeetingPage"]  # and the group pages (SitsUnderGroups)
    template = "papers/progress_report_page.html"

    objectives = StreamField(ProgressReportBodyBlock(), blank=True)
    live_actions = StreamField(
        LiveActionsStreamBlock(),
        blank=True,
        help_text="Optional: the actions of a meeting, a plan or a year, as they stand when "
        "the report is read.",
    )

    content_panels = [
        *PaperPage.header_panels,
        FieldPanel("objectives"),
        FieldPanel("live_actions"),
        *PaperPage.footer_panels,
    ]
    search_fields = [*PaperPage.search_fields, index.SearchField("objectives")]

    class Meta:
        verbose_name = "progress report"

    def clean(self):
        super().clean()
        self._number_stream("objectives", "Objective")
