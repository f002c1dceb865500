"""The officers' member screens: list with filters and search, inspect, CSV export against
formula injection, each written to the audit log; and every screen refused to anyone who is
not a Partnership officer, checked in the database, with a control that shows it can fail."""

import csv
import datetime
import io

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from home.audit import AuditEntry
from home.roles import PARTNERSHIP_OFFICERS
from members.models import ConsentRecord, Member

pytestmark = pytest.mark.django_db


def test_the_member_list_shows_members_and_writes_the_audit_log(
    officer_client, officer, postal_member, joined_member
):
    response = officer_client.get("/admin/member/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Bronwen Ashcombe" in page and "Olwen Prydderch" in page
    entry = AuditEntry.objects.get(action="members.viewed_list")
    assert entry.actor == officer
    assert entry.count == 2


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("route=post", "Bronwen Ashcombe", "Olwen Prydderch"),
        ("route=weekly_digest", "Olwen Prydderch", "Bronwen Ashcombe"),
        ("kind=resident&q=Bronwen", "Bronwen Ashcombe", "Olwen Prydderch"),
        ("q=W11+9ZQ", "Bronwen Ashcombe", "Olwen Prydderch"),
        ("q=olwen.prydderch%40example.org", "Olwen Prydderch", "Bronwen Ashcombe"),
        ("consent_age=1_to_2", "Bronwen Ashcombe", "Olwen Prydderch"),
    ],
)
def test_officers_filter_and_search_the_member_list(
    officer_client, postal_member, joined_member, interests, query, shown, hidden
):
    ConsentRecord.objects.filter(member=postal_member).update(
        given_at=timezone.now() - datetime.timedelta(days=500)
    )
    page = officer_client.get(f"/admin/member/?{query}").content.decode()
    assert shown in page
    assert hidden not in page


def test_officers_filter_by_interest(officer_client, postal_member, joined_member, interests):
    page = officer_client.get(
        f"/admin/member/?interests={interests['older-people'].pk}"
    ).content.decode()
    assert "Bronwen Ashcombe" in page and "Olwen Prydderch" not in page


def test_inspecting_a_member_shows_consent_and_changes_and_is_audited(
    officer_client, officer, postal_member
):
    page = officer_client.get(f"/admin/member/inspect/{postal_member.pk}/").content.decode()
    assert "Bronwen Ashcombe" in page and "14 Quenby Mews" in page
    assert "On a paper form" in page and "Version 1" in page
    assert AuditEntry.objects.filter(
        action="members.inspected", actor=officer, subject_id=postal_member.pk
    ).exists()


def test_the_csv_export_neutralises_formulae_and_is_audited(officer_client, officer, postal_member):
    Member.objects.filter(pk=postal_member.pk).update(
        name="=cmd|' /C calc'!A0", organisation_name="+44 20 7361", postal_address="@SUM(1)"
    )
    response = officer_client.get("/admin/member/?export=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["Name"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["Organisation name"] == "'+44 20 7361"
    assert rows[0]["Postal address"] == "'@SUM(1)"
    assert rows[0]["Interests"] == "Older people"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    entry = AuditEntry.objects.get(action="members.exported")
    assert (entry.actor, entry.count) == (officer, 1)


# --- Refusals -------------------------------------------------------------------------------


def officer_screens(member):
    """Every officer screen over member data: (method, path, data)."""
    return [
        ("get", "/admin/member/", None),
        ("get", "/admin/member/?export=csv", None),
        ("get", "/admin/member/?export=xlsx", None),
        ("get", f"/admin/member/inspect/{member.pk}/", None),
        ("get", f"/admin/member/edit/{member.pk}/", None),
        ("get", f"/admin/member/{member.pk}/data.json", None),
        ("get", "/admin/member/retention/", None),
        ("get", "/admin/member_audit/", None),
        ("post", f"/admin/member/{member.pk}/renew/", {"method": "telephone"}),
        (
            "post",
            f"/admin/member/edit/{member.pk}/",
            {
                "name": "Changed Name",
                "kind": "resident",
                "postal_address": "1 Other Street",
                "postcode": "W8 1AA",
                "interests": [member.interests.first().pk],
            },
        ),
        ("post", f"/admin/member/delete/{member.pk}/", {}),
        (
            "post",
            "/admin/member/new/",
            {
                "name": "Sneaky Addition",
                "kind": "resident",
                "postal_address": "1 Other Street",
                "postcode": "W8 1AA",
                "interests": [member.interests.first().pk],
                "consent_method": "telephone",
                "consent_given_on": "2026-11-01",
            },
        ),
    ]


def assert_nothing_seen_or_changed(client, member):
    audit_before = AuditEntry.objects.count()
    consents_before = ConsentRecord.objects.count()
    for method, path, data in officer_screens(member):
        response = getattr(client, method)(path, data or {})
        body = b"" if response.streaming else response.content
        assert response.status_code in (302, 403, 404), (path, response.status_code)
        assert b"Bronwen" not in body and b"Quenby" not in body, path
    member.refresh_from_db()
    assert member.name == "Bronwen Ashcombe"
    assert Member.objects.count() == 1
    assert not Member.objects.filter(name="Sneaky Addition").exists()
    assert ConsentRecord.objects.count() == consents_before
    assert AuditEntry.objects.count() == audit_before


def test_the_public_is_refused_every_officer_screen(client, postal_member):
    assert_nothing_seen_or_changed(client, postal_member)


def test_a_lead_officer_is_refused_every_officer_screen(client, lead_officer, postal_member):
    client.force_login(lead_officer)
    assert client.get("/admin/").status_code == 200  # they do use the admin
    assert_nothing_seen_or_changed(client, postal_member)


def test_a_lead_officer_given_the_member_permissions_by_mistake_is_still_refused(
    client, lead_officer, postal_member
):
    group = lead_officer.groups.get()
    group.permissions.add(*Permission.objects.filter(content_type__app_label="members"))
    client.force_login(lead_officer)
    assert_nothing_seen_or_changed(client, postal_member)


def test_a_steering_group_member_is_refused_every_officer_screen(
    client, steering_group_member, postal_member
):
    client.force_login(steering_group_member)
    assert_nothing_seen_or_changed(client, postal_member)


def test_another_member_is_refused_every_officer_screen(client, joined_member, postal_member):
    client.force_login(joined_member.user)
    Member.objects.filter(pk=joined_member.pk).delete()  # only the postal member is counted
    assert_nothing_seen_or_changed(client, postal_member)


def test_control_an_officer_passes_every_check_the_others_fail(
    client, django_user_model, postal_member
):
    """The same requests as an officer: each is answered, and the database changes, so the
    refusal tests above would notice if the screens were open to everyone."""
    officer = django_user_model.objects.create_user(email="second.officer@kcp.example")
    officer.groups.add(Group.objects.get(name=PARTNERSHIP_OFFICERS))
    TOTP.activate(officer, "JBSWY3DPEHPK3PXPKCPTESTS")
    client.force_login(officer)
    with pytest.raises(AssertionError):
        assert_nothing_seen_or_changed(client, postal_member)
    for method, path, data in officer_screens(postal_member)[:8]:
        assert getattr(client, method)(path, data or {}).status_code == 200, path
