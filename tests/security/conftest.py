"""Fixtures for the security tests: the groups, people, pages and files of the theme-group
tests, so each attack starts from the same site the isolation tests use."""

import pytest
from django.test import Client


@pytest.fixture
def officer_browser(officer_with_two_factor):
    """A Partnership officer's own client, beside the `client` other fixtures sign in."""
    officer = Client()
    officer.force_login(officer_with_two_factor)
    return officer


@pytest.fixture
def visitor():
    """Someone not signed in, with their own client."""
    return Client()
