"""What the dashboard adds to itself: the "your account" panel every signed-in person sees."""

from wagtail import hooks

from home.extension_points import (
    DASHBOARD_PANELS,
    Panel,
)
from home.roles import (
    STEERING_GROUP_MEMBERS,
    WIDER_PARTNERSHIP_MEMBERS,
    role_names_of,
)
from members.models import Member


@hooks.register(DASHBOARD_PANELS)
def your_account_panel(request) -> Panel | None:
    """What is theirs, for everyone signed in: the account and the roles it holds."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    roles = sorted(role_names_of(request) & {STEERING_GROUP_MEMBERS, WIDER_PARTNERSHIP_MEMBERS})
    member = Member.objects.filter(user=user).only("name").first()
    return Panel(
        template_name="members/panels/your_account.html",
        # Links only to what is theirs: preferences need a membership, a password change a
        # password (members who join sign in by emailed link).
        context={
            "roles": roles,
            "member": member,
            "has_password": user.has_usable_password(),
        },
        order=90,
    )
