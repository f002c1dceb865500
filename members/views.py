"""Admin screens of accounts: the security log, for Partnership officers only."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.roles import PARTNERSHIP_OFFICERS

from .audit import SECURITY_ACTIONS, security_log

ENTRIES_PER_PAGE = 50


def is_partnership_officer(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=PARTNERSHIP_OFFICERS).exists()
    )


class SecurityLogView(WagtailAdminTemplateMixin, TemplateView):
    """Failed and paused sign-ins, two-factor changes and rights changes, newest first."""

    page_title = "Security log"
    header_icon = "warning"
    template_name = "members/admin/security_log.html"

    def dispatch(self, request, *args, **kwargs):
        if not is_partnership_officer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = Paginator(security_log(), ENTRIES_PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(entries=entries, labels=SECURITY_ACTIONS)
        return context
