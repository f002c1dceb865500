"""What the wider partnership adds: member records in the admin (officers only), the retention
report's menu item and the membership's personal data."""

from django.urls import reverse
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from home.admin_menu import OfficersMenuItem
from home.extension_points import (
    PERSONAL_DATA,
)
from home.officer_screens import OfficersOnlyPolicy
from members.models import (
    Member,
)
from members.partnership import personal_data as partnership_personal_data
from members.partnership.officer_views import MemberViewSet


@hooks.register(PERSONAL_DATA)
def membership_personal_data():
    return partnership_personal_data.MembershipData()


@hooks.register("register_admin_viewset")
def member_viewsets():
    return [MemberViewSet("member")]


# Member records: Partnership officers only (see home.officer_screens).
register_permission_policy(Member, OfficersOnlyPolicy(Member))


@hooks.register("register_admin_menu_item")
def retention_report_menu_item():
    return OfficersMenuItem(
        "Member retention", reverse("member:retention"), icon_name="time", order=860
    )
