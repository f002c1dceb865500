"""Admin wiring of accounts: the security log's actions, screen and menu item; and what
members adds to the layers below: the personal data of accounts."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.extension_points import PERSONAL_DATA

from .audit import SECURITY_ACTIONS
from .personal_data import AccountData
from .views import SecurityLogView, is_partnership_officer


@hooks.register(PERSONAL_DATA)
def account_personal_data() -> AccountData:
    return AccountData()


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
