"""Admin wiring of the indicators: officers keep results (list, add, edit) and import them
from a CSV."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from home.roles import is_partnership_officer

from .admin_views import ImportResultsView
from .models import IndicatorResult


class IndicatorResultViewSet(ModelViewSet):
    """Officers hold the results' permissions (granted in apps.py)."""

    model = IndicatorResult
    icon = "table"
    menu_label = "Indicator results"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["indicator", "on", "value", "area", "note"]
    list_filter = ["indicator"]
    search_fields = ["note", "source", "area"]
    form_fields = ["indicator", "on", "value", "area", "note", "source"]


@hooks.register("register_admin_viewset")
def register_indicator_result_viewset():
    return IndicatorResultViewSet("indicator_results")


@hooks.register("register_admin_urls")
def register_import_results_urls():
    return [
        path(
            "indicators/import-results/",
            ImportResultsView.as_view(),
            name="indicators_import_results",
        )
    ]


class OfficersOnlyMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return is_partnership_officer(request.user)


@hooks.register("register_admin_menu_item")
def register_import_results_menu_item():
    return OfficersOnlyMenuItem(
        "Import indicator results",
        reverse("indicators_import_results"),
        name="import-indicator-results",
        icon_name="upload",
        order=261,
    )
