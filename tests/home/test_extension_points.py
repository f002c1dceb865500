"""The hooks through which higher apps add to lower ones (home.extension_points): a dummy
entry registered in the test is gathered, ordered and used."""

import json

import pytest
from django.test import RequestFactory
from wagtail import hooks

from home import extension_points
from home.extension_points import DASHBOARD_PANELS, HOME_PAGE_PANELS, PERSONAL_DATA, Panel
from themegroups.models import NewsAndViewsReminder, NewsAndViewsUpdate

pytestmark = pytest.mark.django_db
OUR_APPS = ("home", "papers", "governance", "themegroups", "members", "events", "consultations")


def test_dashboard_panels_are_gathered_in_order_and_rendered(test_templates):
    request = RequestFactory().get("/members/")
    seen = []

    def second(request):
        seen.append(request)
        return Panel("tests/dummy_panel.html", {"message": "Your next away day"}, order=20)

    def first(request):
        return Panel("tests/dummy_panel.html", {"message": "Your induction"}, order=10)

    def nothing_to_show(request):
        return None

    with (
        hooks.register_temporarily(DASHBOARD_PANELS, second),
        hooks.register_temporarily(DASHBOARD_PANELS, first),
        hooks.register_temporarily(DASHBOARD_PANELS, nothing_to_show),
    ):
        panels = extension_points.panels(DASHBOARD_PANELS, request)
    assert [panel.context["message"] for panel in panels] == [
        "Your induction",
        "Your next away day",
    ]
    assert seen == [request]
    assert '<p class="dummy-extension">Your induction</p>' in panels[0].render(request)


def test_a_panel_another_app_registers_shows_on_the_home_page(client, home_page, test_templates):
    def consultations(request):
        return Panel("tests/dummy_panel.html", {"message": "Open consultations"}, order=30)

    with hooks.register_temporarily(HOME_PAGE_PANELS, consultations):
        html = client.get("/").content.decode()
    assert "Open consultations" in html
    assert html.index("Latest papers") < html.index("Next meetings") < html.index("Open consult")


class DummyHolder:
    name = "dummy"
    models = ()

    def __init__(self):
        self.erased = []

    def export(self, user):
        return {"email": user.email}

    def erase(self, user):
        self.erased.append(user.pk)


def test_personal_data_holders_export_and_erase_a_person(django_user_model):
    user = django_user_model.objects.create_user(email="ann@kcp.example", password="x" * 12)
    holder = DummyHolder()
    with hooks.register_temporarily(PERSONAL_DATA, lambda: holder):
        exported = extension_points.export_personal_data(user)
        erased = extension_points.erase_personal_data(user)
    assert exported["dummy"] == {"email": "ann@kcp.example"}
    assert exported["account"]["email"] == "ann@kcp.example"
    assert json.loads(json.dumps(exported)) == exported
    assert set(erased) >= {"dummy", "account", "News and Views"}
    assert holder.erased == [user.pk]


def test_the_models_holding_a_user_foreign_key_are_listed():
    assert {NewsAndViewsUpdate, NewsAndViewsReminder} <= set(
        extension_points.models_with_user_foreign_key(OUR_APPS)
    )


def test_every_model_of_ours_with_a_user_foreign_key_has_a_personal_data_holder():
    assert extension_points.models_not_covered(OUR_APPS) == []
