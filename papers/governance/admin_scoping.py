"""The meeting cycle's admin for lead officers: their own groups' decisions and actions only.
The listings show only the records of meetings below a page the user edits, and opening
another group's record (to edit it or read its history) is refused before any form is
shown. The services refuse it too, whatever screen asks."""

from django.core.exceptions import PermissionDenied
from wagtail.snippets.views import snippets as snippet_views

from . import services


class OwnGroupsOnly:
    def get_object(self, *args, **kwargs):
        record = super().get_object(*args, **kwargs)
        if not services.may_record_for(self.request.user, record.meeting):
            # Wagtail answers this in the admin with "you do not have permission", sending
            # the user to the dashboard; nothing of the record is shown or saved.
            raise PermissionDenied
        return record


class OwnGroupsEditView(OwnGroupsOnly, snippet_views.EditView):
    pass


class OwnGroupsHistoryView(OwnGroupsOnly, snippet_views.HistoryView):
    pass


class OwnGroupsViewSetMixin:
    """For a SnippetViewSet of a model with a `meeting`: listing and record views scoped."""

    edit_view_class = OwnGroupsEditView
    history_view_class = OwnGroupsHistoryView

    def get_queryset(self, request):
        return services.recordable_by(request.user, self.model.objects.select_related("meeting"))
