"""Officers' screens of representation: the composition report, and the interests in joining
(list and change of state, audited)."""

from django.shortcuts import render
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from home.audit import record_access
from home.roles import is_partnership_officer

from . import services
from .composition import CATEGORY_LABELS, MAPPING_STATEMENT
from .models import InterestRequest


class CompositionReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Composition of groups"
    header_icon = "group"
    template_name = "representation/admin/composition.html"

    def dispatch(self, request, *args, **kwargs):
        if not is_partnership_officer(request.user):
            # Our own 403 page: Wagtail turns PermissionDenied into a redirect home.
            return render(request, "403.html", status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            compositions=services.compositions(),
            labels=list(CATEGORY_LABELS.values()),
            mapping=MAPPING_STATEMENT,
            threshold=services.threshold().normalize(),
        )
        return context


class InterestIndexView(IndexView):
    """The list names each person who asked: every look at it is audited, as one entry."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        record_access(request.user, "representation.listed", count=self.get_queryset().count())
        return response


class InterestEditView(EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        record_access(request.user, "representation.viewed", subject=self.object)
        return response

    def save_instance(self):
        return services.change_state(
            self.request.user, self.object, self.form.cleaned_data["state"]
        )


class InterestRequestViewSet(ModelViewSet):
    """Officers only (they alone hold the permissions): personal data."""

    model = InterestRequest
    icon = "user"
    menu_label = "Interests in joining"
    menu_order = 945
    add_to_admin_menu = True
    index_view_class = InterestIndexView
    edit_view_class = InterestEditView
    list_display = ["name", "group", "organisation", "state", "created_at"]
    list_filter = ["state", "group"]
    search_fields = ["name", "email", "organisation"]
    form_fields = ["state"]
