"""Consultations (a page type: what is asked, of whom, until when, the questions and the
results) and comment periods on published papers (a record of their own, so opening a paper
for comments republishes nothing). The responses live in members; a page reaches its response
form through the kcp_consultation_response hook (home.extension_points)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.extension_points import TakingResponses
from papers.blocks import AttachmentsBlock, ConsultationQuestionsBlock, YouSaidWeDidListBlock
from papers.consultations import COMMENT_QUESTIONS, ConsultationStatus, status_at
from papers.groups import SitsUnderGroups

from .paper_pages import PaperPage

QUESTION_KEY_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789_-"


def questions_as_dicts(questions) -> tuple[dict, ...]:
    """The questions as plain data: type, key, question, help text, whether required and,
    for a choice, its choices."""
    found = []
    for block in questions:
        value = block.value
        found.append(
            {
                "type": block.block_type,
                "key": value.get("key", ""),
                "question": value.get("question", ""),
                "help_text": value.get("help_text", ""),
                "is_required": bool(value.get("is_required")),
                "choices": [
                    line.strip()
                    for line in (value.get("choices") or "").splitlines()
                    if line.strip()
                ],
            }
        )
    return tuple(found)


class ConsultationPage(SitsUnderGroups, PaperPage):
    """A consultation of a group or the Steering Group: what is being asked and why, who it is
    for, when it opens and closes, its documents and questions, how to reply by post or
    telephone, and — once closed — a summary of responses and "you said, we did"."""

    parent_page_types = []  # the group pages (SitsUnderGroups)
    subpage_types = []
    template = "papers/consultation_page.html"

    audience = models.TextField(
        "who it is for",
        help_text="For example: residents, voluntary groups and partner agencies in the borough.",
    )
    opens_at = models.DateTimeField("opens", help_text="Responses are taken from this moment.")
    closes_at = models.DateTimeField("closes", help_text="…until this moment.")
    background = RichTextField(
        "what we are asking and why",
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        blank=True,
    )
    documents = StreamField(AttachmentsBlock(), blank=True)
    questions = StreamField(
        ConsultationQuestionsBlock(),
        help_text="What people answer online; officers record letters and calls against the "
        "same questions.",
    )
    reply_by_post = models.TextField(
        "address for replies by post", blank=True, help_text="The full address, with postcode."
    )
    reply_by_telephone = models.CharField("telephone for replies", max_length=60, blank=True)
    allows_non_members = models.BooleanField(
        "anyone may respond",
        default=False,
        help_text="Tick to take responses from people who are not members, once they have "
        "confirmed their email address. Members can always respond.",
    )
    results_summary = RichTextField(
        "summary of responses", features=["h3", "bold", "italic", "link", "ol", "ul"], blank=True
    )
    you_said_we_did = StreamField(YouSaidWeDidListBlock(), blank=True)
    results_published_at = models.DateTimeField(
        "publish the results on",
        null=True,
        blank=True,
        help_text="Leave blank until the summary is ready. The results show from this moment "
        "(and never before the consultation closes).",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("purpose"),
                FieldPanel("audience"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("allows_non_members"),
            ],
            heading="About the consultation",
        ),
        FieldPanel("background"),
        FieldPanel("documents"),
        FieldPanel("questions"),
        MultiFieldPanel(
            [FieldPanel("reply_by_post"), FieldPanel("reply_by_telephone")],
            heading="Replying by post or telephone",
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    content="The responses are in Consultation responses, in the menu; "
                    "they are never published. Write the summary and what changed here."
                ),
                FieldPanel("results_summary"),
                FieldPanel("you_said_we_did"),
                FieldPanel("results_published_at"),
            ],
            heading="Results",
        ),
        *PaperPage.footer_panels,
    ]
    search_fields = [
        *PaperPage.search_fields,
        index.SearchField("audience"),
        index.SearchField("background"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
    ]

    class Meta:
        verbose_name = "consultation"

    def status_at(self, now) -> ConsultationStatus:
        return status_at(self.opens_at, self.closes_at, now, self.results_published_at)

    def taking_responses(self, now) -> TakingResponses:
        return TakingResponses(
            page=self,
            status=str(self.status_at(now)),
            opens_at=self.opens_at,
            closes_at=self.closes_at,
            questions=questions_as_dicts(self.questions),
            allows_non_members=self.allows_non_members,
            is_comment_period=False,
        )

    def responses_now(self, now) -> TakingResponses:
        return self.taking_responses(now)

    def posting_closes_at(self):
        return self.closes_at

    def posting_summary(self) -> str:
        """What an email alert says of a consultation (a posting, through PaperPage): what is
        asked, and until when."""
        closes = timezone.localtime(self.closes_at)
        return f"{self.purpose} Responses close on {closes:%-d %B %Y at %-I:%M %p}.".strip()

    def full_clean(self, *args, **kwargs):
        if not self.status:
            self.status = PaperPage.Status.FOR_COMMENT
        if not self.meeting_date and self.opens_at:
            self.meeting_date = timezone.localtime(self.opens_at).date()
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = "The consultation must close after it opens: check the dates."
        if (
            self.results_published_at
            and self.closes_at
            and self.results_published_at < self.closes_at
        ):
            errors["results_published_at"] = (
                "Results can only be published once the consultation has closed: choose a "
                "moment after the closing date."
            )
        keys = [question["key"] for question in questions_as_dicts(self.questions or [])]
        if any(not key or set(key) - set(QUESTION_KEY_CHARACTERS) for key in keys):
            errors["questions"] = (
                "Give each question a short name of lower-case letters, digits, - or _, "
                "e.g. priorities."
            )
        elif len(set(keys)) != len(keys):
            errors["questions"] = "Give each question a short name of its own: two share one."
        for question in questions_as_dicts(self.questions or []):
            if question["type"] == "choice" and len(question["choices"]) < 2:
                errors["questions"] = (
                    f"The question “{question['question']}” needs at least two choices, "
                    "one per line."
                )
        if errors:
            raise ValidationError(errors)


class CommentPeriod(models.Model):
    """A published paper open for comments, from `opens_at` until `closes_at`. Who opened it
    is in Wagtail's audit log (kcp.comment_period_opened)."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="comment_periods")
    opens_at = models.DateTimeField(default=timezone.now)
    closes_at = models.DateTimeField()

    class Meta:
        ordering = ["-opens_at"]

    def __str__(self) -> str:
        return f"Comments on {self.page.title} until {timezone.localtime(self.closes_at):%-d %B %Y}"

    def status_at(self, now) -> ConsultationStatus:
        return status_at(self.opens_at, self.closes_at, now)

    def taking_responses(self, now, page: Page | None = None) -> TakingResponses:
        return TakingResponses(
            page=page or self.page,
            status=str(self.status_at(now)),
            opens_at=self.opens_at,
            closes_at=self.closes_at,
            questions=COMMENT_QUESTIONS,
            allows_non_members=False,
            is_comment_period=True,
        )
