"""What outreach adds through hooks: its personal data (kcp_personal_data), its audit actions,
the withdrawal of an invitation to someone who said no since it was queued,
the "About N members" panel of the home page, and the admin menu's link to its screens."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Site

from home.extension_points import (
    AUDIT_ACTIONS,
    EMAIL_SEND_CHECKS,
    HOME_PAGE_PANELS,
    PERSONAL_DATA,
    Panel,
)
from home.roles import is_partnership_officer

from .audit import Action
from .figures import members_to_show
from .models import OutreachSettings
from .personal_data import OutreachData
from .sending import reason_not_to_send


# Before the account's holder, which replaces the email address outreach finds entries by.
@hooks.register(PERSONAL_DATA, order=-10)
def outreach_data():
    return OutreachData()


@hooks.register(EMAIL_SEND_CHECKS)
def invitation_still_wanted(email) -> str | None:
    return reason_not_to_send(email)


@hooks.register(AUDIT_ACTIONS)
def outreach_audit_actions() -> dict[str, str]:
    return dict(Action.choices)


def member_count_to_show(request) -> int | None:
    """The rounded count, when the setting shows it and the daily job has counted."""
    site = Site.find_for_request(request)
    if site is None or not OutreachSettings.for_site(site).is_member_count_shown:
        return None
    return members_to_show()


@hooks.register(HOME_PAGE_PANELS)
def member_count_panel(request) -> Panel | None:
    count = member_count_to_show(request)
    if not count:
        return None
    return Panel("outreach/member_count_panel.html", {"count": count}, order=10)


class OutreachMenuItem(MenuItem):
    def is_shown(self, request):
        return is_partnership_officer(request.user)


@hooks.register("register_admin_menu_item")
def outreach_menu_item():
    return OutreachMenuItem("Outreach", reverse("outreach_home"), icon_name="mail", order=930)
