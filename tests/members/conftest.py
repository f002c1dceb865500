"""The members folder's own fixtures; the ones other folders share are in tests/fixtures/."""

import pytest

from tests.fixtures.papers import publish
from tests.people import account
from themegroups.models import GroupPage
from themegroups.services import add_lead_officer


@pytest.fixture(autouse=True)
def uploads_in_tmp(media_in_tmp):
    """Every members' test keeps its uploads in its own folder."""


@pytest.fixture
def lead_officer(django_user_model, home_page):
    """A lead officer of a "Health" group of their own, with no other rights."""
    group = publish(
        home_page,
        GroupPage(title="Health", slug="health", kind="theme_group", purpose="Health."),
    )
    user = account(django_user_model, "lead.health@kcp.example", "Amira")
    add_lead_officer(user, group)
    return user
