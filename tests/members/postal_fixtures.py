"""Fixtures of the postal batch tests, each built on the one before: the Health and
Well-Being Partnership (whose page made its interest) and a housing subject, postal and
email members with the same interests, and the papers they hear about, recorded as
postings the way publishing records them."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Site

from home.models import Interest, PartnershipSettings
from home.roles import WIDER_PARTNERSHIP_MEMBERS
from members.models import Member, Posting
from members.services.partnership import MembershipDetails, add_postal_member
from papers.models import ReportPage
from tests.papers.conftest import publish
from tests.themegroups.conftest import _account, health_group, health_meeting, theme_groups

Route = Member.Route

# What tests/members/conftest.py takes from here (the fixtures, and those they stand on).
__all__ = [
    "email_readers",
    "health",
    "health_group",
    "health_meeting",
    "housing",
    "papers",
    "postal_readers",
    "postings",
    "return_address",
    "theme_groups",
]


def postal(officer, name, interests, *, address="14 Quenby Mews\nLondon", postcode="W11 9ZQ",
           large_print=False, kind="resident", organisation=""):  # fmt: skip
    return add_postal_member(
        officer,
        MembershipDetails(
            name=name,
            kind=kind,
            organisation_name=organisation,
            interests=tuple(interests),
            route=Route.POST,
            postal_address=address,
            postcode=postcode,
            is_large_print=large_print,
        ),
        consent_method="paper_form",
        consent_given_on=datetime.date(2026, 11, 3),
    )


def emailed(django_user_model, email, name, interests):
    user = _account(django_user_model, email, first_name=name.split()[0])
    user.groups.add(Group.objects.get(name=WIDER_PARTNERSHIP_MEMBERS))
    member = Member.objects.create(
        user=user,
        name=name,
        kind=Member.Kind.RESIDENT,
        route=Route.EMAIL_AT_ONCE,
        status=Member.Status.ACTIVE,
        verified_at=timezone.now(),
    )
    member.interests.set(interests)
    return member


def add_paper(meeting, title, *, purpose="What the paper is for.", subjects=()):
    page = ReportPage(title=title, purpose=purpose)
    page.subjects = list(subjects)
    return publish(meeting, page)


@pytest.fixture
def health(health_group):
    return Interest.objects.get(group_page=health_group)


@pytest.fixture
def housing(db):
    return Interest.objects.get(slug="homes-and-housing")


@pytest.fixture
def return_address(db):
    """The Partnership's contact details, which every letter prints."""
    partnership = PartnershipSettings.for_site(Site.objects.get(is_default_site=True))
    partnership.address = "The Town Hall\nHornton Street\nLondon\nW8 7NX"
    partnership.phone = "020 7361 3671"
    partnership.save()
    return partnership


@pytest.fixture
def postal_readers(officer, health, housing, return_address):
    """Three postal members: health; health and housing, in large print, for an
    organisation; and one who chose only older people, which nothing here is about."""
    return {
        "health": postal(
            officer, "Bronwen Ashcombe", [health], address="14 Quenby Mews\nNotting Hill\nLondon"
        ),
        "both": postal(
            officer,
            "Cyril Ferrand",
            [health, housing],
            address="Flat 3, Bramley House\n27 Elgin Crescent\nLondon",
            postcode="w11 2jd",
            large_print=True,
            kind="organisation",
            organisation="Golborne Tenants' Association",
        ),
        "neither": postal(
            officer,
            "Dilys Merton",
            [Interest.objects.get(slug="older-people")],
            address="2 Lancaster Road\nLondon",
            postcode="W11 1QR",
        ),
    }


@pytest.fixture
def email_readers(django_user_model, health, housing):
    """Email members with the same interests as the first two postal members."""
    return {
        "health": emailed(django_user_model, "ada.health@kcp.example", "Ada Health", [health]),
        "both": emailed(django_user_model, "ben.both@kcp.example", "Ben Both", [health, housing]),
    }


@pytest.fixture
def papers(health_meeting, housing):
    """Two papers of the Health and Well-Being Partnership's meeting, one of them also about
    housing; publishing each records it as a posting."""
    return [
        add_paper(
            health_meeting,
            "Health inequalities in the north of the borough",
            purpose="The gap in life expectancy between the north and the south.",
        ),
        add_paper(
            health_meeting,
            "Damp and mould in social housing",
            purpose="What damp homes do to children's health.",
            subjects=[housing],
        ),
    ]


@pytest.fixture
def postings(papers):
    found = list(Posting.objects.filter(page__in=papers).order_by("posted_at", "pk"))
    assert len(found) == len(papers)
    return found
