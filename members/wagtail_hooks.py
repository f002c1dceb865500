"""Wagtail wiring of the members' side: the dashboard panels it gives, the officers' screens
and menu, the pairings admin, audit-log actions and the personal data it holds."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from home.extension_points import (
    DASHBOARD_PANELS_HOOK,
    PERSONAL_DATA_HOOK,
    DashboardPanel,
    PersonalDataHolder,
)
from home.roles import (
    STEERING_GROUP_MEMBERS,
    WIDER_PARTNERSHIP_MEMBERS,
    is_steering_group_member,
    role_names_of,
)

from . import admin_views
from .forms import PairingForm
from .models import (
    InductionIndexPage,
    InductionProgress,
    InductionReminder,
    ModuleCompletion,
    Pairing,
    SkillsAuditAnswers,
)
from .services import induction, shadowing, skills_audit

# --- The dashboard's panels ---------------------------------------------------------------


@hooks.register(DASHBOARD_PANELS_HOOK)
def induction_panel(request):
    if not is_steering_group_member(request):
        return None
    index = InductionIndexPage.objects.live().only("url_path", "title").first()
    return DashboardPanel(
        heading="Your induction",
        template_name="members/panels/induction.html",
        context={"progress": InductionProgress.of(request.user), "index": index},
        order=20,
        slug="induction",
    )


@hooks.register(DASHBOARD_PANELS_HOOK)
def shadowing_panel(request):
    if not is_steering_group_member(request):
        return None
    pairings = list(shadowing.pairings_of(request.user))
    if not pairings:
        return None
    return DashboardPanel(
        heading="Shadowing and meeting members",
        template_name="members/panels/shadowing.html",
        context={"pairings": pairings},
        order=30,
        slug="shadowing",
    )


@hooks.register(DASHBOARD_PANELS_HOOK)
def skills_audit_panel(request):
    if not is_steering_group_member(request):
        return None
    return DashboardPanel(
        heading="Skills and interests audit",
        template_name="members/panels/skills_audit.html",
        context={"answers": skills_audit.answers_of(request.user)},
        order=40,
        slug="skills-audit",
    )


@hooks.register(DASHBOARD_PANELS_HOOK)
def your_account_panel(request):
    """What is theirs, for everyone signed in: the account and the roles it holds."""
    roles = sorted(role_names_of(request) & {STEERING_GROUP_MEMBERS, WIDER_PARTNERSHIP_MEMBERS})
    return DashboardPanel(
        heading="Your account",
        template_name="members/panels/your_account.html",
        context={"roles": roles},
        order=90,
        slug="account",
    )


# --- Officers' screens ------------------------------------------------------------------


@hooks.register("register_admin_urls")
def members_admin_urls():
    return [
        path(
            "induction-progress/",
            admin_views.InductionProgressView.as_view(),
            name="members_induction_progress",
        ),
        path(
            "skills-audit/",
            admin_views.SkillsAuditAnswersView.as_view(),
            name="members_skills_audit_answers",
        ),
        path(
            "skills-audit/export.csv",
            admin_views.SkillsAuditCsvView.as_view(),
            name="members_skills_audit_csv",
        ),
    ]


class OfficersMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.is_partnership_officer(request.user)


@hooks.register("register_admin_menu_item")
def induction_progress_menu_item():
    return OfficersMenuItem(
        "Induction progress",
        reverse("members_induction_progress"),
        icon_name="list-ol",
        order=910,
    )


@hooks.register("register_admin_menu_item")
def skills_audit_menu_item():
    return OfficersMenuItem(
        "Skills audit", reverse("members_skills_audit_answers"), icon_name="table", order=920
    )


class PairingViewSet(ModelViewSet):
    """Officers pair members (the pairing permissions are theirs only)."""

    model = Pairing
    icon = "group"
    menu_label = "Pairings"
    menu_order = 930
    add_to_admin_menu = True
    list_display = ["new_member", "existing_member", "kind", "meeting", "completed_at"]
    add_view_class = admin_views.PairingCreateView

    def get_form_class(self, for_update=False):
        return PairingForm


pairing_viewset = PairingViewSet("pairings")


@hooks.register("register_admin_viewset")
def register_pairing_viewset():
    return pairing_viewset


@hooks.register("register_log_actions")
def register_members_log_actions(actions):
    actions.register_action(
        induction.PROGRESS_VIEWED_ACTION,
        "View induction progress",
        "Induction progress viewed",
    )
    actions.register_action(
        skills_audit.VIEWED_ACTION, "View skills audit answers", "Skills audit answers viewed"
    )
    actions.register_action(
        skills_audit.EXPORTED_ACTION,
        "Export skills audit answers",
        "Skills audit answers exported",
    )
    actions.register_action(
        skills_audit.CHANGED_ACTION, "Change skills audit answers", "Skills audit answers changed"
    )


# --- Personal data ------------------------------------------------------------------------


def _export_induction(user) -> dict:
    return {
        "modules_done": [
            {"module": c.module.title, "completed_at": c.completed_at.isoformat()}
            for c in ModuleCompletion.objects.filter(member=user).select_related("module")
        ],
        "officers_reminded_at": [
            r.sent_at.isoformat() for r in InductionReminder.objects.filter(member=user)
        ],
    }


def _erase_induction(user) -> None:
    ModuleCompletion.objects.filter(member=user).delete()
    InductionReminder.objects.filter(member=user).delete()


def _export_pairings(user) -> list[dict]:
    return [
        {
            "kind": p.get_kind_display(),
            "new_member": str(p.new_member),
            "existing_member": str(p.existing_member),
            "meeting": p.meeting.title if p.meeting else "",
            "arranged_at": p.arranged_at.isoformat(),
            "completed_at": p.completed_at.isoformat() if p.completed_at else "",
        }
        for p in shadowing.pairings_of(user)
    ]


def _erase_pairings(user) -> None:
    shadowing.pairings_of(user).delete()


def _export_skills_audit(user) -> dict:
    answers = skills_audit.answers_of(user)
    if answers is None:
        return {}
    return {
        "expertise": answers.expertise,
        "themes": answers.theme_labels,
        "training": answers.training_labels,
        "updated_at": answers.updated_at.isoformat(),
    }


def _erase_skills_audit(user) -> None:
    SkillsAuditAnswers.objects.filter(member=user).delete()


@hooks.register(PERSONAL_DATA_HOOK)
def induction_personal_data():
    return PersonalDataHolder(
        name="Induction progress",
        models=(ModuleCompletion, InductionReminder),
        export=_export_induction,
        erase=_erase_induction,
    )


@hooks.register(PERSONAL_DATA_HOOK)
def pairings_personal_data():
    return PersonalDataHolder(
        name="Shadowing and meet-a-member pairings",
        models=(Pairing,),
        export=_export_pairings,
        erase=_erase_pairings,
    )


@hooks.register(PERSONAL_DATA_HOOK)
def skills_audit_personal_data():
    return PersonalDataHolder(
        name="Skills and interests audit",
        models=(SkillsAuditAnswers,),
        export=_export_skills_audit,
        erase=_erase_skills_audit,
    )
