"""Members' area fixtures, each built on the one before: the induction section with its
modules and a document, Steering Group members at different points of it, officers and
lead officers."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from members.models import InductionDocument, InductionIndexPage, InductionModulePage
from members.services.induction import induction_collection, mark_module_done
from papers.models import MeetingPage
from tests.conftest import give_seat
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
