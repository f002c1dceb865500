"""Officers see every membership issue with its state, and move it on (audited)."""

from wagtail.admin.views.generic.models import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from home.audit import record_access

from . import services
from .models import MembershipIssue


class IssueIndexView(IndexView):
    """The list names who raised each issue: every look at it is audited, as one entry."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        record_access(request.user, "membership_issues.listed", count=self.get_queryset().count())
        return response


class IssueEditView(EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        record_access(request.user, "membership_issues.viewed", subject=self.object)
        return response

    def save_instance(self):
        return services.update_issue(
            self.request.user,
            self.object,
            state=self.form.cleaned_data["state"],
            note=self.form.cleaned_data["officers_note"],
        )


class MembershipIssueViewSet(ModelViewSet):
    """Officers only (they alone hold the permissions)."""

    model = MembershipIssue
    icon = "help"
    menu_label = "Membership issues"
    menu_order = 947
    add_to_admin_menu = True
    index_view_class = IssueIndexView
    edit_view_class = IssueEditView
    list_display = ["subject", "raised_by", "state", "raised_at"]
    list_filter = ["state"]
    form_fields = ["state", "officers_note"]
