"""Pages restricted to a group: members see them, others get a clear refusal, never a loop."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from home.roles import STEERING_GROUP_MEMBERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def induction_page(home_page):
    page = StandardPage(title="Induction pack", introduction="Welcome to the Steering Group.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
    restriction.groups.add(Group.objects.get(name=STEERING_GROUP_MEMBERS))
    return page


def test_anonymous_visitor_is_asked_to_sign_in(client, induction_page):
    response = client.get("/induction-pack/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/induction-pack/")


def test_signed_in_non_member_gets_a_403_naming_who_may_see_it(client, induction_page, officer):
    # Officers must have two-factor authentication set up before anything else (issue 12).
    TOTP.activate(officer, "JBSWY3DPEHPK3PXPKCPTESTS")
    client.force_login(officer)
    response = client.get("/induction-pack/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "This page is only for Steering Group members" in html
    assert "officer@kcp.example" in html
    assert "Welcome to the Steering Group" not in html


def test_steering_group_member_reads_the_page(client, induction_page, django_user_model):
    member = django_user_model.objects.create_user(email="member@kcp.example", password="x")
    member.groups.add(Group.objects.get(name=STEERING_GROUP_MEMBERS))
    client.force_login(member)
    response = client.get("/induction-pack/")
    assert response.status_code == 200
    assert "Welcome to the Steering Group" in response.content.decode()
