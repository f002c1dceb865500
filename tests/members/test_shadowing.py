"""Shadowing and meet-a-member: an officer pairs a new member with an existing one, both are
introduced by email, either marks it done, and nobody else can see or change it."""

import pytest

from home.models import OutgoingEmail
from members.models import Pairing

pytestmark = pytest.mark.django_db


def pairing_form(new, existing, **extra):
    return {
        "new_member": new.pk,
        "existing_member": existing.pk,
        "kind": "conversation",
        "meeting": "",
        "expectations": "",
        **extra,
    }


@pytest.fixture
def pairing(officer_client, new_member, steering_group_member):
    response = officer_client.post(
        "/admin/pairings/new/", pairing_form(new_member, steering_group_member)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    officer_client.logout()
    return Pairing.objects.get()


def test_officer_pairs_members_and_both_get_an_introduction_email(pairing, officer):
    emails = OutgoingEmail.objects.filter(kind="Pairing introduction")
    assert sorted(email.to[0] for email in emails) == [
        "alan.new@kcp.example",
        "joan.member@kcp.example",
    ]
    to_new = emails.get(to=["alan.new@kcp.example"])
    assert to_new.subject == "Meet Joan Baptiste: a conversation outside meetings"
    assert "Welcome to the Steering Group" in to_new.body_text
    assert "joan.member@kcp.example" in to_new.body_text
    assert "Meet for half an hour" in to_new.body_text
    assert "What is expected" in to_new.body_html
    assert pairing.arranged_by == officer


def test_new_members_dashboard_shows_the_pairing_and_either_can_mark_it_done(
    client, pairing, new_member, steering_group_member
):
    client.force_login(new_member)
    html = client.get("/members/").content.decode()
    assert "A conversation outside meetings" in html
    assert "Joan Baptiste" in html
    client.force_login(steering_group_member)
    assert "Alan Brown (new member)" in client.get("/members/").content.decode()
    response = client.post(f"/members/pairings/{pairing.pk}/done/")
    assert response.status_code == 302
    pairing.refresh_from_db()
    assert pairing.is_done and pairing.completed_by == steering_group_member
    client.force_login(new_member)
    assert "Done on" in client.get("/members/").content.decode()


def test_someone_outside_a_pairing_can_neither_see_nor_mark_it_by_its_id(
    client, pairing, half_way_member
):
    client.force_login(half_way_member)
    assert client.post(f"/members/pairings/{pairing.pk}/done/").status_code == 404
    pairing.refresh_from_db()
    assert not pairing.is_done
    assert "Joan Baptiste" not in client.get("/members/").content.decode()


def test_a_pairing_needs_two_seat_holders_and_a_meeting_for_shadowing(
    officer_client, new_member, steering_group_member, wider_partnership_member
):
    same = officer_client.post("/admin/pairings/new/", pairing_form(new_member, new_member))
    assert "Choose two different people" in same.content.decode()
    shadowing = officer_client.post(
        "/admin/pairings/new/",
        pairing_form(new_member, steering_group_member, kind="shadowing"),
    )
    assert "Shadowing happens at a meeting: choose the meeting" in shadowing.content.decode()
    outsider = officer_client.post(
        "/admin/pairings/new/", pairing_form(new_member, wider_partnership_member)
    )
    assert outsider.status_code == 200
    assert not Pairing.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_pairing_screens_are_refused_to_members_and_lead_officers(
    client, new_member, steering_group_member, lead_officer
):
    for person in (steering_group_member, lead_officer):
        client.force_login(person)
        assert client.get("/admin/pairings/").status_code in (302, 403)
        client.post("/admin/pairings/new/", pairing_form(new_member, steering_group_member))
    assert not Pairing.objects.exists()
