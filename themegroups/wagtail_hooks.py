"""Admin wiring of theme groups: the Lead officers screen (officers only) and the News and
Views form (lead officers and officers), with their menu items; and the members' dashboard
panel of the Steering Group's next meetings."""

from django.conf import settings
from django.db.models import Prefetch, Q
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.admin_menu import OfficersMenuItem
from home.extension_points import (
    DASHBOARD_PANELS,
    FRONT_CACHE_LISTINGS,
    MEETING_AGENDA_EXTRAS,
    PERSONAL_DATA,
    AgendaExtra,
    Panel,
)
from home.front_cache import page_path
from home.roles import is_partnership_officer, is_steering_group_member
from papers.models import AgendaItem, MeetingIndexPage
from papers.services import pages_visible_to

from . import services, views
from .models import GroupIndexPage, GroupPage
from .personal_data import NewsAndViewsData


@hooks.register("register_admin_urls")
def theme_group_admin_urls():
    return [
        path("lead-officers/", views.LeadOfficersView.as_view(), name="themegroups_lead_officers"),
        path(
            "lead-officers/<int:page_id>/remove/<int:user_id>/",
            views.RemoveLeadOfficerView.as_view(),
            name="themegroups_remove_lead_officer",
        ),
        path(
            "lead-officers/leaver/<int:user_id>/",
            views.RemoveLeaverView.as_view(),
            name="themegroups_remove_leaver",
        ),
        path(
            "lead-officers/<int:page_id>/trust/",
            views.TrustGroupView.as_view(),
            name="themegroups_trust_group",
        ),
        path(
            "news-and-views/", views.NewsAndViewsView.as_view(), name="themegroups_news_and_views"
        ),
        path(
            "news-and-views/<int:update_id>/approve/",
            views.ApproveNewsAndViewsView.as_view(),
            name="themegroups_approve_news_and_views",
        ),
    ]


class LeadOfficersMenuItem(MenuItem):
    def is_shown(self, request):
        return services.groups_led_by(request.user).exists()


@hooks.register("register_admin_menu_item")
def lead_officers_menu_item():
    return OfficersMenuItem(
        "Lead officers", reverse("themegroups_lead_officers"), icon_name="group", order=900
    )


@hooks.register("register_admin_menu_item")
def news_and_views_menu_item():
    return LeadOfficersMenuItem(
        "News and Views", reverse("themegroups_news_and_views"), icon_name="comment", order=210
    )


@hooks.register("construct_page_chooser_queryset")
def show_lead_officers_only_public_pages_and_their_own(pages, request):
    """The page chooser lists, to anyone but Partnership officers, what the public sees and
    the pages they may edit: never another group's drafts or restricted titles."""
    user = request.user
    if is_partnership_officer(user):
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["add", "change", "publish"]
    )
    public = Page.objects.live().public()
    return pages.filter(Q(pk__in=public.values("pk")) | Q(pk__in=editable.values("pk")))


@hooks.register(MEETING_AGENDA_EXTRAS)
def news_and_views_on_the_agenda(meeting, request) -> AgendaExtra | None:
    """The groups' News and Views updates, with the Steering Group meeting's "News and Views"
    item (or as an item of their own when the agenda has none): one query."""
    updates = services.news_and_views_for_meeting(meeting)
    if not updates:
        return None
    return AgendaExtra(
        item_title="News and Views",
        template_name="themegroups/includes/news_and_views.html",
        context={"updates": updates},
    )


@hooks.register(PERSONAL_DATA)
def news_and_views_personal_data() -> NewsAndViewsData:
    return NewsAndViewsData()


@hooks.register(DASHBOARD_PANELS)
def next_steering_group_meetings_panel(request) -> Panel | None:
    """For Steering Group members: the next meetings with their agenda and papers, restricted
    papers included where the member may see them. Seven queries however many meetings,
    agenda items and papers there are."""
    if not is_steering_group_member(request):
        return None
    meetings = list(
        services.upcoming_steering_group_meetings()
        .filter(live=True)
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("paper").order_by("sort_order"),
            )
        )[: settings.KCP_DASHBOARD_MEETINGS_SHOWN]
    )
    papers = [
        item.paper
        for meeting in meetings
        for item in meeting.agenda_items.all()
        if item.paper_id and not item.is_confidential
    ]
    visible = pages_visible_to(request, [*meetings, *papers])
    meetings = [meeting for meeting in meetings if meeting.pk in visible]
    for meeting in meetings:
        meeting.agenda = list(meeting.agenda_items.all())
        for position, item in enumerate(meeting.agenda, start=1):
            item.display_number = item.number or str(position)
            item.visible_paper = (
                item.paper if item.paper_id in visible and not item.is_confidential else None
            )
    return Panel(
        template_name="themegroups/panels/next_meetings.html",
        context={
            "meetings": meetings,
            "calendar": MeetingIndexPage.objects.live().public().only("url_path").first(),
        },
        order=10,
    )


@hooks.register(FRONT_CACHE_LISTINGS)
def group_index_lists_its_groups(page) -> list[str]:
    if not isinstance(page, GroupPage):
        return []
    return [path for index in GroupIndexPage.objects.live() if (path := page_path(index))]
