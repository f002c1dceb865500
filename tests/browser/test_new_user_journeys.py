"""What new users tripped over (issue 31), walked through real pages in a real browser: a
member corrects their name (a mistake first), reads "your data" grouped for a person; a
Steering Group member's dashboard has no dead link; an officer signing in from the sign-in
page lands on the admin. Each page state: axe finds nothing, keyboard reaches every control,
nothing scrolls sideways at 320px."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from home.models import Interest
from home.roles import PARTNERSHIP_OFFICERS, WIDER_PARTNERSHIP_MEMBERS
from members.models import Member
from tests.browser.accessibility import (
    assert_usable_everywhere,
)
from tests.browser.signing_in import sign_in
from tests.people import account

SECRET = "JBSWY3DPEHPK3PXPKCPTESTS"


@pytest.fixture
def postal_member_with_account(django_user_model):
    user = account(django_user_model, "priya.shah@kcp.example", "Priya", "Shah")
    user.groups.add(Group.objects.get(name=WIDER_PARTNERSHIP_MEMBERS))
    member = Member.objects.create(
        user=user, name="Priya Shah", kind=Member.Kind.RESIDENT, route=Member.Route.POST,
        status=Member.Status.ACTIVE, verified_at=timezone.now(),
        postal_address="1 Quenby Mews\nLondon", postcode="W11 9ZQ",
    )  # fmt: skip
    member.interests.set(
        [
            Interest.objects.get_or_create(
                name="Homes and housing",
                defaults={"slug": "homes-and-housing", "kind": Interest.Kind.STRATEGY_SUBJECT},
            )[0]
        ]
    )
    return member


def test_a_member_corrects_their_details_and_reads_their_data(
    page, site_url, postal_member_with_account
):
    sign_in(page, site_url, postal_member_with_account.user)
    page.goto(site_url + "/members/")
    assert "Priya Shah" in page.locator("main").inner_text()
    page.get_by_role("link", name="Change your name or postal address").click()
    page.wait_for_url("**/members/your-details/")
    assert_usable_everywhere(page)  # the form, full

    page.get_by_label("Your name").fill("")
    page.get_by_label("Postcode").fill("")
    with page.expect_navigation():
        page.get_by_role("button", name="Save my details").click()
    assert page.title().startswith("Error:")
    assert "Enter your name." in page.locator("main").inner_text()
    assert "Enter your postcode." in page.locator("main").inner_text()
    assert_usable_everywhere(page)  # with errors

    page.get_by_label("Your name").fill("Priya Shah-Patel")
    page.get_by_label("Postcode").fill("w10 5aa")
    with page.expect_navigation(url=f"{site_url}/members/your-details/"):
        page.get_by_role("button", name="Save my details").click()
    expect(page.get_by_role("status")).to_contain_text("Your details are saved.")
    postal_member_with_account.refresh_from_db()
    assert (postal_member_with_account.name, postal_member_with_account.postcode) == (
        "Priya Shah-Patel",
        "W10 5AA",
    )

    page.goto(site_url + "/members/your-data/")
    headings = page.locator("main h2").all_inner_texts()
    assert "Your membership of the wider partnership" in headings
    assert "Changes to your membership" in page.locator("main h3").all_inner_texts()
    assert "idempotency" not in page.locator("main").inner_text().lower()
    assert_usable_everywhere(page)


def test_someone_with_no_data_but_their_sign_in_reads_an_empty_your_data_page(
    page, site_url, django_user_model
):
    user = account(django_user_model, "new.person@kcp.example", "New", "Person")
    sign_in(page, site_url, user)
    page.goto(site_url + "/members/your-data/")
    assert "Your account" in page.locator("main h2").all_inner_texts()
    assert_usable_everywhere(page)


def test_a_steering_group_members_dashboard_links_all_work(page, site_url, steering_group_member):
    sign_in(page, site_url, steering_group_member)
    page.goto(site_url + "/members/")
    hrefs = page.locator("main a[href^='/members/']").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    assert "/members/preferences/" not in hrefs
    for href in sorted(set(hrefs)):
        response = page.request.get(site_url + href)
        assert response.status == 200, href


@pytest.fixture
def officer_account(django_user_model):
    user = django_user_model.objects.create_user(
        email="officer@kcp.example", password="correct horse battery"
    )
    user.groups.add(Group.objects.get(name=PARTNERSHIP_OFFICERS))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    TOTP.activate(user, SECRET)
    return user


def test_an_officer_signing_in_from_the_sign_in_page_lands_on_the_admin(
    page, site_url, officer_account, home_page
):
    page.goto(site_url + "/accounts/login/")
    page.get_by_label("Email").fill("officer@kcp.example")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/accounts/2fa/authenticate/**")
    code = format_hotp_value(hotp_value(SECRET, next(yield_hotp_counters_from_time())))
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/admin/")
    assert "Dashboard" in page.title()
