"""Steering Group members raise a membership issue from their dashboard; officers are told
through the outbox, see it with its state and move it on, audited; nobody else may raise or
see one; each person's issues are exported and erased with their data."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP

from home.audit import AuditEntry
from home.models import OutgoingEmail
from members.membership_issues.models import MembershipIssue
from members.membership_issues.personal_data import MembershipIssuesData

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPKCPTESTS"
URL = "/members/membership-issues/new/"


def test_a_steering_group_member_raises_an_issue_from_the_dashboard(
    client, steering_group_member, officer
):
    client.force_login(steering_group_member)
    assert URL in client.get("/members/").content.decode()
    response = client.post(
        URL, {"subject": "A seat for the youth forum", "details": "Young people have no seat."}
    )
    assert response.status_code == 302
    issue = MembershipIssue.objects.get()
    assert (issue.raised_by, issue.state) == (steering_group_member, "new")
    email = OutgoingEmail.objects.get(kind="Membership issue raised")
    assert email.to == [officer.email]
    dashboard = client.get("/members/").content.decode()
    assert "A seat for the youth forum" in dashboard and "New" in dashboard
    assert AuditEntry.objects.filter(action="membership_issues.raised").exists()


def test_the_form_says_what_is_missing_and_saves_nothing(client, steering_group_member):
    client.force_login(steering_group_member)
    response = client.post(URL, {"subject": "", "details": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Give the issue a subject in a few words." in html
    assert "Say what the issue is, so officers can act on it." in html
    assert not MembershipIssue.objects.exists()


def test_a_wider_member_may_not_raise_one(client, wider_partnership_member):
    client.force_login(wider_partnership_member)
    assert client.post(URL, {"subject": "x", "details": "y"}).status_code == 403
    assert URL not in client.get("/members/").content.decode()
    assert not MembershipIssue.objects.exists()


def test_officers_see_and_move_an_issue_on_and_it_is_audited(
    client, officer, steering_group_member
):
    issue = MembershipIssue.objects.create(
        raised_by=steering_group_member, subject="Youth seat", details="None yet."
    )
    TOTP.activate(officer, SECRET)
    client.force_login(officer)
    assert "Youth seat" in client.get("/admin/membership_issues/").content.decode()
    listed = AuditEntry.objects.get(action="membership_issues.listed")
    assert (listed.actor, listed.count) == (officer, 1)
    client.get(f"/admin/membership_issues/edit/{issue.pk}/")
    response = client.post(
        f"/admin/membership_issues/edit/{issue.pk}/",
        {"state": "in_hand", "officers_note": "On the next agenda."},
    )
    assert response.status_code == 302
    issue.refresh_from_db()
    assert (issue.state, issue.officers_note) == ("in_hand", "On the next agenda.")
    actions = set(AuditEntry.objects.filter(subject_id=issue.pk).values_list("action", flat=True))
    assert {"membership_issues.viewed", "membership_issues.changed"} <= actions


def test_a_steering_group_member_cannot_see_issues_in_the_admin(client, steering_group_member):
    MembershipIssue.objects.create(raised_by=None, subject="Someone else's", details="x")
    client.force_login(steering_group_member)
    response = client.get("/admin/membership_issues/")
    assert response.status_code in (302, 403)
    assert "Someone else" not in response.content.decode()


def test_issues_are_exported_and_erased_with_the_persons_data(steering_group_member):
    MembershipIssue.objects.create(
        raised_by=steering_group_member, subject="Youth seat", details="None yet."
    )
    assert MembershipIssuesData().export(steering_group_member)[0]["subject"] == "Youth seat"
    MembershipIssuesData().erase(steering_group_member)
    assert not MembershipIssue.objects.exists()
