"""The events folder's own fixtures; the shared ones are in tests/fixtures/events.py."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP

from tests.people import SECRET


@pytest.fixture
def lead_officer(forum_lead_officer):
    """Here, a lead officer is the forum's, which runs the events."""
    return forum_lead_officer


@pytest.fixture
def officer(officer):
    """Officers see personal data, so the site sends one without two-factor to set it up."""
    TOTP.activate(officer, SECRET)
    return officer
