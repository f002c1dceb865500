"""Signing in as a person would: email and password, then the two-factor code, into the admin."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth.models import Group

from home.roles import PARTNERSHIP_OFFICERS, STEERING_GROUP_MEMBERS
from tests.browser.accessibility import (
    assert_accessible,
    assert_keyboard_usable,
    assert_no_horizontal_scroll,
)

SECRET = "JBSWY3DPEHPK3PXPKCPTESTS"


@pytest.fixture
def officer_account(django_user_model):
    user = django_user_model.objects.create_user(
        email="officer@kcp.example", password="correct horse battery"
    )
    user.groups.add(Group.objects.get(name=PARTNERSHIP_OFFICERS))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    TOTP.activate(user, SECRET)
    return user


def test_officer_signs_in_with_password_and_code_and_reaches_the_admin(
    page, site_url, officer_account
):
    page.goto(site_url + "/admin/")
    assert page.locator("h1").inner_text() == "Sign in"
    page.get_by_label("Email").fill("officer@kcp.example")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()

    page.wait_for_url("**/accounts/2fa/authenticate/**")
    assert_accessible(page)
    assert_keyboard_usable(page)
    assert_no_horizontal_scroll(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    code = format_hotp_value(hotp_value(SECRET, next(yield_hotp_counters_from_time())))
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Sign In").click()

    page.wait_for_url("**/admin/")
    assert "Dashboard" in page.title()


def test_password_reset_page_is_accessible(page, site_url):
    page.goto(site_url + "/accounts/password/reset/")
    assert_accessible(page)
    assert_keyboard_usable(page)
    assert_no_horizontal_scroll(page)


def test_signed_in_person_outside_a_pages_group_sees_an_accessible_refusal(
    page, site_url, officer_account, home_page
):
    from wagtail.models import PageViewRestriction

    from home.models import StandardPage

    induction = StandardPage(title="Induction pack")
    home_page.add_child(instance=induction)
    induction.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=induction, restriction_type="groups")
    restriction.groups.add(Group.objects.get(name=STEERING_GROUP_MEMBERS))
    page.goto(site_url + "/accounts/login/")
    page.get_by_label("Email").fill("officer@kcp.example")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/2fa/authenticate/**")
    code = format_hotp_value(hotp_value(SECRET, next(yield_hotp_counters_from_time())))
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(site_url + "/admin/")  # officers land on the admin (issue 31)

    response = page.goto(site_url + "/induction-pack/")
    assert response.status == 403
    assert "only for Steering Group members" in page.locator("main").inner_text()
    assert_accessible(page)
