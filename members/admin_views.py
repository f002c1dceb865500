"""Officers' screens in the admin: everyone's induction progress, the skills and interests
audit side by side with its CSV export, pairings, and the security log. Partnership officers
only."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import CreateView
from wagtail.log_actions import log

from home.roles import is_partnership_officer

from .audit import SECURITY_ACTIONS, security_log
from .services import induction, shadowing, skills_audit

SECURITY_LOG_ENTRIES_PER_PAGE = 50


class OfficersOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_partnership_officer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AdminScreen(WagtailAdminTemplateMixin, TemplateView):
    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class InductionProgressView(OfficersOnlyMixin, AdminScreen):
    page_title = "Induction progress"
    header_icon = "list-ol"
    template_name = "members/admin/induction_progress.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = induction.progress_of_every_member(viewed_by=self.request.user)
        return context


class SkillsAuditAnswersView(OfficersOnlyMixin, AdminScreen):
    page_title = "Skills and interests audit"
    header_icon = "table"
    template_name = "members/admin/skills_audit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["answers"] = skills_audit.answers_side_by_side(self.request.user)
        return context


class SkillsAuditCsvView(OfficersOnlyMixin, View):
    def get(self, request):
        response = HttpResponse(
            skills_audit.answers_as_csv(request.user), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="skills-and-interests.csv"'
        response["Cache-Control"] = "private, no-store"
        return response


class PairingCreateView(CreateView):
    """Saving a pairing goes through the service, which queues the introduction emails."""

    def save_instance(self):
        pairing = shadowing.arrange_pairing(self.form.instance, arranged_by=self.request.user)
        log(instance=pairing, action="wagtail.create", user=self.request.user)
        return pairing


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
