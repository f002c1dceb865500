"""Group pages: the Steering Group, theme groups, sub-partnerships and Steering Group
sub-groups, each holding its own meetings and papers, and the index that lists them."""

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.models import Page
from wagtail.search import index

from papers.models import PAPER_PAGE_MODELS, MeetingPage

RECENT_PAPERS_SHOWN = 10
PAST_MEETINGS_SHOWN = 10
UPCOMING_MEETINGS_SHOWN = 5


class GroupIndexPage(Page):
    """/theme-groups/: lists every theme group, sub-partnership and sub-group."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["themegroups.GroupPage"]
    template = "themegroups/group_index_page.html"

    introduction = models.TextField(
        blank=True, help_text="One or two sentences on how the theme groups fit together."
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        verbose_name = "theme groups index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = (
            GroupPage.objects.child_of(self)
            .live()
            .public()
            .only("title", "slug", "url_path", "path", "depth", "kind", "purpose")
            .order_by("kind", "title")
        )
        return context


class GroupPage(Page):
    """A group of the Partnership. Its meetings and papers sit below it, so page permissions
    given on it make someone that group's lead officer."""

    parent_page_types = ["home.HomePage", "themegroups.GroupIndexPage"]
    subpage_types = ["papers.MeetingPage", "papers.ActionPlanPage", "papers.ProgressReportPage"]
    template = "themegroups/group_page.html"

    class Kind(models.TextChoices):
        STEERING_GROUP = "steering_group", "Steering Group"
        THEME_GROUP = "theme_group", "Theme group"
        SUB_PARTNERSHIP = "sub_partnership", "Sub-partnership"
        STEERING_GROUP_SUB_GROUP = "steering_group_sub_group", "Steering Group sub-group"

    kind = models.CharField(max_length=40, choices=Kind.choices, default=Kind.THEME_GROUP)
    purpose = models.TextField(
        help_text="What the group is for, in a sentence or two. Shown on the group's page and "
        "in the list of groups."
    )

    content_panels = [
        HelpPanel(
            content="The page title is the group's name, e.g. Health and Well-Being "
            "Partnership. Add its meetings as pages below this one; papers go below their "
            "meeting."
        ),
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("purpose"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("purpose")]

    class Meta:
        verbose_name = "group"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        meetings = MeetingPage.objects.child_of(self).live().public()
        context["upcoming_meetings"] = meetings.filter(start__gte=now).order_by("start")[
            :UPCOMING_MEETINGS_SHOWN
        ]
        context["past_meetings"] = meetings.filter(start__lt=now).order_by("-start")[
            :PAST_MEETINGS_SHOWN
        ]
        context["plans"] = (
            Page.objects.child_of(self)
            .live()
            .public()
            .type(*PAPER_PAGE_MODELS)
            .specific()
            .order_by("-first_published_at")[:RECENT_PAPERS_SHOWN]
        )
        return context
