"""The listing pages over the whole tree: the papers archive (/papers/) and the meetings
calendar (/meetings/). Their papers and meetings stay where they sit; these pages only list."""

from django.core.paginator import Paginator
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.models import Page
from wagtail.search import index

from home.site_chrome import ViewRestrictionsFromMemoryMixin
from papers import meeting_calendar
from papers.archive import archive_listing, group_slug_asked_for
from papers.groups import GroupChooserPanel, public_groups

UPCOMING_MEETINGS_SHOWN = 25
PAST_MEETINGS_PER_PAGE = 25


class PaperArchivePage(ViewRestrictionsFromMemoryMixin, Page):
    """Every published public paper, filtered by year, group, status and kind, and searched."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "papers/paper_archive_page.html"

    introduction = models.TextField(
        blank=True, help_text="One or two sentences on what the archive holds."
    )

    content_panels = [
        HelpPanel(
            content="This page lists every published paper automatically, wherever it sits. "
            "Papers restricted to members and unpublished drafts are never listed."
        ),
        *Page.content_panels,
        FieldPanel("introduction"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        verbose_name = "papers archive"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["archive"] = archive_listing(request.GET)
        return context

    def serve(self, request, *args, **kwargs):
        """A list of consultations by status changes with the clock, not with publishing:
        never from the page cache (home.page_cache)."""
        response = super().serve(request, *args, **kwargs)
        if request.GET.get("consultation"):
            response["Cache-Control"] = "no-cache"
        return response


class MeetingIndexPage(ViewRestrictionsFromMemoryMixin, Page):
    """Every group's meetings, the forward programme and the away-from-Town-Hall measure."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "papers/meeting_index_page.html"

    introduction = models.TextField(
        blank=True, help_text="One or two sentences on the Partnership's meetings."
    )
    forward_programme_group = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="forward programme of",
        help_text="The group whose coming meetings and planned agenda items are shown as the "
        "forward programme: usually the Steering Group.",
    )

    content_panels = [
        HelpPanel(
            content="Meetings are listed automatically from each group's meeting pages. "
            "Tick “away from the Town Hall” on a meeting to count it towards the 50% target."
        ),
        *Page.content_panels,
        FieldPanel("introduction"),
        GroupChooserPanel("forward_programme_group"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        verbose_name = "meetings calendar"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = list(public_groups())
        slug = group_slug_asked_for(request.GET)
        group = next((g for g in groups if g.slug == slug), None)
        meetings = meeting_calendar.published_meetings(group)
        past = Paginator(meeting_calendar.past_meetings(meetings), PAST_MEETINGS_PER_PAGE)
        forward_group = self._forward_programme_group(groups)
        show_programme = forward_group is not None and group in (None, forward_group)
        context.update(
            groups=groups,
            group=group,
            is_unknown_group=bool(slug) and group is None,
            upcoming=list(meeting_calendar.upcoming_meetings(meetings)[:UPCOMING_MEETINGS_SHOWN]),
            past=past.get_page(request.GET.get("page")),
            away_years=meeting_calendar.away_from_town_hall_by_year(meetings),
            away_target=meeting_calendar.AWAY_TARGET_PERCENT,
            forward_group=forward_group,
            forward_programme=(
                meeting_calendar.forward_programme(forward_group) if show_programme else []
            ),
        )
        return context

    def _forward_programme_group(self, groups: list[Page]) -> Page | None:
        """The chosen group, if it is live and public (so among the groups listed)."""
        return next((g for g in groups if g.pk == self.forward_programme_group_id), None)
