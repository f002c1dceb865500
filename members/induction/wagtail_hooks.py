"""What the induction adds: its dashboard panels, the officers' screens and menu items, the
pairings admin, its log actions and its personal data."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from home.admin_menu import OfficersMenuItem
from home.extension_points import (
    DASHBOARD_PANELS,
    PERSONAL_DATA,
    Panel,
)
from home.roles import (
    is_steering_group_member,
)
from members.induction import officer_views as induction_officer_views
from members.induction import shadowing, skills_audit
from members.induction.forms import PairingForm
from members.induction.personal_data import InductionData, PairingsData, SkillsAuditData
from members.models import (
    InductionIndexPage,
    InductionProgress,
    Pairing,
)


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


@hooks.register("register_admin_urls")
def members_admin_urls():
    return [
        path(
            "induction-progress/",
            induction_officer_views.InductionProgressView.as_view(),
            name="members_induction_progress",
        ),
        path(
            "skills-audit/",
            induction_officer_views.SkillsAuditAnswersView.as_view(),
            name="members_skills_audit_answers",
        ),
        path(
            "skills-audit/export.csv",
            induction_officer_views.SkillsAuditCsvView.as_view(),
            name="members_skills_audit_csv",
        ),
    ]


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
    add_view_class = induction_officer_views.PairingCreateView

    def get_form_class(self, for_update=False):
        return PairingForm


pairing_viewset = PairingViewSet("pairings")


@hooks.register("register_admin_viewset")
def register_pairing_viewset():
    return pairing_viewset


@hooks.register(PERSONAL_DATA)
def induction_personal_data() -> InductionData:
    return InductionData()


@hooks.register(PERSONAL_DATA)
def pairings_personal_data() -> PairingsData:
    return PairingsData()


@hooks.register(PERSONAL_DATA)
def skills_audit_personal_data() -> SkillsAuditData:
    return SkillsAuditData()
