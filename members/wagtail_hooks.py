"""Admin wiring of accounts and the wider partnership: the security log; the officers' member
screens and retention report, and the permission policies that keep them to Partnership
officers; and what members adds to the layers below: the personal data of accounts and of
the wider partnership."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from home.extension_points import PERSONAL_DATA

from .admin_views import AuditLogViewSet, MemberViewSet, OfficersOnlyPolicy, ReadOnlyOfficersPolicy
from .audit import SECURITY_ACTIONS
from .models import Member, MemberDataAuditEntry
from .personal_data import AccountData
from .services import data_rights
from .views import SecurityLogView, is_partnership_officer

register_permission_policy(Member, OfficersOnlyPolicy(Member))
register_permission_policy(MemberDataAuditEntry, ReadOnlyOfficersPolicy(MemberDataAuditEntry))


@hooks.register(PERSONAL_DATA)
def account_personal_data() -> AccountData:
    return AccountData()


@hooks.register(PERSONAL_DATA)
def membership_personal_data():
    return data_rights.membership_holder()


@hooks.register(PERSONAL_DATA)
def background_work_personal_data():
    return data_rights.background_work_holder()


@hooks.register(PERSONAL_DATA)
def editing_records_personal_data():
    return data_rights.editing_records_holder()


@hooks.register("register_admin_viewset")
def member_viewsets():
    return [MemberViewSet("member"), AuditLogViewSet("member_audit")]


@hooks.register("register_log_actions")
def register_security_actions(actions):
    for action, label in SECURITY_ACTIONS.items():
        actions.register_action(action, label, label)


@hooks.register("register_admin_urls")
def security_log_urls():
    return [path("security-log/", SecurityLogView.as_view(), name="members_security_log")]


class OfficersMenuItem(MenuItem):
    def is_shown(self, request):
        return is_partnership_officer(request.user)


@hooks.register("register_admin_menu_item")
def security_log_menu_item():
    return OfficersMenuItem(
        "Security log", reverse("members_security_log"), icon_name="warning", order=910
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
