"""What the audit domain adds: the security log's screen, menu item and Wagtail log actions,
and the members app's actions on the one personal data audit trail (home.audit)."""

from django.urls import path, reverse
from wagtail import hooks

from home.admin_menu import OfficersMenuItem
from home.extension_points import AUDIT_ACTIONS
from members.audit import officer_views as audit_officer_views
from members.audit.actions import Action
from members.audit.security import SECURITY_ACTIONS


@hooks.register("register_log_actions")
def register_security_actions(actions):
    for action, label in SECURITY_ACTIONS.items():
        actions.register_action(action, label, label)


@hooks.register("register_admin_urls")
def security_log_urls():
    return [
        path(
            "security-log/",
            audit_officer_views.SecurityLogView.as_view(),
            name="members_security_log",
        )
    ]


@hooks.register("register_admin_menu_item")
def security_log_menu_item():
    return OfficersMenuItem(
        "Security log", reverse("members_security_log"), icon_name="warning", order=940
    )


@hooks.register(AUDIT_ACTIONS)
def members_audit_actions() -> dict[str, str]:
    return dict(Action.choices)
