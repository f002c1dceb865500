"""The meeting cycle's fixtures, on the papers fixtures: the Steering Group's meeting with its
minutes, a theme group's meeting, a lead officer of the theme group, and contacts who own
actions."""

import datetime

import pytest

from tests.fixtures.papers import LONDON, publish


@pytest.fixture
def theme_meeting(theme_group):
    from papers.models import MeetingPage

    return publish(
        theme_group,
        MeetingPage(
            title="Health and Well-Being Partnership, 10 June 2009",
            start=datetime.datetime(2009, 6, 10, 14, 0, tzinfo=LONDON),
            venue_name="The Town Hall",
        ),
    )


@pytest.fixture
def lead_officer(django_user_model, theme_group):
    """A lead officer of the Health and Well-Being Partnership only."""
    from allauth.account.models import EmailAddress

    from themegroups.services import add_lead_officer

    user = django_user_model.objects.create_user(
        email="lead.health@kcp.example", password="x", first_name="Amira"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    add_lead_officer(user, theme_group)
    return user


@pytest.fixture
def owner(db):
    from papers.models import ContactOfficer

    return ContactOfficer.objects.create(
        name="Rachel Smith",
        job_title="KCP Manager",
        organisation="RBKC",
        email="Rachel.Smith@rbkc.example",
        phone="020 7361 3671",
    )


@pytest.fixture
def postal_owner(db):
    from papers.models import ContactOfficer

    return ContactOfficer.objects.create(
        name="Derek Myers", organisation="KCSC", phone="020 7000 0000"
    )
