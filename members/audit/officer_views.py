"""The officers' security log screen (the personal data audit trail's screen is home's)."""

from django.core.paginator import Paginator

from home.officer_screens import AdminScreen, OfficersOnlyMixin
from members.audit.security import SECURITY_ACTIONS, security_log

SECURITY_LOG_ENTRIES_PER_PAGE = 50


class SecurityLogView(OfficersOnlyMixin, AdminScreen):
    """Failed and paused sign-ins, two-factor changes and rights changes, newest first."""

    page_title = "Security log"
    header_icon = "warning"
    template_name = "members/admin/security_log.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = Paginator(security_log(), SECURITY_LOG_ENTRIES_PER_PAGE).get_page(
            self.request.GET.get("p")
        )
        context.update(entries=entries, labels=SECURITY_ACTIONS)
        return context
