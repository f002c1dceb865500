"""Representation: the composition report flags a group where the voluntary and community
sector falls below one third (at, just below and just above it), only officers see it; an
interest in joining reaches that group's contact and lead officers and nobody else, from an
account or through the emailed link, and officers move it through its states."""

from decimal import Decimal

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from wagtail.models import Site

from home.audit import AuditEntry
from home.models import Organisation, OutgoingEmail
from papers.models import ContactOfficer
from tests.fixtures.papers import publish
from themegroups.models import GroupMember, GroupPage
from themegroups.representation.composition import (
    RESIDENT,
    STATUTORY,
    VOLUNTARY,
    category_of,
    is_below_threshold,
)
from themegroups.representation.models import InterestRequest, RepresentationSettings
from themegroups.representation.personal_data import InterestRequestsData
from themegroups.representation.services import Interest, link_token
from themegroups.services import add_lead_officer

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPKCPTESTS"
THIRD = Decimal("33.33")


def test_the_sector_mapping_is_as_the_report_states():
    assert category_of(Organisation.Sector.COUNCIL) == STATUTORY
    assert category_of(Organisation.Sector.HEALTH) == STATUTORY
    assert category_of(Organisation.Sector.POLICE) == STATUTORY
    assert category_of(Organisation.Sector.EDUCATION) == STATUTORY
    assert category_of(Organisation.Sector.VOLUNTARY) == VOLUNTARY
    assert category_of(None) == RESIDENT
    assert category_of(Organisation.Sector.OTHER) == "other"


def test_exactly_one_third_is_not_flagged():
    assert not is_below_threshold(3, 9, THIRD)
    assert not is_below_threshold(1, 3, THIRD)


def test_just_below_one_third_is_flagged():
    assert is_below_threshold(33, 100, THIRD)
    assert is_below_threshold(2, 7, THIRD)


def test_just_above_one_third_is_not_flagged():
    assert not is_below_threshold(34, 100, THIRD)
    assert not is_below_threshold(4, 11, THIRD)


def test_an_empty_group_is_not_flagged():
    assert not is_below_threshold(0, 0, THIRD)


def organisation(name, sector):
    return Organisation.objects.get_or_create(name=name, defaults={"sector": sector})[0]


def group_with(home_page, title, voluntary, others):
    group = publish(home_page, GroupPage(title=title, purpose="A group."))
    for number in range(voluntary):
        GroupMember.objects.create(
            page=group, organisation=organisation(f"Voluntary {number}", "voluntary")
        )
    for number in range(others):
        GroupMember.objects.create(
            page=group, organisation=organisation(f"Council {number}", "council")
        )
    return group


@pytest.fixture
def officer_client(client, officer):
    TOTP.activate(officer, SECRET)
    client.force_login(officer)
    return client


def test_the_composition_report_flags_only_groups_below_one_third(officer_client, home_page):
    group_with(home_page, "At a third", 3, 6)
    group_with(home_page, "Below a third", 2, 5)
    group_with(home_page, "Above a third", 4, 7)
    html = officer_client.get("/admin/representation/composition/").content.decode()
    assert "Council, NHS and health, police, and education count as statutory." in html
    assert "less than 33.33% of its members" in html
    rows = {
        title: html.split(f'<th scope="row">{title}</th>')[1].split("</tr>")[0]
        for title in ("At a third", "Below a third", "Above a third")
    }
    assert "flagged" not in rows["At a third"] and "33%" in rows["At a third"]
    assert "Below 33.33%: flagged" in rows["Below a third"]
    assert "flagged" not in rows["Above a third"]


def test_the_threshold_comes_from_site_settings(officer_client, home_page):
    group_with(home_page, "At a third", 3, 6)
    setting = RepresentationSettings.for_site(Site.objects.get(is_default_site=True))
    setting.voluntary_sector_threshold = Decimal("40")
    setting.save()
    html = officer_client.get("/admin/representation/composition/").content.decode()
    assert "Below 40%: flagged" in html


def test_only_officers_see_the_composition_report(client, steering_group_member, home_page):
    group_with(home_page, "Below a third", 2, 5)
    client.force_login(steering_group_member)
    response = client.get("/admin/representation/composition/")
    assert response.status_code in (302, 403)
    assert "Below a third" not in response.content.decode()


@pytest.fixture
def two_groups(home_page, django_user_model):
    health_contact = ContactOfficer.objects.create(name="Health contact", email="h@nhs.example")
    health = publish(
        home_page,
        GroupPage(title="Health", slug="health-group", purpose="H.", contact=health_contact),
    )
    safety = publish(home_page, GroupPage(title="Safety", slug="safety", purpose="S."))
    health_lead = django_user_model.objects.create_user(email="lead.h@kcp.example", password="x")
    safety_lead = django_user_model.objects.create_user(email="lead.s@kcp.example", password="x")
    add_lead_officer(health_lead, health)
    add_lead_officer(safety_lead, safety)
    return health, safety


def test_an_interest_from_a_member_reaches_the_groups_officers_and_nobody_else(
    client, wider_partnership_member, two_groups, officer
):
    health, _ = two_groups
    client.force_login(wider_partnership_member)
    response = client.post(
        f"/groups/{health.pk}/join/", {"organisation": "", "message": "Ten years as a carer."}
    )
    assert "Your interest has been sent" in response.content.decode()
    request = InterestRequest.objects.get()
    assert (request.group, request.user, request.state) == (health, wider_partnership_member, "new")
    email = OutgoingEmail.objects.get(kind="Interest in joining a group")
    assert sorted(email.to) == ["h@nhs.example", "lead.h@kcp.example"]
    assert "lead.s@kcp.example" not in str(email.to) and officer.email not in email.to
    assert "Ten years as a carer." in email.body_text


def test_someone_not_signed_in_is_sent_a_link_and_nothing_reaches_officers_before_it(
    client, two_groups
):
    health, _ = two_groups
    response = client.post(
        f"/groups/{health.pk}/join/",
        {"name": "Pat Jones", "email": "pat@example.org", "organisation": "Golborne Forum"},
    )
    assert "Check your email" in response.content.decode()
    assert not InterestRequest.objects.exists()
    link_email = OutgoingEmail.objects.get(kind="Confirm your interest in joining a group")
    assert link_email.to == ["pat@example.org"]
    confirm_path = (
        "/groups/join/confirm/" + link_email.body_text.split("/groups/join/confirm/")[1].split()[0]
    )
    assert "Pat Jones" in client.get(confirm_path).content.decode()
    assert not InterestRequest.objects.exists()  # a link checker's GET makes nothing
    client.post(confirm_path)
    client.post(confirm_path)  # following it twice makes one request
    request = InterestRequest.objects.get()
    assert (request.name, request.email, request.user) == ("Pat Jones", "pat@example.org", None)
    told = OutgoingEmail.objects.get(kind="Interest in joining a group")
    assert sorted(told.to) == ["h@nhs.example", "lead.h@kcp.example"]


def test_the_interest_form_says_what_to_fix_and_sends_nothing(client, two_groups):
    health, _ = two_groups
    response = client.post(f"/groups/{health.pk}/join/", {"name": "", "email": "not-an-email"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter your name." in html and "Enter an email address like name@example.org." in html
    assert not OutgoingEmail.objects.exists()


def test_a_tampered_link_is_refused_with_what_to_do(client, two_groups):
    health, _ = two_groups
    token = link_token(health, Interest("Pat", "pat@example.org", "", ""))
    response = client.post(f"/groups/join/confirm/{token[:-3]}abc/")
    assert response.status_code == 400
    assert "not complete or not one we sent" in response.content.decode()
    assert not InterestRequest.objects.exists()


def test_every_group_page_links_to_the_interest_form(client, two_groups):
    health, _ = two_groups
    assert f"/groups/{health.pk}/join/" in client.get(health.url).content.decode()


def test_an_officer_moves_a_request_through_its_states_and_it_is_audited(
    officer_client, two_groups, officer
):
    health, _ = two_groups
    request = InterestRequest.objects.create(group=health, name="Pat", email="pat@example.org")
    assert "Pat" in officer_client.get("/admin/interest_requests/").content.decode()
    listed = AuditEntry.objects.get(action="representation.listed")
    assert (listed.actor, listed.count) == (officer, 1)
    officer_client.get(f"/admin/interest_requests/edit/{request.pk}/")
    response = officer_client.post(
        f"/admin/interest_requests/edit/{request.pk}/", {"state": "contacted"}
    )
    assert response.status_code == 302
    assert InterestRequest.objects.get().state == "contacted"
    actions = set(AuditEntry.objects.filter(subject_id=request.pk).values_list("action", flat=True))
    assert {"representation.viewed", "representation.changed"} <= actions


def test_lead_officers_cannot_see_requests_in_the_admin(client, two_groups):
    health, _ = two_groups
    InterestRequest.objects.create(group=health, name="Pat", email="pat@example.org")
    lead = health.lead_officer_group.group.user_set.get()
    client.force_login(lead)
    response = client.get("/admin/interest_requests/")
    assert response.status_code in (302, 403)
    assert "pat@example.org" not in response.content.decode()


def test_interest_requests_are_exported_and_erased(wider_partnership_member, two_groups):
    health, _ = two_groups
    InterestRequest.objects.create(
        group=health, user=wider_partnership_member, name="Sam", email="x@example.org"
    )
    InterestRequest.objects.create(group=health, name="Sam", email=wider_partnership_member.email)
    assert InterestRequestsData().export(wider_partnership_member)[0]["group"] == "Health"
    InterestRequestsData().erase(wider_partnership_member)
    assert not InterestRequest.objects.exists()
