"""Fixtures and helpers of the alerts tests: members who hear at once, weekly or by post,
with interests in the Health and Well-Being Partnership (a theme group, whose page made its
interest) or not, and the papers they hear about."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from home.models import Interest
from home.roles import STEERING_GROUP_MEMBERS, WIDER_PARTNERSHIP_MEMBERS
from members.models import Member
from members.services import alerts
from papers.models import ReportPage
from tests.papers.conftest import publish
from tests.themegroups.conftest import (  # noqa: F401
    _account,
    health_group,
    health_meeting,
    theme_groups,
)

Route = Member.Route


def make_member(
    django_user_model, email, interests, *, route=Route.EMAIL_AT_ONCE, groups=(), name=None
):
    user = None
    if route != Route.POST:
        user = _account(django_user_model, email, first_name=(name or email).split()[0])
        user.groups.add(*Group.objects.filter(name__in=[WIDER_PARTNERSHIP_MEMBERS, *groups]))
    member = Member.objects.create(
        user=user,
        name=name or email.split("@")[0].replace(".", " ").title(),
        kind=Member.Kind.RESIDENT,
        route=route,
        status=Member.Status.ACTIVE,
        verified_at=timezone.now(),
        postal_address="1 Quenby Mews\nLondon" if route == Route.POST else "",
        postcode="W11 9ZQ" if route == Route.POST else "",
    )
    member.interests.set(interests)
    return member


def add_report(meeting, title="Health inequalities in the north of the borough", **fields):
    return publish(
        meeting,
        ReportPage(
            title=title,
            purpose=fields.pop("purpose", "This paper sets out the gap in life expectancy."),
            **fields,
        ),
    )


def send_alerts(deliver_outbox) -> list:
    """Fan out what is due, deliver it, and return every message delivered so far."""
    alerts.send_due_postings()
    return deliver_outbox()


def sent_to(messages, member) -> list:
    return [message for message in messages if member.email in message.to]


@pytest.fixture
def health_interest(health_group):  # noqa: F811
    return Interest.objects.get(group_page=health_group)


@pytest.fixture
def housing_interest(db):
    return Interest.objects.get(slug="homes-and-housing")


@pytest.fixture
def health_reader(django_user_model, health_interest):
    return make_member(django_user_model, "ada.health@kcp.example", [health_interest])


@pytest.fixture
def housing_reader(django_user_model, housing_interest):
    return make_member(django_user_model, "ben.housing@kcp.example", [housing_interest])


@pytest.fixture
def weekly_health_reader(django_user_model, health_interest):
    return make_member(
        django_user_model,
        "cleo.weekly@kcp.example",
        [health_interest],
        route=Route.WEEKLY_DIGEST,
    )


@pytest.fixture
def postal_health_reader(django_user_model, health_interest):
    return make_member(django_user_model, "", [health_interest], route=Route.POST, name="Dora Post")


@pytest.fixture
def steering_health_reader(django_user_model, health_interest):
    return make_member(
        django_user_model,
        "eve.steering@kcp.example",
        [health_interest],
        groups=[STEERING_GROUP_MEMBERS],
    )


class WorkerDied(Exception):
    """The failure injected part-way through a fan-out."""


def die_after_first_batch(monkeypatch) -> None:
    """The worker dies as it comes to queue the second batch: the first batch is queued
    for real, by the real `_queue_batch`, and the run raises."""
    real = alerts._queue_batch
    calls = []

    def queue_then_die(messages, channel):
        calls.append(channel)
        if len(calls) > 1:
            raise WorkerDied("the worker died part-way")
        return real(messages, channel)

    monkeypatch.setattr(alerts, "_queue_batch", queue_then_die)
