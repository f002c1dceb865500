"""Admin wiring of the meeting cycle: the draft agendas (reviewed by the Agenda Planning
Group's workflow), decisions and actions (saved through the services), the publish check on
meetings, the members' dashboard panel and the officers' dashboard of agendas due."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList, PageChooserPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.extension_points import (
    DASHBOARD_PANELS,
    FRONT_CACHE_LISTINGS,
    PAPER_PANELS,
    PARAGRAPH_LINKS,
    PERSONAL_DATA,
    PUBLISH_CHECKS,
    Panel,
    ParagraphLink,
)
from home.roles import is_partnership_officer
from papers.models import MeetingPage, MinutesPage, PaperPage

from . import agendas, registers, reminders, services
from .admin_forms import ActionForm, DecisionForm
from .admin_scoping import OwnGroupsViewSetMixin
from .minutes_admin import MinutesDecisionsView
from .models import Action, Decision, DraftAgenda, PlannedItem
from .personal_data import MeetingCycleData
from .year_report_admin import YearReportView


@hooks.register(PUBLISH_CHECKS)
def agenda_must_be_agreed(page) -> str | None:
    return agendas.reason_not_to_publish(page)


@hooks.register("before_publish_page")
def refuse_meeting_with_agenda_not_agreed(request, page):
    """The same check as at publish(), answered in the admin with what to do."""
    reason = agendas.reason_not_to_publish(page.specific if hasattr(page, "specific") else page)
    if reason is None:
        return None
    messages.error(request, reason)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register(PAPER_PANELS)
def decision_at_the_top_of_the_paper(page, request) -> Panel | None:
    decision = registers.decision_for_paper(page)
    if decision is None:
        return None
    return Panel("governance/includes/paper_decision.html", {"decision": decision}, order=10)


@hooks.register(PARAGRAPH_LINKS)
def actions_and_decisions_under_their_paragraphs(page) -> dict[str, list[ParagraphLink]]:
    """Each paragraph links to the actions and decisions that came from it."""
    tracker, register = reverse("governance_actions"), reverse("governance_decisions")
    links: dict[str, list[ParagraphLink]] = {}
    for anchor, actions in registers.actions_by_paragraph(page).items():
        links[anchor] = [
            ParagraphLink(
                f"Action: {action.text[:80]} ({action.get_status_display().lower()})",
                f"{tracker}#{action.anchor_id}",
            )
            for action in actions
        ]
    for anchor, decisions in registers.decisions_by_paragraph(page).items():
        links.setdefault(anchor, []).extend(
            ParagraphLink(
                f"Decision on {decision.item_title}: {decision.get_outcome_display().lower()}",
                f"{register}#{decision.anchor_id}",
            )
            for decision in decisions
        )
    return links


@hooks.register("register_admin_urls")
def minutes_decisions_urls():
    return [
        path(
            "governance/minutes/<int:minutes_id>/decisions/",
            MinutesDecisionsView.as_view(),
            name="governance_minutes_decisions",
        ),
        path(
            "governance/actions/year-report/",
            YearReportView.as_view(),
            name="governance_year_report",
        ),
    ]


@hooks.register("register_page_header_buttons")
def record_decisions_button(page, user, view_name, next_url=None):
    """On a minutes page in the admin, for whoever may record its meeting's decisions."""
    if page.specific_class is not MinutesPage:
        return
    meeting = MeetingPage.objects.filter(pk=page.get_parent().pk).first()
    if meeting is not None and services.may_record_for(user, meeting):
        yield Button(
            "Record decisions",
            reverse("governance_minutes_decisions", args=[page.pk]),
            icon_name="tick-inverse",
            priority=80,
        )


class DecisionViewSet(OwnGroupsViewSetMixin, SnippetViewSet):
    model = Decision
    icon = "tick-inverse"
    menu_label = "Decisions"
    list_display = ["item_title", "meeting", "outcome", "decided_on"]
    list_filter = ["outcome"]
    search_fields = ["item_title", "wording"]
    edit_handler = ObjectList(
        [
            PageChooserPanel("meeting", "papers.MeetingPage"),
            FieldPanel("item_title"),
            PageChooserPanel("paper"),
            FieldRowPanel([FieldPanel("outcome"), FieldPanel("decided_on")]),
            FieldPanel("wording"),
            FieldRowPanel(
                [PageChooserPanel("minutes", "papers.MinutesPage"), FieldPanel("minute_number")]
            ),
        ],
        base_form_class=DecisionForm,
    )


class ActionViewSet(OwnGroupsViewSetMixin, SnippetViewSet):
    model = Action
    icon = "list-ul"
    menu_label = "Actions"
    list_display = ["__str__", "meeting", "owner", "due_on", "status"]
    list_filter = ["status"]
    search_fields = ["text"]
    edit_handler = ObjectList(
        [
            PageChooserPanel("meeting", "papers.MeetingPage"),
            FieldPanel("text"),
            FieldRowPanel([FieldPanel("owner"), FieldPanel("due_on")]),
            FieldPanel("decision"),
            FieldRowPanel([PageChooserPanel("source_page"), FieldPanel("source_number")]),
            FieldRowPanel([FieldPanel("status"), FieldPanel("dropped_reason")]),
        ],
        base_form_class=ActionForm,
    )


class PlannedItemViewSet(SnippetViewSet):
    model = PlannedItem
    icon = "date"
    menu_label = "Forward plan"
    list_display = ["title", "meeting", "kind", "lead", "paper_due_on"]
    list_filter = ["kind"]
    panels = [
        PageChooserPanel("meeting", "papers.MeetingPage"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("paper_due_on")]),
        FieldPanel("lead"),
        FieldPanel("sort_order"),
    ]


class DraftAgendaViewSet(SnippetViewSet):
    model = DraftAgenda
    icon = "list-ol"
    menu_label = "Draft agendas"
    list_display = ["__str__"]


class MeetingCycleGroup(SnippetViewSetGroup):
    items = (PlannedItemViewSet, DraftAgendaViewSet, DecisionViewSet, ActionViewSet)
    menu_label = "Meeting cycle"
    menu_icon = "tasks"
    menu_order = 250


register_snippet(MeetingCycleGroup)


@hooks.register(DASHBOARD_PANELS)
def my_actions(request) -> Panel | None:
    """An owner's own actions on the members' dashboard: two queries however many."""
    actions = list(services.actions_owned_by(getattr(request, "user", None)))
    if not actions:
        return None
    return Panel("governance/includes/my_actions.html", {"actions": actions}, order=40)


@hooks.register("construct_homepage_panels")
def agendas_due_panel(request, panels):
    if is_partnership_officer(request.user):
        panels.append(AgendasDuePanel())


class AgendasDuePanel(Component):
    """The officers' admin dashboard: draft agendas due and overdue, and the owners of actions
    due or overdue who have no email address, to telephone."""

    name = "kcp_agendas_due"
    order = 60
    template_name = "governance/admin/agendas_due_panel.html"

    def get_context_data(self, parent_context=None):
        return {
            "drafts": agendas.agendas_due(),
            "to_telephone": list(reminders.owners_to_telephone()),
        }


@hooks.register(PERSONAL_DATA)
def meeting_cycle_personal_data():
    return MeetingCycleData()


@hooks.register("register_log_actions")
def governance_log_actions(actions):
    actions.register_action("governance.decision.record", "Decision recorded", "Decision recorded")
    actions.register_action("governance.action.record", "Action recorded", "Action recorded")
    actions.register_action("governance.action.change", "Action changed", "Action changed")
    actions.register_action(
        "governance.action.progress", "Progress posted", "Progress posted on the action"
    )


@hooks.register(FRONT_CACHE_LISTINGS)
def meeting_cycle_listings(page) -> list[str]:
    """A meeting or a paper shows on the forward plan, the decisions register and the action
    tracker (their feeds and calendar too): the cache in front forgets them with it."""
    if not isinstance(page, MeetingPage | PaperPage):
        return []
    return [
        reverse(name)
        for name in (
            "governance_forward_plan",
            "governance_forward_plan_feed",
            "governance_forward_plan_calendar",
            "governance_decisions",
            "governance_decisions_feed",
            "governance_actions",
        )
    ]
