"""Group pages: the Steering Group, theme groups, sub-partnerships and Steering Group
sub-groups, each holding its own meetings, papers and content pages, and the index that lists
them."""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models import ContentPage
from home.page_cache import current_generation
from home.seats import current_members
from home.site_chrome import ViewRestrictionsFromMemoryMixin, public_pages_q
from papers.archive import published_papers
from papers.models import MeetingPage

from .news_and_views import NewsAndViewsUpdate

RECENT_PAPERS_SHOWN = 10
PAST_MEETINGS_SHOWN = 10
UPCOMING_MEETINGS_SHOWN = 5
NEWS_AND_VIEWS_SHOWN = 5


class GroupIndexPage(ViewRestrictionsFromMemoryMixin, Page):
    """/theme-groups/: lists every theme group, sub-partnership and sub-group."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["themegroups.GroupPage", "themegroups.LeadOfficersNetworkPage"]
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
        context["groups"] = listed_groups()
        return context


def listed_groups() -> list["GroupPage"]:
    """Every published public group with its next meeting: three queries however many groups
    and meetings there are (the next meeting is a subquery, not a query per group)."""
    now = timezone.now()
    next_meeting = (
        MeetingPage.objects.live()
        .filter(public_pages_q())
        .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1, start__gte=now)
        .order_by("start")
        .values("pk")[:1]
    )
    groups = list(
        GroupPage.objects.live()
        .filter(public_pages_q())
        .annotate(next_meeting_id=Subquery(next_meeting))
        .only("title", "slug", "url_path", "path", "depth", "kind", "purpose")
        .order_by("kind", "title")
    )
    meeting_ids = [group.next_meeting_id for group in groups if group.next_meeting_id]
    meetings = (
        MeetingPage.objects.in_bulk(meeting_ids)
        if meeting_ids
        else {}  # no query when nothing is planned
    )
    for group in groups:
        group.next_meeting = meetings.get(group.next_meeting_id)
    return groups


class GroupPage(ViewRestrictionsFromMemoryMixin, Page):
    """A group of the Partnership. Its meetings, papers and content pages sit below it, so
    page permissions given on it make someone that group's lead officer."""

    parent_page_types = ["home.HomePage", "themegroups.GroupIndexPage"]
    subpage_types = [
        "papers.MeetingPage",
        "papers.ActionPlanPage",
        "papers.ProgressReportPage",
        "papers.ConsultationPage",
        "themegroups.GroupContentPage",
    ]
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
    chair = models.CharField(
        max_length=255, blank=True, help_text="Name and role, e.g. Councillor Jane Doe (Chair)."
    )
    lead_organisation = models.ForeignKey(
        "home.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The partner organisation that leads the group.",
    )
    contact = models.ForeignKey(
        "papers.ContactOfficer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who the public should contact about the group.",
    )
    work_programme_year = models.CharField(
        "year",
        max_length=20,
        blank=True,
        help_text="The year the priorities below are for, e.g. 2009/10.",
    )
    work_programme = models.TextField(
        "work programme",
        blank=True,
        help_text="A short summary of the year's work. List the priorities one by one below.",
    )
    terms_of_reference = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h3"],
        help_text="What the group may decide and how it works.",
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
        MultiFieldPanel(
            [
                FieldPanel("chair"),
                FieldPanel("lead_organisation"),
                InlinePanel("lead_officers", label="Lead officer", heading="Lead officers"),
                FieldPanel("contact"),
            ],
            heading="Who runs the group",
        ),
        InlinePanel(
            "members",
            label="Member",
            heading="Member organisations",
            help_text="Each partner organisation on the group, with its representative. The "
            "Steering Group's members are listed from its seats instead (Steering Group seats "
            "in the menu), so they are not entered here.",
        ),
        InlinePanel("links", label="Link", heading="The group's own websites"),
        FieldPanel("terms_of_reference"),
    ]
    work_programme_panels = [
        FieldPanel("work_programme_year"),
        FieldPanel("work_programme"),
        InlinePanel(
            "priorities",
            label="Priority",
            heading="Priorities for the year",
            help_text="Each priority with its actions, who leads it and when it is due. "
            "The lead officers' network shows every group's priorities side by side.",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(work_programme_panels, heading="Work programme"),
            ObjectList(Page.promote_panels, heading="Promote"),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("purpose"),
        index.SearchField("work_programme"),
    ]

    class Meta:
        verbose_name = "group"

    @property
    def is_steering_group(self) -> bool:
        return self.kind == self.Kind.STEERING_GROUP

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        meetings = (
            MeetingPage.objects.child_of(self)
            .live()
            .filter(public_pages_q())
            .only("title", "slug", "url_path", "path", "depth", "start", "status", "venue_name")
        )
        context["upcoming_meetings"] = meetings.filter(start__gte=now).order_by("start")[
            :UPCOMING_MEETINGS_SHOWN
        ]
        context["past_meetings"] = meetings.filter(start__lt=now).order_by("-start")[
            :PAST_MEETINGS_SHOWN
        ]
        # One query whatever the papers' types, with each one's meeting date as paper_date.
        context["papers"] = (
            published_papers()
            .descendant_of(self)
            .order_by("-first_published_at")
            .only("title", "url_path", "path", "depth", "content_type")[:RECENT_PAPERS_SHOWN]
        )
        # What only this page's revision and the generation change (who runs the group, its
        # members and priorities, its content pages and links) is a cached fragment of the
        # template, keyed on both: these lists are read only when the fragment is rendered.
        context["cache_generation"] = current_generation()
        context["fragment_cache_seconds"] = settings.KCP_FRAGMENT_CACHE_SECONDS
        context["content_pages"] = (
            GroupContentPage.objects.child_of(self)
            .live()
            .filter(public_pages_q())
            .only("title", "slug", "url_path", "path", "depth", "introduction")
        )
        context["lead_officers"] = self.lead_officers.select_related("organisation")
        # Querysets, read only when the cached fragment is rendered again. The Steering Group's
        # members are its seats, kept by officers, not page content.
        if self.is_steering_group:
            members = current_members()
        else:
            members = self.members.select_related("organisation")
        context["members"] = members
        context["members_by_organisation"] = SimpleLazyObject(
            lambda: _by_organisation(list(members))
        )
        context["links"] = self.links.all()
        context["priorities"] = self.priorities.all()
        context["news_and_views"] = (
            NewsAndViewsUpdate.objects.filter(
                group=self,
                approved_at__isnull=False,
                meeting__in=MeetingPage.objects.live().filter(public_pages_q()),
                meeting__start__lt=now,
            )
            .select_related("meeting")
            .order_by("-meeting__start")[:NEWS_AND_VIEWS_SHOWN]
        )
        return context


def _by_organisation(members) -> list[tuple[str, list]]:
    """Members grouped under their organisation's name, in the order first listed."""
    grouped: dict[str, list] = {}
    for member in members:
        name = member.organisation.name if member.organisation else "Other members"
        grouped.setdefault(name, []).append(member)
    return list(grouped.items())


class GroupLeadOfficer(Orderable):
    """A lead officer as the public sees them. Who may edit the group's pages is set apart,
    by officers, in the Lead officers screen."""

    page = ParentalKey(GroupPage, on_delete=models.CASCADE, related_name="lead_officers")
    name = models.CharField(max_length=255)
    job_title = models.CharField(max_length=255, blank=True)
    organisation = models.ForeignKey(
        "home.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("job_title")]),
        FieldPanel("organisation"),
    ]

    def __str__(self) -> str:
        return self.name


class GroupMember(Orderable):
    """A partner organisation on the group, with the person who represents it."""

    page = ParentalKey(GroupPage, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        "home.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    representative = models.CharField(
        max_length=255, blank=True, help_text="For example: Councillor Merrick Cockell."
    )
    role = models.CharField(max_length=120, blank=True, help_text="For example: Chairman.")

    panels = [
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("representative"), FieldPanel("role")]),
    ]

    def __str__(self) -> str:
        return self.representative or str(self.organisation or "")


class GroupLink(Orderable):
    """A link to the group's own website, or a page about it on a partner's site."""

    page = ParentalKey(GroupPage, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(max_length=255, help_text="What the link is, in a few words.")
    url = models.URLField("web address")

    panels = [FieldPanel("title"), FieldPanel("url")]

    def __str__(self) -> str:
        return self.title


class GroupPriority(Orderable):
    """One priority of the group's year: what, the actions, who leads it, when it is due."""

    page = ParentalKey(GroupPage, on_delete=models.CASCADE, related_name="priorities")
    priority = models.CharField(max_length=255)
    actions = models.TextField(blank=True, help_text="One action a line.")
    lead = models.CharField(max_length=255, blank=True, help_text="A person or organisation.")
    due = models.CharField(
        max_length=120, blank=True, help_text="As you would write it: March 2010, or Ongoing."
    )

    panels = [
        FieldPanel("priority"),
        FieldPanel("actions"),
        FieldRowPanel([FieldPanel("lead"), FieldPanel("due")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "priority"
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return self.priority

    @property
    def action_lines(self) -> list[str]:
        return [line.strip(" •-\t") for line in self.actions.splitlines() if line.strip()]


class GroupContentPage(ContentPage):
    """A free content page of a group: about the group, its projects, how to take part."""

    parent_page_types = ["themegroups.GroupPage", "themegroups.GroupContentPage"]
    subpage_types = ["themegroups.GroupContentPage"]
    template = "themegroups/group_content_page.html"

    class Meta:
        verbose_name = "group content page"


class LeadOfficersNetworkPage(ViewRestrictionsFromMemoryMixin, Page):
    """The lead officers' network: every group's priorities for the year side by side, with
    contacts. Only lead officers and Partnership officers may see it; the view restriction is
    kept in step by themegroups.services whenever a group is added."""

    max_count = 1
    parent_page_types = ["themegroups.GroupIndexPage"]
    subpage_types = []
    template = "themegroups/lead_officers_network_page.html"

    introduction = models.TextField(blank=True)

    content_panels = [
        HelpPanel(
            content="Only lead officers and Partnership officers can see this page. The "
            "priorities come from each group's page (its Work programme tab)."
        ),
        *Page.content_panels,
        FieldPanel("introduction"),
    ]

    class Meta:
        verbose_name = "lead officers' network page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = (
            GroupPage.objects.live()
            .select_related("contact", "lead_organisation")
            .prefetch_related(
                Prefetch("priorities", queryset=GroupPriority.objects.order_by("sort_order")),
                Prefetch(
                    "lead_officers",
                    queryset=GroupLeadOfficer.objects.select_related("organisation"),
                ),
            )
            .order_by("kind", "title")
        )
        return context
