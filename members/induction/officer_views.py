"""Officers' screens of the induction: everyone's progress, the skills audit's answers side by
side with their CSV, and adding a pairing."""

from django.views import View
from wagtail.admin.views.generic.models import CreateView
from wagtail.log_actions import log

from home.officer_screens import AdminScreen, OfficersOnlyMixin
from home.spreadsheets import download
from members.induction import services as induction
from members.induction import shadowing, skills_audit


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
        return download(
            "skills-and-interests",
            skills_audit.CSV_HEADINGS,
            skills_audit.answers_as_rows(request.user),
            request.GET.get("format"),
        )


class PairingCreateView(CreateView):
    """Saving a pairing goes through the service, which queues the introduction emails."""

    def save_instance(self):
        pairing = shadowing.arrange_pairing(self.form.instance, arranged_by=self.request.user)
        log(instance=pairing, action="wagtail.create", user=self.request.user)
        return pairing
