"""Fixtures for the security tests: the groups, people, pages and files of the theme-group
tests, so each attack starts from the same site the isolation tests use."""

import pytest
from django.test import Client

from tests.papers.conftest import (  # noqa: F401
    action_plan,
    later_meeting,
    meetings_index,
    minutes,
    paper_archive,
    progress_report,
    report,
)
from tests.themegroups.conftest import (  # noqa: F401
    PASSWORD,
    SECRET,
    contact_officer,
    health_group,
    health_meeting,
    lead_officer,
    lead_officer_client,
    meeting,
    member,
    officer_client,
    officer_with_two_factor,
    safety_document,
    safety_group,
    safety_meeting,
    safety_paper,
    steering_group,
    theme_groups,
)
from tests.themegroups.test_news_and_views import next_steering_group  # noqa: F401


@pytest.fixture
def officer_browser(officer_with_two_factor):  # noqa: F811
    """A Partnership officer's own client, beside the `client` other fixtures sign in."""
    officer = Client()
    officer.force_login(officer_with_two_factor)
    return officer


@pytest.fixture
def visitor():
    """Someone not signed in, with their own client."""
    return Client()
