"""Defect 6 of issue 12: the smaller holes, each with the request that showed it."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client, override_settings
from wagtail.models import GroupCollectionPermission, GroupPagePermission

pytestmark = pytest.mark.django_db


def test_posting_to_the_admin_logout_signs_out(officer_browser):
    assert "_auth_user_id" in officer_browser.session
    response = officer_browser.post("/admin/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in officer_browser.session
    assert officer_browser.get("/admin/").status_code == 302


@override_settings(ALLOWED_HOSTS=["kcp.example.org"])
def test_the_health_check_answers_whatever_host_the_load_balancer_names(db):
    response = Client().get("/health/", HTTP_HOST="127.0.0.1:8000")
    assert (response.status_code, response.content) == (200, b"ok")
    assert Client().get("/", HTTP_HOST="127.0.0.1:8000").status_code == 400


def test_wagtails_default_editors_and_moderators_hold_no_rights(db):
    for name in ("Editors", "Moderators"):
        assert not GroupPagePermission.objects.filter(group__name=name).exists()
        assert not GroupCollectionPermission.objects.filter(group__name=name).exists()
        group = Group.objects.filter(name=name).first()
        assert group is None or not group.permissions.exists()
