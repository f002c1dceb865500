"""Induction for new Steering Group members: the section's index page, its ordered module
pages, and what each member has done of them."""

import datetime
import math
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

# Collection of the induction's documents: only the Steering Group members' group may open
# them (members.induction.services keeps its view restriction).
INDUCTION_COLLECTION_NAME = "Induction (Steering Group only)"
WORDS_READ_PER_MINUTE = 200
MODULE_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class InductionIndexPage(Page):
    """The induction section. Only Steering Group members may see it or anything below it:
    its view restriction is put back whenever the page is saved."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["members.InductionModulePage"]
    template = "members/induction_index_page.html"

    introduction = models.TextField(
        blank=True, help_text="A sentence or two welcoming new members to the induction."
    )

    content_panels = [
        HelpPanel(
            content="Only Steering Group members can see the induction. Add each module as a "
            "page below this one, in the order members should read them."
        ),
        *Page.content_panels,
        FieldPanel("introduction"),
    ]

    class Meta:
        verbose_name = "induction section"

    def get_sitemap_urls(self, request=None):
        return []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["progress"] = InductionProgress.of(request.user)
        return context


class InductionModulePage(Page):
    """One module of the induction: text to read, documents, and an estimated reading time.
    Members mark it done; if it changes after that, they see it has been updated."""

    parent_page_types = ["members.InductionIndexPage"]
    subpage_types = []
    template = "members/induction_module_page.html"

    summary = models.TextField(
        help_text="One or two sentences saying what the module covers. Shown in the list of "
        "modules."
    )
    body = RichTextField(
        features=MODULE_TEXT_FEATURES,
        help_text="What the member should read. Link documents from the Induction collection "
        "only: others may be open to everyone.",
    )
    reading_minutes = models.PositiveIntegerField(
        "estimated reading time (minutes)",
        default=1,
        editable=False,
        help_text="Worked out from the length of the text when the page is saved.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel(
            "documents",
            label="Document",
            heading="Documents to read",
            help_text="Each document must be in the “Induction (Steering Group only)” "
            "collection, so that nobody outside the Steering Group can open it.",
        ),
    ]

    class Meta:
        verbose_name = "induction module"

    def get_sitemap_urls(self, request=None):
        return []

    def save(self, *args, **kwargs):
        self.reading_minutes = estimated_reading_minutes(f"{self.summary} {self.body}")
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        progress = InductionProgress.of(request.user)
        context["progress"] = progress
        context["module_state"] = progress.state_of(self.pk)
        context["previous_module"], context["next_module"] = progress.neighbours_of(self.pk)
        context["documents"] = self.documents.select_related("document")
        return context


def estimated_reading_minutes(html: str) -> int:
    """Minutes to read the text at an unhurried 200 words a minute, at least one."""
    words = len(re.findall(r"\w+", strip_tags(html or "")))
    return max(1, math.ceil(words / WORDS_READ_PER_MINUTE))


class InductionDocument(Orderable):
    page = ParentalKey(InductionModulePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    description = models.CharField(
        max_length=255, blank=True, help_text="Optional: what the document is, in a few words."
    )

    panels = [FieldPanel("document"), FieldPanel("description")]

    def clean(self):
        super().clean()
        document = self.document if self.document_id else None
        if document and document.collection.name != INDUCTION_COLLECTION_NAME:
            raise ValidationError(
                {
                    "document": f"“{document.title}” is in the {document.collection.name} "
                    f"collection, which others can open. Move it to the "
                    f"“{INDUCTION_COLLECTION_NAME}” collection first, then choose it here."
                }
            )


class ModuleCompletion(models.Model):
    """A member's record that they finished a module, and when."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="induction_completions"
    )
    module = models.ForeignKey(
        InductionModulePage, on_delete=models.CASCADE, related_name="completions"
    )
    completed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "module"], name="one_completion_a_module")
        ]

    def __str__(self) -> str:
        return f"{self.member} finished {self.module}"


class InductionReminder(models.Model):
    """Officers were told this member had not started the induction: told once only."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="induction_reminder"
    )
    sent_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Reminder about {self.member}"


@dataclass(frozen=True)
class ModuleState:
    """Where a member stands with one module."""

    module: InductionModulePage
    completed_at: datetime.datetime | None

    @property
    def is_done(self) -> bool:
        return self.completed_at is not None

    @property
    def is_updated_since_done(self) -> bool:
        """Published again after the member finished it: worth reading again."""
        published = self.module.last_published_at
        return self.is_done and published is not None and published > self.completed_at


@dataclass(frozen=True)
class InductionProgress:
    """A member's progress through the live modules, in their order. Two queries however
    many modules there are."""

    states: tuple[ModuleState, ...]

    @classmethod
    def of(cls, member) -> "InductionProgress":
        modules = list(
            InductionModulePage.objects.live()
            .only(
                "title",
                "slug",
                "url_path",
                "path",
                "depth",
                "summary",
                "reading_minutes",
                "last_published_at",
            )
            .order_by("path")
        )
        done = {}
        if member.is_authenticated and modules:
            done = dict(
                ModuleCompletion.objects.filter(member=member).values_list(
                    "module_id", "completed_at"
                )
            )
        return cls(tuple(ModuleState(module, done.get(module.pk)) for module in modules))

    @property
    def total(self) -> int:
        return len(self.states)

    @property
    def done_count(self) -> int:
        return sum(state.is_done for state in self.states)

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / self.total) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return bool(self.total) and self.done_count == self.total

    @property
    def minutes_left(self) -> int:
        return sum(state.module.reading_minutes for state in self.states if not state.is_done)

    @property
    def next_state(self) -> ModuleState | None:
        """The first module not yet done, or the first updated since it was done."""
        for state in self.states:
            if not state.is_done or state.is_updated_since_done:
                return state
        return None

    def state_of(self, module_id: int) -> ModuleState | None:
        return next((s for s in self.states if s.module.pk == module_id), None)

    def neighbours_of(self, module_id: int):
        modules = [state.module for state in self.states]
        ids = [module.pk for module in modules]
        if module_id not in ids:
            return None, None
        index = ids.index(module_id)
        previous = modules[index - 1] if index > 0 else None
        following = modules[index + 1] if index + 1 < len(modules) else None
        return previous, following


DEFAULT_EXPECTATIONS = {
    "shadowing": "Meet 15 minutes before the meeting starts. The existing member explains the "
    "agenda and papers, who is who around the table, and how decisions are taken; afterwards, "
    "talk over what happened and any questions.",
    "conversation": "Meet for half an hour or so, outside a Steering Group meeting, in person "
    "or by phone: what the Partnership does, how members prepare for meetings, and anything "
    "the new member would like to ask.",
}


class Pairing(models.Model):
    class Kind(models.TextChoices):
        SHADOWING = "shadowing", "Shadowing at a meeting"
        CONVERSATION = "conversation", "A conversation outside meetings"

    new_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pairings_as_new_member",
        help_text="The new Steering Group member.",
    )
    existing_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pairings_as_existing_member",
        help_text="An existing Steering Group member who will show them the ropes.",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SHADOWING)
    meeting = models.ForeignKey(
        "papers.MeetingPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For shadowing: the meeting the new member will attend with them.",
    )
    expectations = models.TextField(
        "what is expected",
        blank=True,
        help_text="Sent to both in the introduction email. Leave blank for the usual text.",
    )
    arranged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    arranged_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-arranged_at"]
        verbose_name = "shadowing or meet-a-member pairing"

    def __str__(self) -> str:
        return f"{self.new_member} with {self.existing_member} ({self.get_kind_display()})"

    @property
    def is_done(self) -> bool:
        return self.completed_at is not None

    @property
    def what_is_expected(self) -> str:
        return self.expectations or DEFAULT_EXPECTATIONS[self.kind]

    def other_than(self, user):
        return self.existing_member if user.pk == self.new_member_id else self.new_member


class CommunityStrategyTheme(models.TextChoices):
    HEALTH = "health", "Health and well-being"
    CHILDREN = "children", "Children, young people and families"
    LEARNING = "learning", "Learning, work and business"
    SAFETY = "safety", "Community safety"
    HOUSING = "housing", "Homes and housing"
    ENVIRONMENT = "environment", "Environment and transport"
    CULTURE = "culture", "Culture, arts and leisure"
    COMMUNITY = "community", "The voluntary and community sector"


class TrainingTopic(models.TextChoices):
    EQUALITIES = "equalities", "Equalities"
    DISABILITY = "disability", "Disability awareness"
    SUSTAINABILITY = "sustainability", "Sustainable development"
    FINANCE = "finance", "Reading budgets and performance reports"
    CHAIRING = "chairing", "Chairing and contributing to meetings"


class SkillsAuditAnswers(models.Model):
    """One member's answers; they may change them at any time. Personal data: shown only to
    the member and to Partnership officers, exported and erased with the member's data."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skills_audit"
    )
    expertise = models.TextField(
        "areas of expertise",
        help_text="What you know well from your work or life: for example housing law, "
        "running a charity, public health, budgets.",
    )
    themes = models.JSONField(
        "Community Strategy themes you are most interested in", default=list, blank=True
    )
    training = models.JSONField("training you would like", default=list, blank=True)
    other_training = models.CharField("other training you would like", max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "skills and interests audit answers"
        verbose_name_plural = "skills and interests audit answers"

    def __str__(self) -> str:
        return f"Skills and interests of {self.member}"

    @property
    def theme_labels(self) -> list[str]:
        labels = dict(CommunityStrategyTheme.choices)
        return [labels[value] for value in self.themes if value in labels]

    @property
    def training_labels(self) -> list[str]:
        labels = dict(TrainingTopic.choices)
        chosen = [labels[value] for value in self.training if value in labels]
        return [*chosen, self.other_training] if self.other_training else chosen
