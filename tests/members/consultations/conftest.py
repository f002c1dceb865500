"""Consultations with responses, each fixture built on the one before: the open consultation
of the Steering Group (tests.papers.conftest), a theme group's own consultation and its lead
officer, members who respond, and officers' clients with two-factor set up."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone

from members.consultations.models import Response
from members.consultations.services import Responder, respond, taking_responses
from tests.papers.conftest import (  # noqa: F401
    closed_consultation,
    consultation,
    consultation_with_results,
    contact_officer,
    make_consultation,
    meeting,
    publish,
    report,
    report_open_for_comments,
    steering_group,
    theme_group,
    upcoming_consultation,
)
from themegroups.services import add_lead_officer

SECRET = "JBSWY3DPEHPK3PXPKCPTESTS"
PASSWORD = "correct horse battery"


def account(django_user_model, email, **fields):
    user = django_user_model.objects.create_user(email=email, password=PASSWORD, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def answers(priority="Membership", first="More induction for new members.", other=""):
    return [
        {
            "key": "priority",
            "question": "Which area for action matters most to you?",
            "answer": priority,
        },
        {"key": "first", "question": "What should the Partnership do first?", "answer": first},
        {"key": "else", "question": "Anything else?", "answer": other},
    ]


def form_data(priority="Membership", first="More induction for new members.", **extra):
    return {"answer_priority": priority, "answer_first": first, "answer_else": "", **extra}


@pytest.fixture
def amira(django_user_model):
    return account(
        django_user_model, "amira@residents.example", first_name="Amira", last_name="Hassan"
    )


@pytest.fixture
def ben(django_user_model):
    return account(django_user_model, "ben@residents.example", first_name="Ben", last_name="Okafor")


@pytest.fixture
def amiras_response(consultation, amira):  # noqa: F811 - the fixture imported above
    return respond(
        taking_responses(consultation, timezone.now()),
        Responder(user=amira, name="Amira Hassan"),
        answers=answers(first="Induction for new members, please."),
        organisation="Golborne Residents",
    )


@pytest.fixture
def officer_client(client, officer):
    TOTP.activate(officer, SECRET)
    client.force_login(officer)
    return client


@pytest.fixture
def theme_consultation(theme_group):  # noqa: F811 - the fixture imported above
    return make_consultation(
        theme_group, title="Healthy schools: your views", slug="healthy-schools"
    )


@pytest.fixture
def health_lead(django_user_model, theme_group):  # noqa: F811 - the fixture imported above
    """The lead officer of the Health and Well-Being Partnership, and of nothing else."""
    user = account(django_user_model, "lead.health@kcp.example", first_name="Layla")
    add_lead_officer(user, theme_group)
    return user


@pytest.fixture
def responses_to_both(consultation, theme_consultation, amira, ben):  # noqa: F811 - the fixture imported above
    """Amira answers both consultations, Ben only the theme group's."""
    now = timezone.now()
    for page, person, text in (
        (consultation, amira, "Steering Group: more induction"),
        (theme_consultation, amira, "Health: school meals"),
        (theme_consultation, ben, "Health: walking buses"),
    ):
        respond(
            taking_responses(page, now),
            Responder(user=person, name=person.get_full_name()),
            answers=answers(first=text),
            organisation=f"{person.first_name}'s Residents Association",
        )
    return Response.objects.order_by("pk")
