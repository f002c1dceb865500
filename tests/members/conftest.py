"""Members fixtures, each built on the one before: the interests people choose from, a
member who joined online and confirmed, a postal member an officer added, and the clients
that act as each kind of person."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client
from wagtail.models import GroupPagePermission, Page

from home.models import Interest
from home.outbox import deliver_due_emails
from home.roles import PARTNERSHIP_OFFICERS, STEERING_GROUP_MEMBERS
from members.models import Member
from members.services.partnership import MembershipDetails, add_postal_member

SECRET = "JBSWY3DPEHPK3PXPKCPTESTS"


@pytest.fixture
def interests(db):
    """The strategy subjects the migration made, and a theme group's interest."""
    Interest.objects.get_or_create(
        slug="health", defaults={"name": "Health and Well-Being", "kind": "theme_group"}
    )
    return {interest.slug: interest for interest in Interest.objects.all()}


def join_data(vocabulary, **overrides):
    data = {
        "name": "Olwen Prydderch",
        "email": "olwen.prydderch@example.org",
        "kind": "resident",
        "organisation_name": "",
        "interests": [vocabulary["health"].pk, vocabulary["homes-and-housing"].pk],
        "route": "weekly_digest",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def joined_member(interests):
    """Someone who joined online, in their own browser, and followed the link in the email."""
    browser = Client()
    browser.post("/join/", join_data(interests))
    link = confirmation_link(sent_mail()[-1])
    browser.post(link)
    sent_mail().clear()
    return Member.objects.get(user__email="olwen.prydderch@example.org")


def sent_mail() -> list:
    """Deliver what the outbox holds now, as the worker would, and return what was sent."""
    while deliver_due_emails():
        pass
    return mail.outbox


def confirmation_link(message) -> str:
    for line in message.body.splitlines():
        if "/accounts/confirm-email/" in line:
            return line.strip().removeprefix("http://testserver")
    raise AssertionError(f"No confirmation link in {message.body!r}")


@pytest.fixture
def member_client(client, joined_member):
    """Signed in as the member (confirming in the same browser signs them in)."""
    client.force_login(joined_member.user)
    return client


@pytest.fixture
def postal_member(officer, interests):
    return add_postal_member(
        officer,
        MembershipDetails(
            name="Bronwen Ashcombe",
            kind="resident",
            organisation_name="",
            interests=(interests["older-people"],),
            route="post",
            postal_address="14 Quenby Mews\nLondon",
            postcode="W11 9ZQ",
        ),
        consent_method="paper_form",
        consent_given_on=datetime.date(2026, 11, 3),
    )


@pytest.fixture
def officer_client(client, officer):
    TOTP.activate(officer, SECRET)
    client.force_login(officer)
    return client


def _person(django_user_model, email, group_names=()):
    user = django_user_model.objects.create_user(email=email, password="correct horse battery")
    user.groups.add(*Group.objects.filter(name__in=group_names))
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def lead_officer(django_user_model, db):
    """A lead officer with edit rights on a group's pages and the admin: not an officer."""
    group = Group.objects.create(name="Lead officers: Health")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=Page.objects.get(depth=2),
        permission=Permission.objects.get(codename="change_page"),
    )
    return _person(django_user_model, "lead.officer@nhs.example", [group.name])


@pytest.fixture
def steering_group_member(django_user_model, db):
    return _person(django_user_model, "sg.member@kcp.example", [STEERING_GROUP_MEMBERS])


@pytest.fixture
def officers_group(db):
    return Group.objects.get(name=PARTNERSHIP_OFFICERS)
