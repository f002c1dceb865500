"""A member's own details: the name they joined with is their account's; they change their
name (and, for news by post, their address) themselves, each change recorded and audited;
their dashboard links only to what works for them; officers land on the admin."""

import re

import pytest
from allauth.account.utils import get_login_redirect_url
from allauth.core import context
from django.test import RequestFactory

from home.audit import AuditEntry
from members.audit.actions import Action
from members.models import Member, MembershipChange
from members.partnership.own_details import record_email_change

pytestmark = pytest.mark.django_db


def test_the_name_given_when_joining_is_the_accounts_name(member_client, joined_member):
    user = joined_member.user
    assert (user.first_name, user.last_name) == ("Olwen", "Prydderch")
    page = member_client.get("/members/").content.decode()
    assert "<dt>Name</dt><dd>Olwen Prydderch</dd>" in page
    assert "Not given" not in page


def test_a_member_changes_their_name_and_it_is_recorded_and_audited(member_client, joined_member):
    response = member_client.post("/members/your-details/", {"name": "Olwen  Davies"})
    assert response.status_code == 302
    joined_member.refresh_from_db()
    assert joined_member.name == "Olwen Davies"
    assert joined_member.user.get_full_name() == "Olwen Davies"
    change = MembershipChange.objects.filter(member=joined_member, what="details").get()
    assert change.after == {"fields": ["name"]} and change.changed_by == joined_member.user
    entry = AuditEntry.objects.get(action=Action.CHANGED_OWN_DETAILS)
    assert entry.subject_id == joined_member.pk and entry.details == {"fields": ["name"]}
    assert "Your details are saved." in member_client.get("/members/your-details/").content.decode()


def test_an_empty_or_marked_up_name_is_refused_with_what_to_fix_and_nothing_saved(
    member_client, joined_member
):
    for bad, message in (("  ", "Enter your name."), ("<b>Olwen</b>", "cannot contain &lt;")):
        response = member_client.post("/members/your-details/", {"name": bad})
        page = response.content.decode()
        assert response.status_code == 200 and message in page
        assert "<title>Error: Your details" in page
    joined_member.refresh_from_db()
    assert joined_member.name == "Olwen Prydderch"
    assert not MembershipChange.objects.filter(what="details").exists()


def test_only_a_member_whose_news_comes_by_post_is_asked_for_an_address(
    member_client, joined_member
):
    assert "Postal address" not in member_client.get("/members/your-details/").content.decode()
    Member.objects.filter(pk=joined_member.pk).update(
        route=Member.Route.POST, postal_address="1 Quenby Mews\nLondon", postcode="W11 9ZQ"
    )
    page = member_client.get("/members/your-details/").content.decode()
    assert "Postal address" in page and "1 Quenby Mews" in page
    response = member_client.post(
        "/members/your-details/",
        {"name": "Olwen Prydderch", "postal_address": "", "postcode": "w10 5aa"},
    )
    assert "Enter the address your letters should go to." in response.content.decode()
    member_client.post(
        "/members/your-details/",
        {"name": "Olwen Prydderch", "postal_address": "2 Golborne Road\nLondon",
         "postcode": "w10 5aa"},
    )  # fmt: skip
    joined_member.refresh_from_db()
    assert joined_member.postal_address.splitlines() == ["2 Golborne Road", "London"]
    assert joined_member.postcode == "W10 5AA"
    change = MembershipChange.objects.get(member=joined_member, what="details")
    assert change.after == {"fields": ["postal_address", "postcode"]}


def test_a_confirmed_new_email_address_is_in_the_members_history(joined_member):
    record_email_change(joined_member.user)
    change = MembershipChange.objects.get(member=joined_member, what="details")
    assert change.after == {"fields": ["email"]}
    assert AuditEntry.objects.filter(action=Action.CHANGED_OWN_DETAILS).exists()


def test_a_member_without_a_password_is_not_offered_to_change_it(member_client, joined_member):
    page = member_client.get("/members/").content.decode()
    assert not joined_member.user.has_usable_password()
    assert "Change your password" not in page
    assert 'href="/members/your-details/"' in page


def test_a_steering_group_members_dashboard_has_no_link_that_answers_404(
    client, steering_group_member
):
    client.force_login(steering_group_member)
    page = client.get("/members/").content.decode()
    assert "/members/preferences/" not in page
    assert "Change your password" in page  # this member has one
    links = set(re.findall(r'href="(/members/[^"#]*)"', page))
    assert links
    for link in links:
        assert client.get(link).status_code == 200, link


def where_sign_in_leads(user, **query) -> str:
    request = RequestFactory().get("/accounts/login/", query)
    request.user = user
    with context.request_context(request):
        return get_login_redirect_url(request)


def test_officers_land_on_the_admin_unless_next_says_otherwise(officer, joined_member):
    assert where_sign_in_leads(officer) == "/admin/"
    assert where_sign_in_leads(officer, next="/papers/") == "/papers/"
    assert where_sign_in_leads(joined_member.user) == "/"
