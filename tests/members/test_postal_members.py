"""Postal members: officers add and edit people who do not use email in the admin, with how,
when and by which officer consent was given."""

import pytest

from home.audit import AuditEntry
from members.models import ConsentRecord, Member

pytestmark = pytest.mark.django_db


def postal_form(vocabulary, **overrides):
    data = {
        "name": "Cyril Featherstonehaugh",
        "kind": "resident",
        "organisation_name": "",
        "postal_address": "3 Wornington Row\nLondon",
        "postcode": "w10 5zz",
        "interests": [vocabulary["older-people"].pk, vocabulary["health"].pk],
        "consent_method": "telephone",
        "consent_given_on": "2026-11-20",
    }
    data.update(overrides)
    return data


def test_an_officer_adds_a_postal_member_with_how_when_and_who_recorded_consent(
    officer_client, officer, interests
):
    response = officer_client.post("/admin/member/new/", postal_form(interests))
    assert response.status_code == 302, response.content.decode()[:3000]
    member = Member.objects.get()
    assert member.route == Member.Route.POST
    assert member.status == Member.Status.ACTIVE
    assert member.user is None
    assert member.postcode == "W10 5ZZ"
    assert member.added_by == officer
    consent = member.consents.get()
    assert consent.method == ConsentRecord.Method.TELEPHONE
    assert consent.recorded_by == officer
    assert consent.given_at.date().isoformat() == "2026-11-20"
    assert consent.privacy_notice_version.number == 1
    assert member.changes.get().changed_by == officer
    assert AuditEntry.objects.filter(
        action="members.added", actor=officer, subject_id=member.pk
    ).exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"postal_address": ""}, "This field is required."),
        ({"name": "<b>Cyril</b>"}, "The name cannot contain &lt; or &gt;"),
        ({"name": "C" * 151}, "Ensure this value has at most 150 characters"),
        ({"interests": []}, "Choose at least one subject you want to hear about."),
        ({"consent_method": ""}, "This field is required."),
        ({"consent_given_on": "2999-01-01"}, "The date of consent cannot be in the future."),
        ({"kind": "organisation"}, "Enter the name of the group, organisation or agency."),
    ],
)
def test_bad_input_from_an_officer_gets_a_message_and_saves_nothing(
    officer_client, interests, overrides, message
):
    response = officer_client.post("/admin/member/new/", postal_form(interests, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Member.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_an_officer_edits_a_postal_members_address_and_interests(
    officer_client, officer, postal_member, interests
):
    response = officer_client.post(
        f"/admin/member/edit/{postal_member.pk}/",
        {
            "name": "Bronwen Ashcombe",
            "kind": "resident",
            "organisation_name": "",
            "postal_address": "22 Quenby Mews\nLondon",
            "postcode": "W11 9ZQ",
            "interests": [interests["health"].pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    postal_member.refresh_from_db()
    assert postal_member.postal_address == "22 Quenby Mews\nLondon"
    assert [interest.slug for interest in postal_member.interests.all()] == ["health"]
    details = postal_member.changes.get(what="details")
    assert details.after == {"fields": ["postal_address"]}
    assert details.changed_by == officer
    assert postal_member.changes.get(what="interests").changed_by == officer
    assert AuditEntry.objects.filter(action="members.changed", subject_id=postal_member.pk).exists()


def test_an_officer_records_renewed_consent_for_a_postal_member(
    officer_client, officer, postal_member
):
    response = officer_client.post(
        f"/admin/member/{postal_member.pk}/renew/", {"method": "at_event"}
    )
    assert response.status_code == 302
    latest = postal_member.consents.first()
    assert latest.method == ConsentRecord.Method.AT_EVENT
    assert latest.recorded_by == officer
    assert AuditEntry.objects.filter(action="members.renewed", subject_id=postal_member.pk).exists()


def test_the_join_page_says_how_to_join_by_post_or_telephone(client, interests, home_page):
    page = client.get("/join/").content.decode()
    assert "Joining by post or telephone" in page
    assert "postal address" in page
