"""The cookies page lists every cookie the site sets, and joining, signing in and browsing set
no other."""

import pytest
from django.contrib.auth.models import Group

from home.roles import PARTNERSHIP_OFFICERS
from home.views import site_cookies
from tests.fixtures.members import join_data

pytestmark = pytest.mark.django_db


def test_the_cookies_page_names_each_cookie_and_why(client):
    page = client.get("/cookies/").content.decode()
    for cookie in site_cookies():
        assert f"<code>{cookie['name']}</code>" in page
        assert cookie["purpose"].replace("'", "&#x27;")[:30] in page


def test_joining_signing_in_and_editing_set_only_the_cookies_listed(
    client, interests, django_user_model
):
    seen = set()

    def visit(method, path, data=None):
        response = getattr(client, method)(path, data or {})
        seen.update(response.cookies.keys())
        return response

    visit("get", "/join/")
    visit("post", "/join/", join_data(interests, website=""))
    visit("get", "/accounts/confirm-email/")
    visit("post", "/join/", join_data(interests, name="x" * 200))
    officer = django_user_model.objects.create_user(
        email="cookie.officer@kcp.example", password="correct horse battery"
    )
    officer.groups.add(Group.objects.get(name=PARTNERSHIP_OFFICERS))
    visit("get", "/accounts/login/")
    visit("post", "/accounts/login/", {"login": officer.email, "password": "wrong password"})
    visit("get", "/accounts/login/code/")
    visit("get", "/")
    listed = {cookie["name"] for cookie in site_cookies()}
    assert seen, "the visit set no cookie at all: the test would prove nothing"
    assert seen <= listed, seen - listed
