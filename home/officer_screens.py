"""What every officers' admin screen shares, whichever app it belongs to: Partnership officers
only, as a permission policy for viewsets and as a mixin for plain views; and the breadcrumbs
of a plain admin screen."""

from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies import ModelPermissionPolicy

from home.roles import is_partnership_officer


class OfficersOnlyPolicy(ModelPermissionPolicy):
    """Personal data is for Partnership officers only: the model permission is not enough on
    its own (a group given it by mistake still sees nothing), the officers' role is needed."""

    def user_has_permission(self, user, action):
        return is_partnership_officer(user) and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return is_partnership_officer(user) and super().user_has_any_permission(user, actions)


class ReadOnlyOfficersPolicy(OfficersOnlyPolicy):
    """Logs: officers read them; nobody, superusers included, changes them."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.user_has_permission(user, "view")


class OfficersOnlyMixin:
    """A plain view for Partnership officers only: anyone else gets a 403."""

    def dispatch(self, request, *args, **kwargs):
        if not is_partnership_officer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AdminScreen(WagtailAdminTemplateMixin, TemplateView):
    """A plain admin screen whose breadcrumbs end with its own title."""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]
