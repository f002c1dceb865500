"""Steering Group seats: a current seat gives the Steering Group members' role, leaving takes
it away at once, and the public Steering Group page lists current members from the seats."""

import datetime
import io

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from home.models import HomePage, Organisation, SteeringGroupSeat
from home.roles import STEERING_GROUP_MEMBERS
from home.seats import sync_steering_group_role
from tests.people import give_seat
from themegroups.models import GroupPage
from themegroups.services import add_lead_officer

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def in_role(user) -> bool:
    return user.groups.filter(name=STEERING_GROUP_MEMBERS).exists()


def test_a_current_seat_gives_the_steering_group_members_role(steering_group_member):
    assert in_role(steering_group_member)


def test_recording_that_a_member_left_today_takes_the_role_away_at_once(steering_group_member):
    seat = steering_group_member.steering_group_seats.get()
    seat.left = TODAY()
    seat.save()
    assert not in_role(steering_group_member)


def test_deleting_a_seat_takes_the_role_away(steering_group_member):
    steering_group_member.steering_group_seats.get().delete()
    assert not in_role(steering_group_member)


def test_a_seat_starting_next_week_gives_the_role_only_from_that_day(django_user_model, council):
    person = django_user_model.objects.create_user(email="new@kcp.example", password="x")
    give_seat(person, council, joined=TODAY() + datetime.timedelta(days=7))
    assert not in_role(person)
    assert sync_steering_group_role(on=TODAY() + datetime.timedelta(days=7)) == (1, 0)
    assert in_role(person)


def test_the_scheduled_job_takes_the_role_away_on_the_day_a_member_leaves(
    steering_group_member,
):
    seat = steering_group_member.steering_group_seats.get()
    # Recorded in advance; the day has now come (written without signals, as time passing is).
    SteeringGroupSeat.objects.filter(pk=seat.pk).update(left=TODAY())
    assert in_role(steering_group_member)
    out = io.StringIO()
    call_command("sync_steering_group_roles", stdout=out)
    assert not in_role(steering_group_member)
    assert "1 removed" in out.getvalue()


def test_someone_added_to_the_role_by_hand_without_a_seat_is_taken_out(django_user_model):
    person = django_user_model.objects.create_user(email="byhand@kcp.example", password="x")
    person.groups.add(Group.objects.get(name=STEERING_GROUP_MEMBERS))
    assert sync_steering_group_role() == (0, 1)
    assert not in_role(person)


def test_a_deactivated_account_loses_the_role(steering_group_member):
    steering_group_member.is_active = False
    steering_group_member.save()
    assert not in_role(steering_group_member)


def test_a_seat_cannot_end_before_it_starts(steering_group_member):
    seat = steering_group_member.steering_group_seats.get()
    seat.left = seat.joined - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        seat.full_clean()
    assert "on or after the day they joined" in str(error.value.message_dict["left"])


def test_steering_group_page_lists_current_members_names_and_organisations_only(
    client,
    steering_group,
    steering_group_member,
    django_user_model,
):
    police = Organisation.objects.create(name="Metropolitan Police", sector="police")
    former = django_user_model.objects.create_user(
        email="former@kcp.example", password="x", first_name="Frank", last_name="Former"
    )
    give_seat(former, police, left=TODAY() - datetime.timedelta(days=30))
    seat = steering_group_member.steering_group_seats.get()
    seat.deputy = "Deputy Dawn"
    seat.save()
    html = client.get("/steering-group/").content.decode()
    assert "Members by partner organisation" in html
    assert "<h3>Royal Borough of Kensington and Chelsea</h3>" in html
    assert "Joan Baptiste" in html
    assert "Frank Former" not in html and "Metropolitan Police" not in html
    assert "joan.member@kcp.example" not in html
    assert "Deputy Dawn" not in html


def test_officer_records_a_seat_in_the_admin_and_the_role_follows(
    client, officer, council, django_user_model
):
    TOTP.activate(officer, "JBSWY3DPEHPK3PXPKCPTESTS")
    client.force_login(officer)
    person = django_user_model.objects.create_user(email="seated@kcp.example", password="x")
    response = client.post(
        "/admin/snippets/home/steeringgroupseat/add/",
        {
            "person": person.pk,
            "organisation": council.pk,
            "title": "Council representative",
            "deputy": "",
            "joined": TODAY().isoformat(),
            "left": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert in_role(person)


def test_seats_admin_is_refused_to_members_and_lead_officers(
    client, steering_group_member, council, django_user_model
):
    group = GroupPage(title="Health", slug="health", kind="theme_group", purpose="Health.")
    HomePage.objects.get().add_child(instance=group)
    lead = django_user_model.objects.create_user(email="lead@kcp.example", password="x")
    add_lead_officer(lead, group)
    for person in (steering_group_member, lead):
        client.force_login(person)
        assert client.get("/admin/snippets/home/steeringgroupseat/").status_code in (302, 403)
        client.post(
            "/admin/snippets/home/steeringgroupseat/add/",
            {
                "person": person.pk,
                "organisation": council.pk,
                "title": "Self-appointed",
                "joined": TODAY().isoformat(),
            },
        )
    assert not SteeringGroupSeat.objects.filter(title="Self-appointed").exists()
