"""The officers' import of an indicator's results from a CSV: all rows, or none and the list
of what to correct."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.roles import is_partnership_officer

from .exceptions import IndicatorsError
from .forms import ImportResultsForm
from .services import import_results


class ImportResultsView(WagtailAdminTemplateMixin, View):
    page_title = "Import indicator results"
    header_icon = "upload"
    template_name = "indicators/admin/import_results.html"

    def dispatch(self, request, *args, **kwargs):
        if not is_partnership_officer(request.user):
            # Our own 403 page: Wagtail turns PermissionDenied into a redirect home.
            self.template_name = "indicators/admin/import_not_allowed.html"
            return self.render_to_response(self.get_context_data(), status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=ImportResultsForm()))

    def post(self, request):
        form = ImportResultsForm(request.POST, request.FILES)
        if form.is_valid():
            indicator = form.cleaned_data["indicator"]
            try:
                outcome = import_results(indicator, form.cleaned_data["file"].read())
            except IndicatorsError as error:
                form.add_error("file", error.message)
                problems = getattr(error, "problems", [])
                return self.render_to_response(
                    self.get_context_data(form=form, problems=problems), status=400
                )
            messages.success(request, f"{indicator.title}: {outcome.sentence}")
            return redirect("indicators_import_results")
        return self.render_to_response(self.get_context_data(form=form), status=400)
