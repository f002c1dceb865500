"""Events most registration tests start from, each built on the one before: the /events/
listing, a group that runs events and its lead officer, a public workshop with five places,
and the members who register."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.utils import timezone

from home.roles import STEERING_GROUP_MEMBERS, WIDER_PARTNERSHIP_MEMBERS
from members.events.models import (
    Audience,
    EventIndexPage,
    EventPage,
    EventPlaces,
    EventQuestion,
)
from members.events.services import Applicant, register_for_event
from themegroups.models import GroupPage
from themegroups.services import add_lead_officer

LONDON = ZoneInfo("Europe/London")


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def in_days(days: int, hour: int = 10) -> datetime.datetime:
    day = (timezone.now() + datetime.timedelta(days=days)).astimezone(LONDON).date()
    return datetime.datetime(day.year, day.month, day.day, hour, 0, tzinfo=LONDON)


def make_event(parent, *, title="Community Strategy workshop", slug=None, places=5, **fields):
    values = {
        "start": in_days(30),
        "end": in_days(30, hour=13),
        "venue_name": "Kensington Town Hall",
        "venue_address": "Hornton Street\nLondon W8 7NX",
        "is_step_free": True,
        "has_hearing_loop": True,
        "access_notes": "The accessible entrance is on Phillimore Walk.",
        "purpose": "<p>Shape the next Community Strategy with partners and residents.</p>",
        "audience": Audience.PUBLIC,
        **fields,
    }
    event = publish(parent, EventPage(title=title, slug=slug or "", **values))
    EventPlaces.objects.filter(event=event).update(capacity=places)
    return event


def applicant(number: int = 1, **fields):
    return Applicant(
        name=fields.pop("name", f"Person {number}"),
        email=fields.pop("email", f"person{number}@example.org"),
        **fields,
    )


@pytest.fixture
def events_index(home_page):
    return publish(home_page, EventIndexPage(title="Events", slug="events"))


@pytest.fixture
def running_group(home_page):
    return publish(
        home_page,
        GroupPage(
            title="Voluntary Organisations Forum",
            slug="voluntary-organisations-forum",
            purpose="Brings the voluntary sector together.",
        ),
    )


@pytest.fixture
def lead_officer(django_user_model, running_group):
    user = django_user_model.objects.create_user(
        email="lead@voluntary.example", password="correct horse battery", first_name="Maria"
    )
    add_lead_officer(user, running_group)
    return user


@pytest.fixture
def workshop(events_index, running_group):
    """A public workshop run by the forum, five places, with two questions of its own."""
    event = make_event(events_index, run_by=running_group)
    EventQuestion.objects.create(page=event, label="Organisation", is_required=True)
    EventQuestion.objects.create(
        page=event,
        label="Which workshop",
        kind=EventQuestion.Kind.CHOICE,
        choices="Housing\nHealth",
        is_required=True,
    )
    return event


@pytest.fixture
def full_workshop(workshop):
    """The workshop with its five places taken and two people waiting."""
    for number in range(1, 8):
        register_for_event(workshop, applicant(number), join_waiting_list_if_full=True)
    return workshop


def member_with_role(django_user_model, email: str, role: str, **fields):
    user = django_user_model.objects.create_user(
        email=email, password="correct horse battery", **fields
    )
    user.groups.add(Group.objects.get(name=role))
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def wider_member(django_user_model):
    return member_with_role(
        django_user_model,
        "amira@residents.example",
        WIDER_PARTNERSHIP_MEMBERS,
        first_name="Amira",
        last_name="Hassan",
    )


@pytest.fixture
def other_member(django_user_model):
    return member_with_role(
        django_user_model,
        "ben@residents.example",
        WIDER_PARTNERSHIP_MEMBERS,
        first_name="Ben",
        last_name="Okafor",
    )


@pytest.fixture
def steering_member(django_user_model):
    return member_with_role(
        django_user_model, "chair@kcp.example", STEERING_GROUP_MEMBERS, first_name="Helen"
    )


@pytest.fixture
def officer(officer):
    """Officers see personal data, so the site sends one without two-factor to set it up."""
    TOTP.activate(officer, "JBSWY3DPEHPK3PXPKCPTESTS")
    return officer
