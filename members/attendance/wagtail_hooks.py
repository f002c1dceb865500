"""What attendance adds: the member's own record on the dashboard, the officers' menu item and
its personal data."""

from django.urls import reverse
from wagtail import hooks

from home.admin_menu import OfficersMenuItem
from home.extension_points import (
    DASHBOARD_PANELS,
    PERSONAL_DATA,
    Panel,
)
from home.roles import (
    is_steering_group_member,
)
from members.attendance import services as attendance
from members.attendance.personal_data import AttendanceData


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


@hooks.register("register_admin_menu_item")
def attendance_menu_item():
    return OfficersMenuItem(
        "Steering Group attendance", reverse("members_attendance"), icon_name="tasks", order=915
    )


@hooks.register(PERSONAL_DATA)
def attendance_personal_data() -> AttendanceData:
    return AttendanceData()
