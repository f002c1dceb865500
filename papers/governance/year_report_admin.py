"""The officers' screen that makes the year's actions report a draft paper (see
year_report.py); linked from the officers' dashboard panel of the meeting cycle."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.roles import is_partnership_officer
from papers.models import MeetingPage

from . import year_report
from .exceptions import GovernanceError

MEETINGS_OFFERED = 60


class YearReportForm(forms.Form):
    year = forms.IntegerField(
        label="Municipal year starting in April of",
        error_messages={"invalid": "Give the year as four figures, for example 2009."},
    )
    meeting = forms.ModelChoiceField(
        label="Meeting the paper goes to",
        queryset=MeetingPage.objects.none(),
        empty_label="Choose the meeting",
        error_messages={"required": "Choose the meeting that will review the actions."},
        help_text="Usually the Steering Group meeting that reviews the action plans.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        newest = MeetingPage.objects.order_by("-start").values_list("pk", flat=True)
        self.fields["meeting"].queryset = MeetingPage.objects.filter(
            pk__in=list(newest[:MEETINGS_OFFERED])
        ).order_by("-start")


class YearReportView(WagtailAdminTemplateMixin, View):
    page_title = "Publish the year's actions as a paper"
    header_icon = "doc-full"
    template_name = "governance/admin/year_report.html"

    def dispatch(self, request, *args, **kwargs):
        if not is_partnership_officer(request.user):
            self.template_name = "governance/admin/year_report_not_allowed.html"
            return self.render_to_response(self.get_context_data(), status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request):
        form = YearReportForm(initial={"year": year_report.past_municipal_year()})
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request):
        form = YearReportForm(request.POST)
        if form.is_valid():
            try:
                report = year_report.draft_year_report(
                    by=request.user,
                    year=form.cleaned_data["year"],
                    meeting=form.cleaned_data["meeting"],
                )
            except GovernanceError as error:
                form.add_error("year" if error.code == "unknown_year" else None, error.message)
            else:
                messages.success(
                    request,
                    f"“{report.title}” is a draft: check it, then submit it for approval or "
                    "publish it as any paper.",
                )
                return redirect("wagtailadmin_pages:edit", report.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)
