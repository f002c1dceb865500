"""What makes a page type one members hear about (a "posting"): the subjects an editor picks
beyond the group's own interest, and the officer's "tell members about this revision".

This mixin is the one place that says which page types are postings: a page type is one when
it inherits `PostingSubjects` (papers, meetings, events, and consultations when they come).
The members app decides when a page becomes a posting and who hears about it."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import dateformat, timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

SUMMARY_WORDS = 60


def venue_and_address(page) -> str:
    """The venue's name then its address, each line once: an address that starts with the
    venue's name ("The Town Hall, Hornton Street") does not say it twice."""
    venue_name = (getattr(page, "venue_name", "") or "").strip()
    parts = [venue_name] if venue_name else []
    for line in (getattr(page, "venue_address", "") or "").splitlines():
        line = line.strip()
        if line and line.casefold() not in {part.casefold() for part in parts}:
            parts.append(line)
    return ", ".join(parts)


class PostingSubjects(models.Model):
    """Mixed into a page type (before `Page`) to make it a posting. Override
    `is_ready_to_post` and `posting_summary` where the page type needs to."""

    subjects = ParentalManyToManyField(
        "home.Interest",
        blank=True,
        related_name="+",
        help_text="Members who chose the group this sits under hear about it anyway; tick any "
        "other subjects whose members should hear about it too.",
    )
    tell_members_about_revision = models.BooleanField(
        "tell members about this revision",
        default=False,
        help_text="Members hear about a page once, when it is first published. Tick this to "
        "tell them again when you publish this revision.",
    )
    revision_note = models.CharField(
        "what changed",
        max_length=300,
        blank=True,
        help_text="One sentence members will read, e.g. “Section 3 now has this year’s "
        "figures.” Members are told once for each note.",
    )

    # A copy is a new page, posted when first published: the original's "tell members about
    # this revision" is not the copy's, and copied it would tell members again of an old change.
    exclude_fields_in_copy = ["tell_members_about_revision", "revision_note"]

    posting_panels = [
        MultiFieldPanel(
            [
                FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tell_members_about_revision"),
                FieldPanel("revision_note"),
            ],
            heading="Telling members",
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.tell_members_about_revision and not self.revision_note.strip():
            raise ValidationError(
                {
                    "revision_note": "Say in a sentence what changed, so members know why they "
                    "are told again, or untick “tell members about this revision”."
                }
            )

    def is_ready_to_post(self) -> bool:
        """Whether the live page has what members should hear about (a meeting: its agenda)."""
        return True

    def posting_summary(self) -> str:
        """One short paragraph for the alert: when and where (a page with a start and a
        venue: an event), then the page's own summary, in plain text."""
        text = getattr(self, "purpose", "") or self.search_description or ""
        summary = Truncator(strip_tags(str(text)).strip()).words(SUMMARY_WORDS)
        when_and_where = self.posting_when_and_where()
        if not when_and_where:
            return summary
        ending = "" if when_and_where.endswith(".") else "."
        return f"{when_and_where}{ending} {summary}".strip()

    def posting_when_and_where(self) -> str:
        """ "Thursday 7 January 2027, 10.00 a.m., at Kensington Town Hall, Hornton Street, London
        W8 7NX" for a page that has a start and a venue, or ""."""
        start = getattr(self, "start", None)
        if start is None:
            return ""
        when = dateformat.format(timezone.localtime(start), "l j F Y, g.i a")
        return f"{when}, at {where}" if (where := venue_and_address(self)) else when

    def posting_closes_at(self):
        """When comments on the posting close (a consultation's closing time), or None: letters
        tell postal members to comment by then."""
        return None

    def posting_group_page_ids(self) -> list[int]:
        """The pages whose group interest the posting carries: the page and its ancestors
        (a paper's group sits above its meeting)."""
        return [*self.get_ancestors().values_list("pk", flat=True), self.pk]

    def posting_bundle_page_id(self) -> int | None:
        """Postings with the same bundle page, published within a few minutes of each other,
        go out as one message (the papers of one meeting)."""
        return None


def is_posting_type(page) -> bool:
    """Whether members hear about pages of this page's type."""
    return isinstance(page, PostingSubjects)
