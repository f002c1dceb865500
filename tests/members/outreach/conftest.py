"""Outreach fixtures: a list with a group, a business, an association and a person who
consented to email, and a campaign reaching it."""

import datetime

import pytest

from members.outreach.campaigns import CampaignDetails, create_campaign
from members.outreach.contacts import ContactDetails, add_contact
from members.outreach.models import OutreachList


def details(**overrides) -> ContactDetails:
    given = {
        "name": "",
        "organisation": "Golborne Community Group",
        "kind": "voluntary_group",
        "email": "",
        "is_corporate_email": False,
        "postal_address": "12 Golborne Road\nLondon",
        "postcode": "W10 5NR",
        "source": "Council directory, 2026",
        "lawful_basis": "legitimate_interests",
        "has_consented_to_email": False,
    }
    given.update(overrides)
    return ContactDetails(**given)


@pytest.fixture
def groups_list(db):
    return OutreachList.objects.create(name="Local groups")


@pytest.fixture
def contacts(officer, groups_list):
    return {
        "group": add_contact(officer, groups_list, details()),
        "business": add_contact(
            officer,
            groups_list,
            details(
                organisation="Portobello Traders",
                kind="business",
                email="info@portobello.example",
                is_corporate_email=True,
                postal_address="",
                postcode="",
            ),
        ),
        "person": add_contact(
            officer,
            groups_list,
            details(
                name="Maria Santos",
                organisation="",
                kind="past_respondent",
                email="maria.santos@example.org",
                has_consented_to_email=True,
                lawful_basis="consent",
                postal_address="",
                postcode="",
            ),
        ),
    }


@pytest.fixture
def campaign(officer, groups_list, contacts):
    return create_campaign(
        officer,
        CampaignDetails(
            name="Launch month",
            starts_on=datetime.date(2026, 12, 1),
            ends_on=datetime.date(2026, 12, 31),
            lists=(groups_list,),
            kinds=(),
            message="Join the wider partnership.",
        ),
    )
