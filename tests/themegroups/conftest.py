"""Group fixtures, each built on the one before: the theme groups index, two groups (health,
led by our lead officer, and community safety, which is not theirs), their meetings, papers
and files, and the people who use them."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP

from tests.papers.conftest import (  # noqa: F401
    LONDON,
    contact_officer,
    meeting,
    publish,
    steering_group,
)

SECRET = "JBSWY3DPEHPK3PXPKCPTESTS"
PASSWORD = "correct horse battery"


@pytest.fixture
def theme_groups(home_page):
    from themegroups.models import GroupIndexPage

    return publish(
        home_page,
        GroupIndexPage(
            title="Theme groups", slug="theme-groups", introduction="Every group of the KCP."
        ),
    )


def _group(index, title, slug, purpose):
    from themegroups.models import GroupPage

    return publish(
        index,
        GroupPage(title=title, slug=slug, kind=GroupPage.Kind.THEME_GROUP, purpose=purpose),
    )


def _meeting(group, title, start):
    from papers.models import MeetingPage

    return publish(
        group,
        MeetingPage(title=title, start=start, venue_name="The Town Hall", status="scheduled"),
    )


@pytest.fixture
def health_group(theme_groups):
    return _group(
        theme_groups,
        "Health and Well-Being Partnership",
        "health",
        "Improves health and reduces health inequalities.",
    )


@pytest.fixture
def safety_group(theme_groups):
    return _group(
        theme_groups,
        "Community Safety Programme Board",
        "community-safety",
        "Works to reduce crime and the fear of crime.",
    )


@pytest.fixture
def health_meeting(health_group):
    return _meeting(
        health_group,
        "Health and Well-Being Partnership, 2 June 2099",
        datetime.datetime(2099, 6, 2, 14, 0, tzinfo=LONDON),
    )


@pytest.fixture
def safety_meeting(safety_group):
    return _meeting(
        safety_group,
        "Community Safety Programme Board, 9 June 2099",
        datetime.datetime(2099, 6, 9, 14, 0, tzinfo=LONDON),
    )


@pytest.fixture
def safety_paper(safety_meeting):
    from papers.models import ReportPage

    paper = publish(
        safety_meeting,
        ReportPage(
            title="Safer Streets report",
            slug="safer-streets",
            purpose="This paper sets out the Safer Streets programme.",
        ),
    )
    paper.title = "Safer Streets report (revised)"
    paper.save_revision().publish()
    return paper


@pytest.fixture
def safety_document(safety_group):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from papers.services import collection_for_group

    return Document.objects.create(
        title="Safer Streets annex",
        collection=collection_for_group(safety_group),
        file=ContentFile(b"Annex A: crime figures.", name="safer-streets-annex.txt"),
    )


def png_file(name="picture.png"):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "teal").save(buffer, "PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name=name)


@pytest.fixture
def safety_image(safety_group):
    from wagtail.images.models import Image

    from papers.services import collection_for_group

    return Image.objects.create(
        title="Safer Streets poster",
        collection=collection_for_group(safety_group),
        file=png_file("safer-streets.png"),
    )


def _account(django_user_model, email, *, first_name=""):
    user = django_user_model.objects.create_user(
        email=email, password=PASSWORD, first_name=first_name
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def lead_officer(django_user_model, health_group):
    """A lead officer of the Health and Well-Being Partnership, and of nothing else."""
    from themegroups.services import add_lead_officer

    user = _account(django_user_model, "lead.health@kcp.example", first_name="Amira")
    add_lead_officer(user, health_group)
    return user


@pytest.fixture
def lead_officer_client(client, lead_officer):
    client.force_login(lead_officer)
    return client


@pytest.fixture
def officer_with_two_factor(officer):
    TOTP.activate(officer, SECRET)
    return officer


@pytest.fixture
def officer_client(client, officer_with_two_factor):
    client.force_login(officer_with_two_factor)
    return client


@pytest.fixture
def member(django_user_model):
    """Someone signed in who is neither a lead officer nor an officer."""
    return _account(django_user_model, "member@kcp.example")
