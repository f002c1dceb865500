"""What members adds to the layers below and to the admin: its dashboard panels, the personal
data it holds (accounts, the wider partnership, induction, pairings, the skills audit), the
officers' screens and menu (member records and their retention report and audit log, the
security log among them), the permission policies that keep member data to Partnership
officers, the pairings admin and audit-log actions."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from home.admin_menu import OfficersMenuItem
from home.extension_points import (
    DASHBOARD_PANELS,
    EMAIL_OUTCOMES,
    EMAIL_SEND_CHECKS,
    PERSONAL_DATA,
    Panel,
)
from home.roles import (
    STEERING_GROUP_MEMBERS,
    WIDER_PARTNERSHIP_MEMBERS,
    is_steering_group_member,
    role_names_of,
)

from . import admin_views
from .admin_views import AuditLogViewSet, MemberViewSet, OfficersOnlyPolicy, ReadOnlyOfficersPolicy
from .audit import SECURITY_ACTIONS
from .forms import PairingForm
from .models import InductionIndexPage, InductionProgress, Member, MemberDataAuditEntry, Pairing
from .personal_data import (
    AccountData,
    AttendanceData,
    InductionData,
    PairingsData,
    SkillsAuditData,
)
from .postal import personal_data as postal_personal_data
from .services import alerts, attendance, data_rights, induction, shadowing, skills_audit

# --- The dashboard's panels ---------------------------------------------------------------


@hooks.register(DASHBOARD_PANELS)
def induction_panel(request) -> Panel | None:
    if not is_steering_group_member(request):
        return None
    index = InductionIndexPage.objects.live().only("url_path", "title").first()
    return Panel(
        template_name="members/panels/induction.html",
        context={"progress": InductionProgress.of(request.user), "index": index},
        order=20,
    )


@hooks.register(DASHBOARD_PANELS)
def shadowing_panel(request) -> Panel | None:
    if not is_steering_group_member(request):
        return None
    pairings = list(shadowing.pairings_of(request.user))
    if not pairings:
        return None
    return Panel(
        template_name="members/panels/shadowing.html",
        context={"pairings": pairings},
        order=30,
    )


@hooks.register(DASHBOARD_PANELS)
def skills_audit_panel(request) -> Panel | None:
    if not is_steering_group_member(request):
        return None
    return Panel(
        template_name="members/panels/skills_audit.html",
        context={"answers": skills_audit.answers_of(request.user)},
        order=40,
    )


@hooks.register(DASHBOARD_PANELS)
def attendance_panel(request) -> Panel | None:
    """A Steering Group member's own attendance this municipal year (constant queries)."""
    if not is_steering_group_member(request):
        return None
    return Panel(
        template_name="members/panels/attendance.html",
        context={
            "figures": attendance.record_of(request.user),
            "year": attendance.MunicipalYear.current(),
        },
        order=35,
    )


@hooks.register(DASHBOARD_PANELS)
def your_account_panel(request) -> Panel | None:
    """What is theirs, for everyone signed in: the account and the roles it holds."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    roles = sorted(role_names_of(request) & {STEERING_GROUP_MEMBERS, WIDER_PARTNERSHIP_MEMBERS})
    return Panel(
        template_name="members/panels/your_account.html",
        context={"roles": roles},
        order=90,
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


@hooks.register("register_admin_menu_item")
def postal_mailing_menu_item():
    return OfficersMenuItem(
        "Postal mailing", reverse("members_postal_mailing"), icon_name="mail", order=855
    )


@hooks.register("register_admin_menu_item")
def induction_progress_menu_item():
    return OfficersMenuItem(
        "Induction progress",
        reverse("members_induction_progress"),
        icon_name="list-ol",
        order=910,
    )


@hooks.register("register_admin_menu_item")
def attendance_menu_item():
    return OfficersMenuItem(
        "Steering Group attendance", reverse("members_attendance"), icon_name="tasks", order=915
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


@hooks.register(PERSONAL_DATA)
def account_personal_data() -> AccountData:
    return AccountData()


@hooks.register(PERSONAL_DATA)
def induction_personal_data() -> InductionData:
    return InductionData()


@hooks.register(PERSONAL_DATA)
def pairings_personal_data() -> PairingsData:
    return PairingsData()


@hooks.register(PERSONAL_DATA)
def skills_audit_personal_data() -> SkillsAuditData:
    return SkillsAuditData()


@hooks.register(PERSONAL_DATA)
def attendance_personal_data() -> AttendanceData:
    return AttendanceData()


@hooks.register(PERSONAL_DATA)
def membership_personal_data():
    return data_rights.membership_holder()


@hooks.register(PERSONAL_DATA)
def postal_letters_personal_data():
    return postal_personal_data.postal_letters_holder()


@hooks.register(PERSONAL_DATA)
def background_work_personal_data():
    return data_rights.background_work_holder()


@hooks.register(PERSONAL_DATA)
def editing_records_personal_data():
    return data_rights.editing_records_holder()


@hooks.register("register_admin_viewset")
def member_viewsets():
    return [MemberViewSet("member"), AuditLogViewSet("member_audit")]


# Member records and their audit log: Partnership officers only (see admin_views).
register_permission_policy(Member, OfficersOnlyPolicy(Member))
register_permission_policy(MemberDataAuditEntry, ReadOnlyOfficersPolicy(MemberDataAuditEntry))


@hooks.register("register_log_actions")
def register_security_actions(actions):
    for action, label in SECURITY_ACTIONS.items():
        actions.register_action(action, label, label)


@hooks.register("register_admin_urls")
def security_log_urls():
    return [
        path("security-log/", admin_views.SecurityLogView.as_view(), name="members_security_log")
    ]


@hooks.register("register_admin_menu_item")
def security_log_menu_item():
    return OfficersMenuItem(
        "Security log", reverse("members_security_log"), icon_name="warning", order=940
    )


@hooks.register("register_admin_menu_item")
def retention_report_menu_item():
    return OfficersMenuItem(
        "Member retention", reverse("member:retention"), icon_name="time", order=860
    )


@hooks.register("register_admin_menu_item")
def audit_log_menu_item():
    return OfficersMenuItem(
        "Member data audit log", reverse("member_audit:index"), icon_name="list-ul", order=870
    )


# --- Alerts -----------------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def alerts_admin_urls():
    return [path("alerts-sent/", admin_views.AlertsSentView.as_view(), name="members_alerts_sent")]


@hooks.register("register_admin_menu_item")
def alerts_sent_menu_item():
    return OfficersMenuItem(
        "Alerts sent", reverse("members_alerts_sent"), icon_name="mail", order=855
    )


@hooks.register(EMAIL_SEND_CHECKS)
def alert_still_for_its_reader(email) -> str | None:
    return alerts.reason_not_to_send(email)


@hooks.register(EMAIL_OUTCOMES)
def alert_outcome(email) -> None:
    alerts.record_email_outcome(email)
