"""Members fixtures, each built on the one before: the interests people choose from, a
member who joined online and confirmed, a postal member an officer added, and the clients
that act as each kind of person; the induction section with its modules and a document,
Steering Group members at different points of it, officers and lead officers."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model

from home.models import Interest
from home.outbox import deliver_due_emails
from members.models import InductionDocument, InductionIndexPage, InductionModulePage, Member
from members.services.induction import induction_collection, mark_module_done
from members.services.partnership import MembershipDetails, add_postal_member
from papers.models import MeetingPage
from tests.conftest import give_seat
from tests.members.alerts_fixtures import (  # noqa: F401
    health_group,
    health_interest,
    health_meeting,
    health_reader,
    housing_interest,
    housing_reader,
    postal_health_reader,
    steering_health_reader,
    theme_groups,
    weekly_health_reader,
)
from tests.members.events.conftest import events_index  # noqa: F401
from tests.papers.conftest import LONDON, publish, steering_group  # noqa: F401
from themegroups.models import GroupPage
from themegroups.services import add_lead_officer

SECRET = "JBSWY3DPEHPK3PXPKCPTESTS"
PASSWORD = "correct horse battery"

MODULE_TITLES = [
    "What the Partnership is and does",
    "How Steering Group meetings work",
    "Theme groups and sub-partnerships",
    "The review's priorities for 2009/10",
]


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def add_module(index, title, body="<p>The Partnership brings partners together.</p>"):
    return publish(index, InductionModulePage(title=title, summary=f"About {title}.", body=body))


@pytest.fixture
def induction(home_page):
    return publish(
        home_page,
        InductionIndexPage(title="Induction", slug="induction", introduction="Welcome."),
    )


@pytest.fixture
def modules(induction):
    return [add_module(induction, title) for title in MODULE_TITLES]


@pytest.fixture
def induction_document(modules):
    """A document in the induction's collection, listed on the first module."""
    document = get_document_model().objects.create(
        title="Terms of reference and the Compact",
        file=ContentFile(b"The Compact between the Council and the sector.", name="compact.txt"),
        collection=induction_collection(),
    )
    first = modules[0]
    first.documents = [InductionDocument(document=document)]
    first.save_revision().publish()
    return document


def account(django_user_model, email, first_name="", last_name=""):
    user = django_user_model.objects.create_user(
        email=email, password=PASSWORD, first_name=first_name, last_name=last_name
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def new_member(django_user_model, council):
    """Took their seat two days ago; has done nothing yet."""
    user = account(django_user_model, "alan.new@kcp.example", "Alan", "Brown")
    give_seat(
        user,
        council,
        title="Learning representative",
        joined=timezone.localdate() - datetime.timedelta(days=2),
    )
    return user


@pytest.fixture
def half_way_member(django_user_model, council, modules):
    """Has finished the first half of the modules."""
    user = account(django_user_model, "maria.half@kcp.example", "Maria", "Lopez")
    give_seat(user, council, title="Voluntary sector representative")
    for module in modules[: len(modules) // 2]:
        mark_module_done(user, module.pk)
    return user


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


@pytest.fixture
def lead_officer(django_user_model, home_page):
    group = publish(
        home_page,
        GroupPage(title="Health", slug="health", kind="theme_group", purpose="Health."),
    )
    user = account(django_user_model, "lead.health@kcp.example", "Amira")
    add_lead_officer(user, group)
    return user


@pytest.fixture
def upcoming_meeting(steering_group):  # noqa: F811
    return publish(
        steering_group,
        MeetingPage(
            title="Steering Group meeting, 15 March 2099",
            start=datetime.datetime(2099, 3, 15, 18, 30, tzinfo=LONDON),
            venue_name="The Town Hall",
        ),
    )
